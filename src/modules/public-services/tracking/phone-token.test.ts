import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalisePhone, samePhone } from './phone.js';
import { ACCESS_TOKEN_SECONDS, checkAccessToken, issueAccessToken } from './token.js';
import { FailureLimiter } from './limiter.js';

test('phone numbers are compared without spaces, dots or dashes, with +84, 0084 and 84 read as 0', () => {
  for (const form of ['0912345678', '0912 345 678', '0912.345.678', '0912-345-678', '+84 912 345 678', '+84912345678', '0084912345678', '84912345678']) {
    assert.equal(normalisePhone(form), '0912345678', form);
  }
  assert.ok(samePhone('0912 345 678', '+84912345678'));
  assert.ok(!samePhone('0912 345 678', '0912345679'));
  assert.ok(!samePhone(undefined, '0912345678'), 'no stored phone never matches');
  assert.ok(!samePhone('', ''), 'empty never matches empty');
});

const config = { sessionSecret: 'a-test-secret-that-is-long-enough-for-hmac-use' };

test('an access token opens its own dossier until it expires, and nothing else', () => {
  const now = new Date('2026-12-02T02:00:00Z');
  const { token, expiresAt } = issueAccessToken(config, 'dossier-a', now);
  assert.equal(expiresAt.getTime(), now.getTime() + ACCESS_TOKEN_SECONDS * 1000);
  assert.ok(checkAccessToken(config, 'dossier-a', token, now));
  assert.ok(!checkAccessToken(config, 'dossier-b', token, now), 'bound to the dossier');
  assert.ok(!checkAccessToken(config, 'dossier-a', token, expiresAt), 'expired at its expiry');
  assert.ok(!checkAccessToken({ sessionSecret: 'another-secret-another-secret-another' }, 'dossier-a', token, now), 'bound to the secret');
  const [expires, mac] = token.split('.');
  assert.ok(!checkAccessToken(config, 'dossier-a', `${Number(expires) + 3600}.${mac}`, now), 'a longer expiry breaks the signature');
  assert.ok(!checkAccessToken(config, 'dossier-a', 'garbage', now));
});

test('the per-code limiter blocks after the allowed failures for the rest of its window', () => {
  const limiter = new FailureLimiter(2, 60_000);
  limiter.fail('X', 0);
  assert.equal(limiter.blockedFor('X', 1000), 0);
  limiter.fail('X', 1000);
  assert.equal(limiter.blockedFor('X', 1000), 59);
  assert.equal(limiter.blockedFor('Y', 1000), 0, 'other codes are not affected');
  assert.equal(limiter.blockedFor('X', 60_000), 0, 'the window ends');
});
