import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_REMIND_BEFORE_WORKING_HOURS, remindBeforeWorkingHours } from './settings.js';

const read = (value: string | undefined) => remindBeforeWorkingHours({ env: { FEEDBACK_REMIND_BEFORE_WORKING_HOURS: value } });

test('without FEEDBACK_REMIND_BEFORE_WORKING_HOURS, handlers are reminded four working hours ahead', () => {
  assert.equal(DEFAULT_REMIND_BEFORE_WORKING_HOURS, 4);
  assert.equal(read(undefined), 4);
  assert.equal(read(''), 4);
});

test('FEEDBACK_REMIND_BEFORE_WORKING_HOURS takes whole or fractional hours, and 0 turns reminders off', () => {
  assert.equal(read('8'), 8);
  assert.equal(read('1.5'), 1.5);
  assert.equal(read('0'), 0);
});

test('a FEEDBACK_REMIND_BEFORE_WORKING_HOURS that is not a number of hours from 0 to 40 stops the start with its name in the message', () => {
  for (const bad of ['abc', '-1', '41', 'Infinity', '4h']) {
    assert.throws(() => read(bad), /FEEDBACK_REMIND_BEFORE_WORKING_HOURS/, bad);
  }
});
