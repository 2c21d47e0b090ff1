import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';

const lines: string[] = [];
let t: TestPlatform;
before(async () => {
  t = await createTestPlatform({ seedDemo: false, env: { LOG_LEVEL: 'trace' }, logStream: { write: (line) => void lines.push(line) } });
});
after(() => t.close());

test('request logs carry the request id but never passwords, tokens, cookies or e-mail addresses', async () => {
  const secret = 'mat-khau-bi-mat-123';
  const email = 'rieng.tu@test.tinhso.vn';
  await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { email, password: secret, fullName: 'Riêng Tư', accountType: 'citizen' } });
  const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: secret }, headers: { 'x-request-id': 'req-log-check' } });
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie, authorization: 'Bearer tsk_abcdefabcdef_secretsecret' } });
  await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/callback?code=topsecretcode&state=s' });
  const all = lines.join('\n');
  assert.ok(lines.length > 4, 'logs were written');
  assert.ok(all.includes('req-log-check'), 'the request id is in the log lines');
  for (const leaked of [secret, email, cookie.split('=')[1]!, 'secretsecret', 'topsecretcode']) {
    assert.ok(!all.includes(leaked), `log must not contain ${leaked.slice(0, 6)}…`);
  }
});
