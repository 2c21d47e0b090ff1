import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { AppContext } from '../../../platform/http/module.js';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import { applyTransition, lockDossier, SYSTEM_ACTOR, type DossierRow } from '../dossiers/transition.js';
import { account, agencyIdOf, seedDossier, seedProcedure, type TestProcedure } from '../processing/testing.js';
import type { NationalStatus } from '../statuses.js';
import { psDb } from '../tables.js';
import { httpPortalClient, type NationalPortalClient } from './client.js';
import { deliverDue, retryDelayMs } from './deliver.js';
import { fixtures, MOCK_TOKEN, startMockPortal, type MockPortal } from './mock-portal.js';
import { reconcile } from './reconcile.js';
import { syncHealth } from './health.js';
import { maxAttempts, portalSettings, syncEnabled } from './settings.js';
import { syncDb } from './tables.js';

const MAX_ATTEMPTS = 3;
const T0 = new Date('2026-11-10T09:00:00+07:00');
const minutes = (d: Date, n: number) => new Date(d.getTime() + n * 60_000);

let t: TestPlatform;
let portal: MockPortal;
let client: NationalPortalClient;
let sxd: string;
let procedure: TestProcedure;

before(async () => {
  portal = await startMockPortal();
  t = await createTestPlatform({
    seedDemo: false,
    env: { NATIONAL_PORTAL_URL: portal.url, NATIONAL_PORTAL_TOKEN: MOCK_TOKEN, NATIONAL_SYNC_MAX_ATTEMPTS: String(MAX_ATTEMPTS) },
  });
  client = httpPortalClient({ url: portal.url, token: MOCK_TOKEN });
  sxd = await agencyIdOf(t.ctx, 'SXD');
  procedure = await seedProcedure(t.ctx, sxd);
});

after(async () => {
  await t?.close();
  await portal?.close();
});

/** A received dossier (status 4 since 05/11/2026), for one test. */
const received = (seed: Partial<Parameters<typeof seedDossier>[2]> = {}, on = procedure) =>
  seedDossier(t.ctx, on, { agencyId: sxd, receivedAt: new Date('2026-11-05T09:00:00+07:00'), ...seed });

/** A command's transaction: lock, change, and optionally fail afterwards (rolled back). */
async function change(dossier: DossierRow, to: NationalStatus, at: Date, options: { ctx?: AppContext; fail?: boolean; subState?: string } = {}): Promise<DossierRow> {
  return psDb(t.ctx.db)
    .transaction()
    .execute(async (trx) => {
      const locked = await lockDossier(trx, dossier.id);
      const next = await applyTransition(trx, options.ctx ?? t.ctx, locked, SYSTEM_ACTOR, { action: `test_${to}`, to, at, notify: false, ...(options.subState ? { subState: options.subState } : {}) });
      if (options.fail) throw new Error('the command failed after the change');
      return next;
    });
}

const outboxOf = (dossierId: string) => syncDb(t.ctx.db).selectFrom('dossier_sync_outbox').selectAll().where('dossier_id', '=', dossierId).orderBy('sequence').execute();

test('a status change queues exactly one outbox row, with public facts only, in the same transaction', async () => {
  const dossier = await received({ applicantName: 'Trần Văn Riêng Tư' });
  await change(dossier, 5, T0);
  const rows = await outboxOf(dossier.id);
  assert.equal(rows.length, 1);
  assert.deepEqual([rows[0]!.code, rows[0]!.sequence, rows[0]!.status, rows[0]!.attempts], [dossier.code, 1, 5, 0]);
  assert.equal(rows[0]!.next_attempt_at.getTime(), T0.getTime());
  assert.equal(rows[0]!.delivered_at, null);
  // Our wire format is the recorded one, key for key, and carries nothing about the applicant.
  assert.deepEqual(Object.keys(rows[0]!.payload).sort(), Object.keys(fixtures.pushUpdate.request.body).sort());
  assert.equal(rows[0]!.payload.receivingAgencyCode, 'SXD');
  assert.equal(rows[0]!.payload.fromStatus, 4);
  const text = JSON.stringify(rows[0]!.payload);
  for (const personal of ['Trần Văn Riêng Tư', '044190000001', '0912345678', 'thu@example.vn']) assert.ok(!text.includes(personal), `payload carries ${personal}`);

  await assert.rejects(change(dossier, 4, minutes(T0, 5), { fail: true }), /failed after the change/);
  assert.equal((await outboxOf(dossier.id)).length, 1, 'the rolled-back command left no outbox row');

  await change(dossier, 5, minutes(T0, 6), { subState: 'appraisal' });
  assert.equal((await outboxOf(dossier.id)).length, 1, 'a change that keeps the national status is not sent');

  assert.equal((await deliverDue(t.ctx, client, { now: minutes(T0, 7) })).delivered, 1);
  assert.deepEqual(portal.sequencesOf(dossier.code!), [1]);
});

test('with NATIONAL_PORTAL_URL or NATIONAL_PORTAL_TOKEN unset nothing is queued', async () => {
  const dossier = await received();
  const off = { ...t.ctx, config: { ...t.ctx.config, env: { ...t.ctx.config.env, NATIONAL_PORTAL_URL: undefined } } };
  const changed = await change(dossier, 5, T0, { ctx: off });
  assert.equal(changed.status, 5);
  const noToken = { ...t.ctx, config: { ...t.ctx.config, env: { ...t.ctx.config.env, NATIONAL_PORTAL_TOKEN: '' } } };
  await change(changed, 4, minutes(T0, 1), { ctx: noToken });
  assert.deepEqual(await outboxOf(dossier.id), []);
});

test('delivery sends a dossier’s updates in sequence order, retries with backoff and does not hold other dossiers back', async () => {
  const slow = await received();
  const other = await received();
  await change(slow, 5, T0);
  await change({ ...slow, status: 5 }, 4, minutes(T0, 1));
  await change({ ...slow, status: 4 }, 9, minutes(T0, 2));
  await change(other, 5, minutes(T0, 2));
  portal.fail(slow.code!, 2);

  const first = await deliverDue(t.ctx, client, { now: minutes(T0, 3) });
  assert.deepEqual(portal.sequencesOf(other.code!), [1], 'the other dossier went through');
  assert.deepEqual(portal.sequencesOf(slow.code!), [], 'nothing of the failing dossier, and sequence 2 did not overtake 1');
  assert.deepEqual([first.delivered, first.failed], [1, 1]);
  let rows = await outboxOf(slow.id);
  assert.equal(rows[0]!.attempts, 1);
  assert.match(rows[0]!.last_error ?? '', /503/);
  assert.equal(rows[0]!.next_attempt_at.getTime(), minutes(T0, 3).getTime() + retryDelayMs(1));
  assert.equal(retryDelayMs(1), 60_000);
  assert.equal(retryDelayMs(2), 120_000);
  assert.equal(retryDelayMs(30), 3_600_000, 'the backoff stops at an hour');

  const early = await deliverDue(t.ctx, client, { now: minutes(T0, 3.5) });
  assert.equal(early.failed + early.delivered, 0, 'not before the backoff has passed');
  await deliverDue(t.ctx, client, { now: minutes(T0, 4) });
  rows = await outboxOf(slow.id);
  assert.equal(rows[0]!.next_attempt_at.getTime(), minutes(T0, 4).getTime() + retryDelayMs(2));
  const done = await deliverDue(t.ctx, client, { now: minutes(T0, 6) });
  assert.equal(done.delivered, 3);
  assert.deepEqual(portal.received.filter((u) => u.code === slow.code).map((u) => [u.sequence, u.status]), [[1, 5], [2, 4], [3, 9]]);
  rows = await outboxOf(slow.id);
  assert.ok(rows.every((r) => r.delivered_at?.getTime() === minutes(T0, 6).getTime() && r.last_error === null));
});

test('an update whose answer was lost is sent again and the portal keeps one copy (at least once, idempotent by code and sequence)', async () => {
  const dossier = await received();
  await change(dossier, 5, T0);
  portal.loseAck(dossier.code!);
  const first = await deliverDue(t.ctx, client, { now: minutes(T0, 1) });
  assert.equal(first.failed, 1);
  const second = await deliverDue(t.ctx, client, { now: minutes(T0, 2) });
  assert.equal(second.delivered, 1);
  assert.equal(portal.received.filter((u) => u.code === dossier.code).length, 2, 'sent twice');
  assert.deepEqual(portal.sequencesOf(dossier.code!), [1], 'held once');
  const rows = await outboxOf(dossier.id);
  assert.equal(rows[0]!.attempts, 2);
  assert.notEqual(rows[0]!.delivered_at, null);
});

test('after NATIONAL_SYNC_MAX_ATTEMPTS failures an update is dead and its dossier’s later updates wait behind it', async () => {
  const dossier = await received();
  await change(dossier, 5, T0);
  await change({ ...dossier, status: 5 }, 4, minutes(T0, 1));
  portal.fail(dossier.code!, 100);
  let now = minutes(T0, 1);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS + 1; attempt++) {
    await deliverDue(t.ctx, client, { now });
    now = new Date(now.getTime() + retryDelayMs(attempt));
  }
  const rows = await outboxOf(dossier.id);
  assert.equal(rows[0]!.attempts, MAX_ATTEMPTS);
  assert.notEqual(rows[0]!.dead_at, null);
  assert.deepEqual([rows[1]!.attempts, rows[1]!.delivered_at, rows[1]!.dead_at], [0, null, null], 'sequence 2 never went before the dead sequence 1');
  assert.deepEqual(portal.sequencesOf(dossier.code!), []);
});

test('reconciliation finds an update the portal dropped and it is sent again, in order', async () => {
  const dossier = await received();
  await change(dossier, 5, T0);
  await change({ ...dossier, status: 5 }, 4, minutes(T0, 1));
  portal.drop(dossier.code!, 1);
  await deliverDue(t.ctx, client, { now: minutes(T0, 2) });
  assert.ok((await outboxOf(dossier.id)).every((r) => r.delivered_at !== null), 'we believe both were delivered');
  assert.deepEqual(portal.sequencesOf(dossier.code!), [2]);

  const result = await reconcile(t.ctx, client, { now: minutes(T0, 60) });
  assert.equal(result.error, null);
  assert.equal(result.requeued, 2, 'sequence 1 and the one after the gap');
  assert.ok(result.dossiersChecked >= 1);
  const rows = await outboxOf(dossier.id);
  assert.ok(rows.every((r) => r.delivered_at === null && r.attempts === 0 && /reconciliation/.test(r.last_error ?? '')));

  const before = portal.received.length;
  await deliverDue(t.ctx, client, { now: minutes(T0, 61) });
  assert.deepEqual(portal.sequencesOf(dossier.code!), [1, 2]);
  assert.deepEqual(portal.received.slice(before).filter((u) => u.code === dossier.code).map((u) => u.sequence), [1, 2]);
  const again = await reconcile(t.ctx, client, { now: minutes(T0, 62) });
  assert.equal(again.requeued, 0, 'nothing missing any more');
});

test('sync health (766 indicator 1.4): dossiers active in the period whose every change reached the portal within 15 minutes', async () => {
  const own = await seedProcedure(t.ctx, sxd);
  const nov = { receivedAt: new Date('2026-11-20T09:00:00+07:00') };
  const onTime = await received(nov, own);
  const late = await received(nov, own);
  await received(nov, own); // open, no change in December: nothing to be late with
  await received({ receivedAt: new Date('2026-11-01T09:00:00+07:00'), status: 9, extra: { finished_at: new Date('2026-11-15T09:00:00+07:00') } }, own); // closed before: not active
  const dec3 = new Date('2026-12-03T09:00:00+07:00');
  await change(onTime, 5, dec3);
  await change(late, 9, dec3);
  portal.fail(late.code!, 1);
  await deliverDue(t.ctx, client, { now: minutes(dec3, 1) });
  await deliverDue(t.ctx, client, { now: minutes(dec3, 30) });
  const unsent = await received(nov, own);
  await change(unsent, 5, new Date('2026-12-31T23:55:00+07:00'));

  const december = { from: '2026-12-01', to: '2026-12-31' };
  const filter = { procedureCode: own.code };
  assert.deepEqual(await syncHealth(t.ctx.db, december, { filter }), { numerator: 2, denominator: 4 });
  assert.deepEqual(await syncHealth(t.ctx.db, december, { filter, allowedDelayMinutes: 60 }), { numerator: 3, denominator: 4 });
  assert.deepEqual(await syncHealth(t.ctx.db, { from: '2027-01-01', to: '2027-01-31' }, { filter }), { numerator: 4, denominator: 4 }, 'January: open and quiet');
});

test('the sync status is for system administrators only and counts pending, delivered and dead updates', async () => {
  const officer = await account(t, 'officer', sxd);
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/admin/national-sync/status', headers: officer.headers })).statusCode, 403);
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/admin/national-sync/status' })).statusCode, 401);
  const admin = await account(t, 'system_admin');
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/admin/national-sync/status', headers: admin.headers });
  assert.equal(res.statusCode, 200);
  const body = res.json();
  const db = syncDb(t.ctx.db);
  const count = async (where: 'pending' | 'delivered' | 'dead') => {
    let q = db.selectFrom('dossier_sync_outbox').select((eb) => eb.fn.countAll<string>().as('n'));
    if (where === 'pending') q = q.where('delivered_at', 'is', null).where('dead_at', 'is', null);
    if (where === 'delivered') q = q.where('delivered_at', 'is not', null);
    if (where === 'dead') q = q.where('dead_at', 'is not', null).where('delivered_at', 'is', null);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };
  assert.equal(body.enabled, true);
  assert.equal(body.dead, 1, 'the dead update of the earlier test');
  assert.ok(body.pending >= 2, 'the update behind the dead one and the unsent 31/12 one');
  assert.deepEqual([body.pending, body.delivered, body.dead], [await count('pending'), await count('delivered'), await count('dead')]);
  assert.equal(typeof body.oldestPendingSeconds, 'number');
  assert.deepEqual([body.lastReconciliation.requeued, body.lastReconciliation.error], [0, null]);
});

test('settings: both portal settings are needed, bad numbers and URLs stop the start', () => {
  const env = (values: Record<string, string>) => ({ env: values });
  assert.equal(syncEnabled(env({ NATIONAL_PORTAL_URL: 'https://portal.example' })), false);
  assert.equal(syncEnabled(env({ NATIONAL_PORTAL_TOKEN: 'x' })), false);
  assert.deepEqual(portalSettings(env({ NATIONAL_PORTAL_URL: 'https://portal.example/api/', NATIONAL_PORTAL_TOKEN: 'x' })), { url: 'https://portal.example/api', token: 'x' });
  assert.throws(() => portalSettings(env({ NATIONAL_PORTAL_URL: 'not a url', NATIONAL_PORTAL_TOKEN: 'x' })), /NATIONAL_PORTAL_URL/);
  assert.equal(maxAttempts(env({})), 20);
  assert.throws(() => maxAttempts(env({ NATIONAL_SYNC_MAX_ATTEMPTS: '0' })), /NATIONAL_SYNC_MAX_ATTEMPTS/);
});
