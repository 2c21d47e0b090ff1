import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import { createTestUser } from '../testing/users.js';
import { createTestSession } from '../testing/sessions.js';

let t: TestPlatform;
before(async () => {
  t = await createTestPlatform({ seedDemo: false });
});
after(() => t.close());

async function appendSome(n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await t.ctx.audit.recordAlone({ actor: { userId: null, label: 'test' }, action: 'test.event', targetType: 'thing', targetId: String(i), details: { i, note: 'Quảng Trị' } });
  }
}

/** Tampering needs the append-only trigger out of the way, as an attacker with table rights would do. */
async function tamper(statement: ReturnType<typeof sql>): Promise<void> {
  await t.ctx.db.transaction().execute(async (trx) => {
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(trx);
    await statement.execute(trx);
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(trx);
  });
}

async function resetChain(): Promise<void> {
  await tamper(sql`delete from audit_log`);
  await sql`update audit_head set seq = 0, hash = ${'0'.repeat(64)} where id = 1`.execute(t.ctx.db);
}

beforeEach(resetChain);

test('an untouched chain verifies as intact', async () => {
  await appendSome(5);
  const result = await t.ctx.audit.verify();
  assert.deepEqual(result, { ok: true, checked: 5, firstBroken: null });
});

test('the database refuses to update or delete audit rows', async () => {
  await appendSome(1);
  await assert.rejects(sql`update audit_log set action = 'x'`.execute(t.ctx.db), /append-only/);
  await assert.rejects(sql`delete from audit_log`.execute(t.ctx.db), /append-only/);
});

test('an altered record is caught and named', async () => {
  await appendSome(5);
  await tamper(sql`update audit_log set actor_label = 'someone-else' where seq = 3`);
  const result = await t.ctx.audit.verify();
  assert.equal(result.ok, false);
  assert.equal(result.firstBroken?.seq, '3');
  assert.equal(result.firstBroken?.reason, 'hash_mismatch');
});

test('an altered detail inside the JSON is caught', async () => {
  await appendSome(3);
  await tamper(sql`update audit_log set details = '{"i": 99, "note": "Quảng Trị"}'::jsonb where seq = 2`);
  assert.equal((await t.ctx.audit.verify()).firstBroken?.seq, '2');
});

test('a deleted record in the middle is caught', async () => {
  await appendSome(5);
  await tamper(sql`delete from audit_log where seq = 2`);
  const result = await t.ctx.audit.verify();
  assert.equal(result.ok, false);
  assert.equal(result.firstBroken?.seq, '2');
  assert.equal(result.firstBroken?.reason, 'sequence_gap');
});

test('deleting the newest records is caught by the chain head', async () => {
  await appendSome(5);
  await tamper(sql`delete from audit_log where seq >= 4`);
  const result = await t.ctx.audit.verify();
  assert.equal(result.ok, false);
  assert.equal(result.firstBroken?.reason, 'head_mismatch');
});

test('an inserted record is caught even when it carries a plausible hash', async () => {
  await appendSome(4);
  // Shift records 3..4 up by one and forge a record 3 that links to record 2's hash.
  // Two steps, because shifting a primary key by one in place can collide row by row.
  await tamper(sql`update audit_log set seq = seq + 1000 where seq >= 3`);
  await tamper(sql`update audit_log set seq = seq - 999 where seq >= 1000`);
  await tamper(sql`
    insert into audit_log (seq, at, actor_label, action, target_type, details, prev_hash, hash)
    select 3, now(), 'forger', 'test.event', 'thing', '{}'::jsonb, hash, md5('x') || md5('y') from audit_log where seq = 2`);
  const result = await t.ctx.audit.verify();
  assert.equal(result.ok, false);
  assert.equal(result.firstBroken?.seq, '3');
});

test('concurrent appends keep a gap-free, valid chain', async () => {
  await Promise.all(Array.from({ length: 20 }, (_, i) => t.ctx.audit.recordAlone({ actor: { userId: null, label: 'p' }, action: 'test.parallel', targetType: 'thing', targetId: String(i) })));
  const result = await t.ctx.audit.verify();
  assert.equal(result.ok, true);
  assert.equal(result.checked, 20);
});

test('the admin verify API reports the first broken record', async () => {
  const admin = await createTestUser(t.ctx, 'system_admin');
  await resetChain();
  await appendSome(3);
  await tamper(sql`update audit_log set action = 'forged' where seq = 2`);
  const session = await createTestSession(t.app, t.ctx, admin.id);
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: session.headers });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().ok, false);
  assert.equal(res.json().firstBroken.seq, '2');
});

test('a citizen sees which officers read their data, not their own actions', async () => {
  const citizen = await createTestUser(t.ctx, 'citizen');
  const officer = await createTestUser(t.ctx, 'system_admin');
  await t.ctx.audit.recordAlone({ actor: { userId: officer.id, label: officer.email }, action: 'user.read', targetType: 'user', targetId: citizen.id, subjectUserId: citizen.id, purpose: 'xử lý hồ sơ' });
  const session = await createTestSession(t.app, t.ctx, citizen.id);
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/me/data-access', headers: session.headers });
  assert.equal(res.statusCode, 200);
  const items = res.json().items as Array<{ actorLabel: string; purpose: string; action: string }>;
  assert.ok(items.some((i) => i.actorLabel === officer.email && i.purpose === 'xử lý hồ sơ'));
  assert.ok(items.every((i) => i.action !== 'user.create' || i.actorLabel !== citizen.email));
});
