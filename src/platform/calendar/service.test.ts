import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import { AppError } from '../http/errors.js';
import { calendarService, computeDeadline, computeDeadlineAtVersion, computeHourDeadline, createOverride, removeOverride, workingCalendar } from './index.js';

let t: TestPlatform;
const admin = { actor: { userId: null, label: 'admin@test' } };
const dayOff = (date: string) => ({ date, kind: 'day_off' as const, name: { vi: 'Nghỉ thêm', en: 'Extra day off' }, source: 'Thông báo thử nghiệm 1/TB' });

before(async () => {
  t = await createTestPlatform({ seedDemo: false });
});
after(() => t.close());

test('the migration ships version 1 with the official 2025 decisions and no 2026 entries', async () => {
  const calendar = await workingCalendar(t.ctx.db);
  assert.equal(calendar.version, 1);
  assert.equal(calendar.isWorkingDay('2025-01-27'), false);
  assert.equal(calendar.isWorkingDay('2025-02-03'), true);
  assert.equal(calendar.isWorkingDay('2025-04-26'), true);
  assert.equal(calendar.isWorkingDay('2025-05-02'), false);
  assert.equal(calendar.isWorkingDay('2025-09-01'), false);
  assert.equal(calendar.hasOverlayFor(2025), true);
  assert.equal(calendar.hasOverlayFor(2026), false);
  const rows = await t.ctx.db.selectFrom('calendar_overrides').select(['source']).execute();
  assert.equal(rows.length, 5);
  assert.ok(rows.every((r) => r.source.length > 20), 'every shipped entry states its source');
});

test('a deadline records the calendar version it was computed with', async () => {
  const deadline = await computeDeadline(t.ctx.db, { start: '2025-04-25', workingDays: 3 });
  // Friday 25/04 + 3: Saturday 26/04 (the swapped working day), Monday 28/04, Tuesday 29/04.
  assert.deepEqual(deadline, { date: '2025-04-29', calendarVersion: 1 });
});

test('a calendar change never silently moves the deadline of work already received', async () => {
  const received = await computeDeadline(t.ctx.db, { start: '2027-03-01', workingDays: 5 });
  assert.deepEqual(received, { date: '2027-03-08', calendarVersion: received.calendarVersion });

  const change = await createOverride(t.ctx.db, t.ctx.audit, dayOff('2027-03-03'), admin);
  assert.equal(change.calendarVersion, received.calendarVersion + 1);

  // New work gets the new calendar; work received before keeps its promised date on its version.
  const fresh = await computeDeadline(t.ctx.db, { start: '2027-03-01', workingDays: 5 });
  assert.deepEqual(fresh, { date: '2027-03-09', calendarVersion: change.calendarVersion });
  const again = await computeDeadlineAtVersion(t.ctx.db, { start: '2027-03-01', workingDays: 5 }, received.calendarVersion);
  assert.deepEqual(again, received);

  // Removing the entry is a new version too; the version that had it can still be rebuilt.
  const removal = await removeOverride(t.ctx.db, t.ctx.audit, change.override.id, 'entered by mistake', admin);
  assert.equal(removal.calendarVersion, change.calendarVersion + 1);
  assert.equal((await computeDeadline(t.ctx.db, { start: '2027-03-01', workingDays: 5 })).date, '2027-03-08');
  const atChange = await computeDeadline(t.ctx.db, { start: '2027-03-01', workingDays: 5, calendarVersion: change.calendarVersion });
  assert.equal(atChange.date, '2027-03-09');
  const row = await t.ctx.db.selectFrom('calendar_overrides').select(['valid_from_version', 'valid_to_version']).where('id', '=', change.override.id).executeTakeFirstOrThrow();
  assert.deepEqual(row, { valid_from_version: change.calendarVersion, valid_to_version: removal.calendarVersion });
});

test('every change writes a version row (who, when, note) and an audit record in the same transaction', async () => {
  const before = await t.ctx.db.selectFrom('audit_log').select('seq').where('action', 'like', 'calendar.%').execute();
  const change = await createOverride(t.ctx.db, t.ctx.audit, { ...dayOff('2028-03-06'), note: 'Quyết định thử nghiệm' }, admin);
  const version = await t.ctx.db.selectFrom('calendar_versions').selectAll().where('version', '=', change.calendarVersion).executeTakeFirstOrThrow();
  assert.equal(version.changed_by, 'admin@test');
  assert.equal(version.note, 'Quyết định thử nghiệm');
  const audits = await t.ctx.db.selectFrom('audit_log').select(['action', 'target_id']).where('action', 'like', 'calendar.%').execute();
  assert.equal(audits.length, before.length + 1);
  assert.deepEqual(audits.at(-1), { action: 'calendar.override.create', target_id: change.override.id });
  assert.equal((await t.ctx.audit.verify()).ok, true);
});

test('a refused change leaves no version behind', async () => {
  const latest = await calendarService(t.ctx.db).currentVersion();
  await assert.rejects(createOverride(t.ctx.db, t.ctx.audit, dayOff('2028-03-06'), admin), (e: AppError) => e.status === 409 && e.code === 'override_exists');
  await assert.rejects(createOverride(t.ctx.db, t.ctx.audit, dayOff('2028-04-30'), admin), (e: AppError) => e.code === 'already_day_off');
  await assert.rejects(
    createOverride(t.ctx.db, t.ctx.audit, { ...dayOff('2028-05-01'), kind: 'working_day' }, admin),
    (e: AppError) => e.code === 'cannot_cancel_holiday',
  );
  await assert.rejects(
    createOverride(t.ctx.db, t.ctx.audit, { ...dayOff('2028-09-05'), kind: 'national_day_second' }, admin),
    (e: AppError) => e.code === 'not_national_day_candidate',
  );
  calendarService(t.ctx.db).invalidate();
  assert.equal(await calendarService(t.ctx.db).currentVersion(), latest);
});

test('the cached current calendar is replaced as soon as this process changes the overlay', async () => {
  const service = calendarService(t.ctx.db);
  const first = await service.current();
  assert.equal(await service.current(), first, 'served from the cache');
  const change = await createOverride(t.ctx.db, t.ctx.audit, { ...dayOff('2029-05-05'), kind: 'working_day' }, admin);
  const next = await service.current();
  assert.equal(next.version, change.calendarVersion);
  assert.equal(next.isWorkingDay('2029-05-05'), true, 'a Saturday made a working day');
  assert.equal((await service.atVersion(first.version)).isWorkingDay('2029-05-05'), false);
});

test('concurrent changes get distinct, consecutive versions', async () => {
  const start = await calendarService(t.ctx.db).currentVersion();
  const results = await Promise.all(['2030-03-05', '2030-03-06', '2030-03-07'].map((d) => createOverride(t.ctx.db, t.ctx.audit, dayOff(d), admin)));
  assert.deepEqual(results.map((r) => r.calendarVersion).sort(), [start + 1, start + 2, start + 3]);
});

test('deadlines can be computed inside another transaction by passing it', async () => {
  const result = await t.ctx.db.transaction().execute((trx) => computeDeadline(t.ctx.db, { start: '2026-02-13', workingDays: 5 }, trx));
  assert.equal(result.date, '2026-02-27');
});

test('hour deadlines and calendar-day deadlines carry the version too', async () => {
  const hours = await computeHourDeadline(t.ctx.db, { start: new Date('2025-04-29T16:00:00+07:00'), workingHours: 2 });
  assert.equal(hours.at.toISOString(), new Date('2025-05-05T09:00:00+07:00').toISOString());
  assert.ok(hours.calendarVersion >= 1);
  const days = await computeDeadline(t.ctx.db, { start: '2025-04-23', calendarDays: 7 });
  assert.equal(days.date, '2025-05-05');
});

test('asking for a calendar version that does not exist is a 404 problem', async () => {
  await assert.rejects(computeDeadline(t.ctx.db, { start: '2025-01-02', workingDays: 1, calendarVersion: 999 }), (e: AppError) => e.status === 404);
});
