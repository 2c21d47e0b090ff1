import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseW3cDatetime, w3cDatetime, W3C_DATETIME } from './datetime.js';

test('we write Vietnam time with +07:00 and whole seconds, whatever the input type', () => {
  assert.equal(w3cDatetime(new Date('2026-11-23T02:30:00.999Z')), '2026-11-23T09:30:00+07:00');
  assert.equal(w3cDatetime('2026-11-23T02:30:00Z'), '2026-11-23T09:30:00+07:00');
  assert.equal(w3cDatetime(Date.UTC(2026, 10, 23, 2, 30)), '2026-11-23T09:30:00+07:00');
  assert.match(w3cDatetime(new Date()), W3C_DATETIME);
  assert.throws(() => w3cDatetime('not a date'), RangeError);
});

test('we read Z, ±hh:mm, ±hhmm, fractions and times without seconds; a bare date is Vietnam midnight', () => {
  const at = (s: string) => parseW3cDatetime(s)?.instant.toISOString();
  assert.equal(at('2026-11-23T09:30:00+07:00'), '2026-11-23T02:30:00.000Z');
  assert.equal(at('2026-11-23T02:30:00Z'), '2026-11-23T02:30:00.000Z');
  assert.equal(at('2026-11-23T02:30:00.123456Z'), '2026-11-23T02:30:00.123Z');
  assert.equal(at('2026-11-22T21:30-05:00'), '2026-11-23T02:30:00.000Z');
  assert.equal(at('2026-11-23T09:30:00+0700'), '2026-11-23T02:30:00.000Z');
  assert.deepEqual(parseW3cDatetime('2026-11-23'), { instant: new Date('2026-11-22T17:00:00Z'), dateOnly: true });
});

test('we refuse what has no certain instant: no zone, impossible dates and times, other formats', () => {
  for (const bad of ['2026-11-23T09:30:00', '2026-02-29', '2026-13-01', '2026-11-23T24:00:00Z', '2026-11-23T09:60:00Z', '23/11/2026', '2026-11-23T09:30:00+15:00', '']) {
    assert.equal(parseW3cDatetime(bad), null, bad);
  }
});
