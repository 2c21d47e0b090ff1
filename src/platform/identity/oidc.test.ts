import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import { safeReturnTo } from './oidc.js';
import { oidcEnv, startTestOidcProvider, type TestOidcProvider } from '../testing/oidc-provider.js';

/** Signs in against a real OpenID Connect provider on loopback, as a VNeID-style login would be wired. */
const PUBLIC_URL = 'http://127.0.0.1:3999';
const ACCOUNT = { sub: 'vneid-001234567890', email: 'tran.van.dinh@example.vn', name: 'Trần Văn Định' };

let provider: TestOidcProvider;
let issuer: string;
let t: TestPlatform;

before(async () => {
  provider = await startTestOidcProvider(PUBLIC_URL, ACCOUNT);
  issuer = provider.issuer;
  t = await createTestPlatform({ seedDemo: false, env: { PUBLIC_URL, ...oidcEnv(provider) } });
});
after(async () => {
  await t.close();
  await provider.close();
});

/** Follows the provider's redirects with a cookie jar until it sends the browser back to us. */
async function browseProvider(start: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = start;
  for (let hop = 0; hop < 10; hop++) {
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, ...v] = pair!.split('=');
      jar.set(k!, v.join('='));
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`provider stopped at ${url} with ${res.status}`);
    const next = new URL(location, url);
    if (next.origin === PUBLIC_URL) return next;
    url = next.toString();
  }
  throw new Error('too many redirects');
}

test('the OIDC code flow with PKCE signs a new person in as a citizen and links on return', async () => {
  const info = await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc' });
  assert.deepEqual(info.json(), { enabled: true, displayName: 'VNeID' });

  const start = await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start?returnTo=/ca-nhan' });
  assert.equal(start.statusCode, 302);
  const authUrl = new URL(String(start.headers.location));
  assert.equal(authUrl.origin, issuer);
  assert.equal(authUrl.searchParams.get('code_challenge_method'), 'S256');
  const flowCookie = String(start.headers['set-cookie']).split(';')[0]!;

  const back = await browseProvider(authUrl.toString());
  const done = await t.app.inject({ method: 'GET', url: back.pathname + back.search, headers: { cookie: flowCookie } });
  assert.equal(done.statusCode, 302);
  assert.equal(done.headers.location, '/ca-nhan');
  const session = ([] as string[]).concat(done.headers['set-cookie'] as string[]).find((c) => c.startsWith('ts_session='))!.split(';')[0]!;
  const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session } });
  assert.equal(me.json().user.email, ACCOUNT.email);
  assert.equal(me.json().user.fullName, ACCOUNT.name);
  assert.equal(me.json().user.role, 'citizen');
});

test('a callback without the flow cookie (forged or replayed) is refused', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/callback?code=abc&state=xyz' });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().code, 'oidc_failed');
});

test('returnTo accepts only same-site paths (no open redirect)', () => {
  assert.equal(safeReturnTo('/ca-nhan'), '/ca-nhan');
  assert.equal(safeReturnTo('//evil.example'), '/');
  assert.equal(safeReturnTo('https://evil.example'), '/');
  assert.equal(safeReturnTo('/\\evil'), '/');
});
