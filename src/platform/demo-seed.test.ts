import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_ACCOUNTS } from './identity/demo-accounts.js';
import { sql } from 'kysely';
import { createTestPlatform, type TestPlatform } from './testing/test-platform.js';

let t: TestPlatform;
before(async () => {
  t = await createTestPlatform();
});
after(() => t.close());

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['users', 'agencies', 'admin_units', 'admin_unit_conversions']) {
    out[table] = Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(t.ctx.db)).rows[0]!.n);
  }
  return out;
}

test('the demo province is Quảng Trị with its 78 communes, their agencies and the demo accounts (one per role, two officers)', async () => {
  const c = await counts();
  assert.equal(c.users, DEMO_ACCOUNTS.length);
  assert.deepEqual(new Set(DEMO_ACCOUNTS.map((a) => a.role)), new Set(['citizen', 'business', 'officer', 'agency_admin', 'leader', 'system_admin']));
  const communes = await sql<{ n: string }>`select count(*) as n from admin_units where parent_code = '44'`.execute(t.ctx.db);
  assert.equal(Number(communes.rows[0]!.n), 78);
  const committees = await sql<{ n: string }>`select count(*) as n from agencies where kind = 'commune_committee'`.execute(t.ctx.db);
  assert.equal(Number(committees.rows[0]!.n), 78);
  const demoFlags = await sql<{ n: string }>`select count(*) as n from agencies where not is_demo`.execute(t.ctx.db);
  assert.equal(Number(demoFlags.rows[0]!.n), 0, 'every demo agency is labelled demo');
});

test('loading reference and demo data again changes nothing (idempotent start)', async () => {
  const before = await counts();
  for (const area of t.areas) await area.bootstrap?.(t.ctx);
  for (const area of t.areas) await area.seedDemo?.(t.ctx);
  assert.deepEqual(await counts(), before);
});
