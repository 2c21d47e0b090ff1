import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import { createTestUser } from '../testing/users.js';
import { allAreas } from '../areas.js';
import type { AppContext } from '../http/module.js';
import { MAINTENANCE_CRON, MAINTENANCE_JOB, maintenanceArea, runMaintenance } from './maintenance.js';
import { JOB_TIME_ZONE } from './job-queue.js';

let t: TestPlatform;
before(async () => {
  t = await createTestPlatform({ seedDemo: false, workers: true });
});
after(() => t.close());

test('maintenance deletes expired sessions and reset tokens, keeps live ones, and vacuums the embedded engine', async () => {
  const user = await createTestUser(t.ctx, 'citizen');
  const past = new Date(Date.now() - 3600_000);
  const future = new Date(Date.now() + 3600_000);
  const session = (id: string, expires: Date) => ({ id_hash: `${id}-${user.id}`, user_id: user.id, csrf_token: 'x', ip: null, user_agent: null, expires_at: expires });
  await t.ctx.db.insertInto('sessions').values([session('old', past), session('live', future)]).execute();
  const reset = (id: string, expires: Date) => ({ token_hash: `${id}-${user.id}`, user_id: user.id, expires_at: expires, used_at: null });
  await t.ctx.db.insertInto('password_resets').values([reset('old', past), reset('live', future)]).execute();

  const report = await runMaintenance(t.ctx);
  assert.ok(report.expiredSessions >= 1 && report.expiredResetTokens >= 1);
  assert.equal(report.vacuumed, t.ctx.database.engine === 'pglite');
  const sessions = await t.ctx.db.selectFrom('sessions').select('id_hash').where('user_id', '=', user.id).execute();
  assert.deepEqual(sessions.map((s) => s.id_hash), [`live-${user.id}`]);
  const resets = await t.ctx.db.selectFrom('password_resets').select('token_hash').where('user_id', '=', user.id).execute();
  assert.deepEqual(resets.map((r) => r.token_hash), [`live-${user.id}`]);
  const again = await runMaintenance(t.ctx);
  assert.equal(again.expiredSessions, 0, 'a second run finds nothing left to delete');
});

test('the maintenance area registers one nightly job at 02:30 Vietnam time', async () => {
  const registered: Array<{ name: string; cron: string | undefined }> = [];
  const ctx = { jobs: { register: (name: string, _h: unknown, options: { cron?: string } = {}) => registered.push({ name, cron: options.cron }) } };
  await maintenanceArea.jobs!(ctx as unknown as AppContext);
  assert.deepEqual(registered, [{ name: MAINTENANCE_JOB, cron: '30 2 * * *' }]);
  assert.equal(MAINTENANCE_CRON, '30 2 * * *');
});

test('once maintenance is listed among the areas, its nightly schedule is stored', async (ctx) => {
  if (!allAreas().includes(maintenanceArea)) return ctx.skip('maintenanceArea is not in areas.ts yet');
  const schedule = (await t.ctx.jobs.schedules()).find((s) => s.name === MAINTENANCE_JOB);
  assert.deepEqual(schedule, { name: MAINTENANCE_JOB, cron: MAINTENANCE_CRON, timezone: JOB_TIME_ZONE });
});
