import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fullAt50, fullAt80, fullAt90, linearPoints, onTimePoints, paymentGroupPoints, satisfactionRatio } from './curves.js';

test('2.1 on time: 20 × ratio, so 95 % gives 19 points and 100 % gives 20', () => {
  assert.equal(onTimePoints(0.95), 19);
  assert.equal(onTimePoints(1), 20);
  assert.equal(onTimePoints(0), 0);
});

test('full marks at 80 %: 2 points for 3.5 / 4.3 at 80 % and above, proportional below', () => {
  assert.equal(fullAt80(2, 0.8), 2);
  assert.equal(fullAt80(2, 0.95), 2);
  assert.equal(fullAt80(2, 0.4), 1);
  assert.equal(fullAt80(4, 0.6), 3);
  assert.equal(fullAt80(4, 0.79), 3.95);
});

test('full marks at 50 %: the online share of 3.3 is full from half the dossiers up', () => {
  assert.equal(fullAt50(10, 0.5), 10);
  assert.equal(fullAt50(10, 0.25), 5);
  assert.ok(fullAt50(10, 0.49) < 10);
  assert.equal(fullAt50(10, 0.9), 10);
});

test('full marks at 90 %: 5.4 gives 6 points at 90 %, 3 at 45 %', () => {
  assert.equal(fullAt90(6, 0.9), 6);
  assert.equal(fullAt90(6, 0.45), 3);
  assert.ok(fullAt90(6, 0.89) < 6);
});

test('linear points never leave [0, max] whatever the ratio', () => {
  assert.equal(linearPoints(6, 1.4), 6);
  assert.equal(linearPoints(6, -0.2), 0);
  assert.equal(linearPoints(6, 0.5), 3);
});

test('payment group 6·A + min(2, 2.5·B) + min(2, 2.5·C) never exceeds 10', () => {
  assert.deepEqual(paymentGroupPoints(1, 1, 1), { a: 6, b: 2, c: 2, total: 10 });
  assert.deepEqual(paymentGroupPoints(0.5, 0.4, 0.8), { a: 3, b: 1, c: 2, total: 6 });
  assert.deepEqual(paymentGroupPoints(0, 0, 0), { a: 0, b: 0, c: 0, total: 0 });
});

test('satisfaction ratio is 100 % minus the late and complaint rates, not below zero', () => {
  assert.equal(satisfactionRatio(0.05, 0.03), 0.92);
  assert.equal(satisfactionRatio(0.7, 0.6), 0);
});
