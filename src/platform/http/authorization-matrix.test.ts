import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import { createTestSession } from '../testing/sessions.js';
import { ROLES, AGENCY_ROLES, type Role } from '../identity/roles.js';
import { issueApiKey } from '../identity/issue-api-key.js';
import { createUser } from '../identity/users.js';
import { ACCESS_REFUSED, type Access } from './access.js';
import type { RouteAccess } from './app.js';

/**
 * Generated from the routes themselves: for every registered route and every kind of caller
 * (anonymous, each role, an API key with and without the route's scope), the server must allow
 * exactly what the route's access rule says and refuse the rest with 401/403.
 */
type Caller = { name: string; role?: Role; scopes?: string[] };

let t: TestPlatform;
const userIds = new Map<Role, string>();
before(async () => {
  t = await createTestPlatform({ seedDemo: true });
  const agency = await t.ctx.db.selectFrom('agencies' as never).select('id' as never).limit(1).executeTakeFirst() as { id: string } | undefined;
  for (const role of ROLES) {
    const user = await t.ctx.db.transaction().execute((trx) =>
      createUser(trx, t.ctx.audit, { email: `matrix.${role}@test.tinhso.vn`, fullName: `Ma trận ${role}`, role, agencyId: AGENCY_ROLES.includes(role) ? agency!.id : null }, { userId: null, label: 'test' }),
    );
    userIds.set(role, user.id);
  }
});
after(() => t.close());

function expectedAllowed(access: Access, caller: Caller): boolean {
  if ('public' in access) return true;
  if (caller.scopes) return access.scopes?.some((s) => s === '*' || caller.scopes!.includes(s)) ?? false;
  if (!caller.role) return false;
  return access.roles === '*' || (access.roles?.includes(caller.role) ?? false);
}

function concreteUrl(url: string): string {
  return url.replace(/:([A-Za-z]+)/g, (_m, name: string) => (/code/i.test(name) ? '44' : randomUUID())).replace(/\*$/, 'x');
}

async function headersFor(caller: Caller): Promise<Record<string, string>> {
  if (caller.scopes) {
    const issued = await t.ctx.db.transaction().execute((trx) =>
      issueApiKey(trx, t.ctx.audit, { name: caller.name, scopes: caller.scopes!, expiresAt: null, agencyId: null, createdBy: null }, { userId: null, label: 'test' }),
    );
    return { authorization: `Bearer ${issued.key}` };
  }
  if (caller.role) return (await createTestSession(t.app, t.ctx, userIds.get(caller.role)!)).headers;
  return {};
}

test('every route declares an access rule and the matrix covers them all', () => {
  const rules: RouteAccess[] = t.app.accessRules;
  assert.ok(rules.length >= 20, `expected many routes, found ${rules.length}`);
});

test('for every route and caller, the server allows exactly what the access rule says', async () => {
  const failures: string[] = [];
  // Routes with their own credentials (IoT device tokens) answer 401 themselves to every platform caller; their own tests cover them.
  const rules = t.app.accessRules.filter((r) => !r.url.endsWith('*') && r.url !== '/api/openapi.json' && !('public' in r.access && r.access.ownCredentials));
  for (const rule of rules) {
    const callers: Caller[] = [{ name: 'anonymous' }, ...ROLES.map((role) => ({ name: role, role })), { name: 'key-without-scope', scopes: ['unrelated:scope'] }];
    const scope = 'scopes' in rule.access ? rule.access.scopes?.find((s) => s !== '*') : undefined;
    if (scope) callers.push({ name: `key-with-${scope}`, scopes: [scope] });
    for (const caller of callers) {
      const res = await t.app.inject({
        method: rule.method as 'GET',
        url: concreteUrl(rule.url),
        headers: { ...(await headersFor(caller)), ...(rule.method === 'GET' || rule.method === 'DELETE' ? {} : { 'content-type': 'application/json' }) },
        ...(rule.method === 'GET' || rule.method === 'DELETE' ? {} : { payload: '{}' }),
      });
      const allowed = expectedAllowed(rule.access, caller);
      // A route's own refusals (Open311 answers 403 in XML for a bad api_key) are not the access rule's.
      const problem = String(res.headers['content-type']).includes('problem+json') ? (res.json() as { code: string }) : undefined;
      const refusedByRule = problem !== undefined && (res.statusCode === 401 || (res.statusCode === 403 && problem.code === ACCESS_REFUSED));
      if (allowed && refusedByRule) failures.push(`${rule.method} ${rule.url} as ${caller.name}: expected allowed, got ${res.statusCode}`);
      if (!allowed && !refusedByRule) failures.push(`${rule.method} ${rule.url} as ${caller.name}: expected refusal, got ${res.statusCode}`);
      if (!allowed && caller.name === 'anonymous' && res.statusCode !== 401) failures.push(`${rule.method} ${rule.url} anonymous: expected 401, got ${res.statusCode}`);
    }
  }
  assert.deepEqual(failures, []);
});

test('a route without an access rule cannot be registered', async () => {
  const { buildApp } = await import('./app.js');
  await assert.rejects(
    buildApp({
      ctx: { config: t.config, database: t.ctx.database, db: t.ctx.db, audit: t.ctx.audit, jobs: t.ctx.jobs },
      areas: [{ name: 'careless', routes: (app) => void app.get('/api/v1/careless', async () => 'oops') }],
    }),
    /declares no access rule/,
  );
});
