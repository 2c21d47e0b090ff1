import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pbkdf2Sync } from 'node:crypto';
import { hashDeviceToken, newDeviceToken, parseDeviceTokenHash, verifyDeviceToken } from './tokens.js';

test('a device token is 32 random bytes in base64url, different each time', () => {
  const a = newDeviceToken();
  assert.match(a, /^[A-Za-z0-9_-]{43}$/);
  assert.equal(Buffer.from(a, 'base64url').length, 32);
  assert.notEqual(a, newDeviceToken());
});

test('the hash is in Mosquitto password-file format and verifies only its own token', () => {
  const token = newDeviceToken();
  const stored = hashDeviceToken(token);
  assert.match(stored, /^\$7\$101\$[A-Za-z0-9+/]{16}\$[A-Za-z0-9+/]{86}==$/, 'a 12-byte salt and a 64-byte PBKDF2-SHA512 hash, standard base64');
  assert.equal(verifyDeviceToken(token, stored), true);
  assert.equal(verifyDeviceToken(newDeviceToken(), stored), false);
  assert.equal(verifyDeviceToken(token, hashDeviceToken(token)), true, 'a fresh salt gives a different hash that still verifies');
  assert.notEqual(hashDeviceToken(token), stored);
});

test('a password-file line parses the way Mosquitto reads it: PBKDF2-SHA512 of the password with the decoded salt', () => {
  const token = 'mat-khau-thiet-bi';
  const line = `QT-MN-001:${hashDeviceToken(token, 1000)}`;
  const [user, stored] = [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1)];
  assert.equal(user, 'QT-MN-001');
  const [, seven, iterations, salt, hash] = stored.split('$');
  assert.equal(seven, '7');
  assert.equal(iterations, '1000');
  const expected = pbkdf2Sync(token, Buffer.from(salt!, 'base64'), 1000, 64, 'sha512').toString('base64');
  assert.equal(hash, expected);
  assert.deepEqual(parseDeviceTokenHash(stored)?.iterations, 1000);
});

test('a hash produced by another tool with the same format verifies (fixed salt, hand-built line)', () => {
  const salt = Buffer.from('0123456789ab');
  const hash = pbkdf2Sync('abc', salt, 101, 64, 'sha512').toString('base64');
  assert.equal(verifyDeviceToken('abc', `$7$101$${salt.toString('base64')}$${hash}`), true);
});

test('malformed or foreign hashes never verify', () => {
  for (const stored of ['', 'plain', '$6$101$abc$def', '$7$x$abc$def', '$7$101$$', '$7$0$YWJj$ZGVm']) {
    assert.equal(verifyDeviceToken('anything', stored), false, stored);
  }
});
