import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeStatus, lowerExtended, parseExtendedStatus, statusNotes, type StatusInput } from './status-map.js';

// The table of the feedback README, row by row.
const TABLE: Array<[string, StatusInput, 'open' | 'closed', string]> = [
  ['new', { state: 'new' }, 'open', 'OPEN'],
  ['accepted', { state: 'accepted' }, 'open', 'INVESTIGATING'],
  ['in_progress', { state: 'in_progress' }, 'open', 'IN_PROGRESS'],
  ['resolved (awaiting the reporter)', { state: 'resolved' }, 'open', 'ACTION_SCHEDULED'],
  ['closed / fixed', { state: 'closed', outcome: 'fixed' }, 'closed', 'FIXED'],
  ['closed / not_fixed', { state: 'closed', outcome: 'not_fixed' }, 'closed', 'NO_FURTHER_ACTION'],
  ['closed / not_ours', { state: 'closed', outcome: 'not_ours' }, 'closed', 'NOT_COUNCILS_RESPONSIBILITY'],
  ['closed / duplicate', { state: 'closed', outcome: 'duplicate' }, 'closed', 'DUPLICATE'],
  ['closed / refused', { state: 'closed', outcome: 'refused' }, 'closed', 'CLOSED'],
  ['refused', { state: 'refused' }, 'closed', 'CLOSED'],
  ['reopened', { state: 'in_progress', reopened: true }, 'open', 'REOPEN'],
];

for (const [row, input, status, extended] of TABLE) {
  test(`${row} → Open311 ${status}, extended ${extended}`, () => {
    const mapping = describeStatus(input);
    assert.equal(mapping.status, status);
    assert.equal(mapping.extended, extended);
    assert.ok(mapping.notes.vi.length > 0 && mapping.notes.en.length > 0, 'notes in both languages');
  });
}

test('a not-ours report sent on to a body inside the province is an internal referral', () => {
  assert.equal(describeStatus({ state: 'closed', outcome: 'not_ours', referredWithinProvince: true }).extended, 'INTERNAL_REFERRAL');
});

test('only a closed report with outcome fixed reads as FIXED: every other closure says what happened', () => {
  const closedButNotFixed = (['not_fixed', 'not_ours', 'duplicate', 'refused'] as const).map((o) => describeStatus({ state: 'closed', outcome: o }).extended);
  assert.equal(closedButNotFixed.includes('FIXED'), false);
});

test('every state has different default notes (a citizen can tell them apart)', () => {
  const texts = TABLE.map(([, input]) => describeStatus(input).notes.vi);
  assert.equal(new Set(texts).size, TABLE.length - 1, 'only closed/refused and refused share their text');
});

test('GET updates use the lower-case form of the extended status', () => {
  assert.equal(lowerExtended('NOT_COUNCILS_RESPONSIBILITY'), 'not_councils_responsibility');
});

test('extended statuses from clients are read in any case, with spaces or hyphens; unknown ones are null', () => {
  assert.equal(parseExtendedStatus('REOPEN'), 'REOPEN');
  assert.equal(parseExtendedStatus('in progress'), 'IN_PROGRESS');
  assert.equal(parseExtendedStatus('Not-Councils-Responsibility'), 'NOT_COUNCILS_RESPONSIBILITY');
  assert.equal(parseExtendedStatus('for_triage'), 'FOR_TRIAGE');
  assert.equal(parseExtendedStatus('burning'), null);
});

test('status notes append the case detail after the default text', () => {
  const mapping = describeStatus({ state: 'closed', outcome: 'not_fixed' });
  assert.equal(statusNotes(mapping, 'en', ' No budget this year. '), 'Closed without a fix. No budget this year.');
  assert.equal(statusNotes(mapping, 'vi', null), 'Đã đóng, không xử lý được.');
});
