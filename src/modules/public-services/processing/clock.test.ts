import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import { createTestUser } from '../../../platform/testing/users.js';
import { AppError } from '../../../platform/http/errors.js';
import { psDb } from '../tables.js';
import { sendApology } from './closing.js';
import { requestSupplement, supplyDocuments } from './supplement.js';
import { agencyIdOf, callerForUser, seedDossier, seedProcedure, type TestProcedure } from './testing.js';
import type { Caller } from './command.js';

// A fixed clock: every command is given its instant (`at`), in Vietnam time (UTC+7), in March 2027 (no holidays).
const vn = (local: string) => new Date(`${local}+07:00`);

let t: TestPlatform;
let sxd: string;
let procedure: TestProcedure;
let officer: Caller;
let applicant: Caller;

before(async () => {
  t = await createTestPlatform({ seedDemo: false });
  sxd = await agencyIdOf(t.ctx, 'SXD');
  procedure = await seedProcedure(t.ctx, sxd);
  officer = await callerForUser(t.ctx, (await createTestUser(t.ctx, 'officer', { agencyId: sxd })).id);
  applicant = await callerForUser(t.ctx, (await createTestUser(t.ctx, 'citizen')).id);
});
after(() => t.close());

const row = (id: string) => psDb(t.ctx.db).selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const received = (dueAt: Date) => seedDossier(t.ctx, procedure, { agencyId: sxd, applicantUserId: applicant.principal.kind === 'user' ? applicant.principal.id : null, receivedAt: vn('2027-02-22T09:00:00'), dueAt });

test('a supplement pause from Monday 09:00 to Tuesday 09:00 moves the due date by exactly 7.5 working hours', async () => {
  const d = await received(vn('2027-03-05T17:00:00'));
  await requestSupplement(t.ctx, officer, d.id, { items: ['Bản vẽ mặt bằng'] }, vn('2027-03-01T09:00:00'));
  const paused = await row(d.id);
  assert.equal(paused.status, 5);
  assert.equal(new Date(paused.paused_since!).getTime(), vn('2027-03-01T09:00:00').getTime());
  await supplyDocuments(t.ctx, applicant, d.id, { files: [], note: 'Đã bổ sung bản vẽ.' }, vn('2027-03-02T09:00:00'));
  const resumed = await row(d.id);
  // Monday 09:00–12:00 (180) + 13:30–17:00 (210) + Tuesday 08:00–09:00 (60) = 450 working minutes.
  assert.equal(resumed.paused_working_minutes, 450);
  assert.equal(new Date(resumed.due_at!).toISOString(), vn('2027-03-08T17:00:00').toISOString(), 'Friday 17:00 + 7.5 working hours = Monday 17:00');
  assert.equal(resumed.status, 4);
  assert.equal(resumed.paused_since, null);
  const pause = await psDb(t.ctx.db).selectFrom('dossier_pauses').selectAll().where('dossier_id', '=', d.id).executeTakeFirstOrThrow();
  assert.equal(pause.working_minutes, 450);
  assert.match(resumed.due_explanation!.vi, /7 giờ 30 phút/);
  assert.match(resumed.due_explanation!.vi, /08\/03\/2027 17:00/);
  assert.ok(resumed.due_explanation!.vi.startsWith('15 ngày làm việc'), 'the first explanation is kept');
});

test('a pause over a weekend counts only working time, and the shifted due date skips the lunch break', async () => {
  const d = await received(vn('2027-03-10T10:00:00'));
  await requestSupplement(t.ctx, officer, d.id, { items: ['Giấy chứng nhận quyền sử dụng đất'] }, vn('2027-03-05T15:00:00'));
  await supplyDocuments(t.ctx, applicant, d.id, { files: [], note: 'Bổ sung.' }, vn('2027-03-08T10:00:00'));
  const resumed = await row(d.id);
  // Friday 15:00–17:00 (120) + Monday 08:00–10:00 (120) = 240; Wednesday 10:00 + 4 h = 12:00, lunch, 15:30.
  assert.equal(resumed.paused_working_minutes, 240);
  assert.equal(new Date(resumed.due_at!).toISOString(), vn('2027-03-10T15:30:00').toISOString());
});

test('a second supplement request needs a reason and is flagged on the trail', async () => {
  const d = await received(vn('2027-03-19T17:00:00'));
  await requestSupplement(t.ctx, officer, d.id, { items: ['Tờ khai'] }, vn('2027-03-01T09:00:00'));
  await supplyDocuments(t.ctx, applicant, d.id, { files: [], note: 'Bổ sung lần 1.' }, vn('2027-03-01T10:00:00'));
  await assert.rejects(
    requestSupplement(t.ctx, officer, d.id, { items: ['Bản vẽ'] }, vn('2027-03-02T09:00:00')),
    (e: unknown) => e instanceof AppError && e.status === 400 && e.code === 'reason_required',
  );
  await requestSupplement(t.ctx, officer, d.id, { items: ['Bản vẽ'], reason: 'Bản vẽ bổ sung sai tỷ lệ.' }, vn('2027-03-02T09:00:00'));
  const requests = await psDb(t.ctx.db).selectFrom('dossier_events').select(['data']).where('dossier_id', '=', d.id).where('action', '=', 'request_supplement').orderBy('id').execute();
  assert.deepEqual(requests.map((r) => r.data.secondSupplement), [false, true]);
  assert.equal((await row(d.id)).supplement_requests, 2);
});

test('an apology may be sent up to the due instant, not a minute later, and keeps the due date', async () => {
  const due = vn('2027-03-12T17:00:00');
  const late = await received(due);
  await assert.rejects(
    sendApology(t.ctx, officer, late.id, { reason: 'Chậm do khảo sát.', newDueAt: vn('2027-03-19T17:00:00') }, vn('2027-03-12T17:01:00')),
    (e: unknown) => e instanceof AppError && e.status === 409 && e.code === 'apology_too_late',
  );
  const onTime = await received(due);
  await sendApology(t.ctx, officer, onTime.id, { reason: 'Chậm do khảo sát.', newDueAt: vn('2027-03-19T17:00:00') }, due);
  const after = await row(onTime.id);
  assert.equal(new Date(after.due_at!).getTime(), due.getTime());
  assert.equal(new Date(after.extended_due_at!).getTime(), vn('2027-03-19T17:00:00').getTime());
});
