import { test } from 'node:test';
import assert from 'node:assert/strict';
import { factsDiff, timeliness, type DossierFactsRow } from './facts.js';
import { vn } from './test-support.js';

const received: DossierFactsRow = {
  status: 4,
  channel: 'online',
  procedure_code: 'P',
  handling_agency_id: 'agency-a',
  receiving_agency_id: 'one-stop',
  commune_code: null,
  received_at: vn('2026-03-02'),
  due_at: vn('2026-03-09', '17:00'),
  finished_at: null,
  returned_at: null,
  updated_at: vn('2026-03-02'),
  supplement_requests: 0,
  extended_due_at: null,
  digitised: false,
  reused_data: false,
  result_sha256: null,
  delivery_method: null,
  fee_total: '0',
};

test('a change no statistic reads (sub-state, assignee, step) writes nothing', () => {
  assert.deepEqual(factsDiff(received, { ...received, updated_at: vn('2026-03-03') }), []);
});

test('receipt adds one received on the Vietnam day of receipt, for the handling agency', () => {
  const diff = factsDiff({ ...received, status: 1, received_at: null }, received);
  assert.equal(diff.length, 1);
  assert.deepEqual(diff[0]!.key, { day: '2026-03-02', agency_id: 'agency-a', receiving_agency_id: 'one-stop', commune_code: '', procedure_code: 'P', channel: 'online' });
  assert.deepEqual(diff[0]!.counts, { received: 1 });
});

test('a transfer moves the dossier’s receipt from one agency to the other: two keys, −1 and +1', () => {
  const diff = factsDiff(received, { ...received, handling_agency_id: 'agency-b' });
  assert.deepEqual(diff.map((f) => [f.key.agency_id, f.counts.received]).sort(), [['agency-a', -1], ['agency-b', 1]]);
});

test('an e-result given in April corrects the March receipt day (online share counts it) and adds the April end', () => {
  const done = { ...received, status: 9, finished_at: vn('2026-04-02'), result_sha256: 'ab'.repeat(32) };
  const diff = factsDiff(received, done);
  const march = diff.find((f) => f.key.day === '2026-03-02')!;
  const april = diff.find((f) => f.key.day === '2026-04-02')!;
  assert.deepEqual(march.counts, { received_e_result: 1 });
  assert.equal(april.counts.finished, 1);
  assert.equal(april.counts.finished_late, 1);
  assert.equal(april.counts.e_result, 1);
});

test('timeliness: early before the due day, on time on it, late after it or with a second supplement request', () => {
  const due = vn('2026-03-09', '17:00');
  assert.equal(timeliness(vn('2026-03-06'), due, 0), 'early');
  assert.equal(timeliness(vn('2026-03-09', '16:59'), due, 1), 'on_time');
  assert.equal(timeliness(vn('2026-03-09', '17:01'), due, 0), 'late');
  assert.equal(timeliness(vn('2026-03-03'), due, 2), 'late');
  assert.equal(timeliness(vn('2026-03-03'), null, 0), 'on_time');
});

test('a refusal at receipt counts as refused, never as received', () => {
  const diff = factsDiff({ ...received, status: 1, received_at: null }, { ...received, status: 3, received_at: null, finished_at: vn('2026-03-02', '10:00') });
  assert.deepEqual(diff.map((f) => f.counts), [{ refused: 1 }]);
});
