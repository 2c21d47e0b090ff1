import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import { signInAs, type SignedIn } from '../../../platform/testing/sign-in.js';
import { feedbackDb } from '../tables.js';
import { COUNTER_COLUMNS } from '../stats/record.js';
import { rebuildFeedbackStats } from '../stats/rebuild.js';
import { demoCentre, jpeg, sendReport } from './test-support.js';

let t: TestPlatform;
let centre: { lat: number; lng: number };
let citizen: SignedIn;
let officer: SignedIn;
let admin: SignedIn;
before(async () => {
  t = await createTestPlatform({ env: { FEEDBACK_REPORTS_PER_10_MIN: '1000' } });
  centre = await demoCentre(t);
  citizen = await signInAs(t.app, 'citizen');
  officer = await signInAs(t.app, 'officer');
  admin = await signInAs(t.app, 'system_admin');
});
after(() => t.close());

const db = () => feedbackDb(t.ctx.db);
const road = (photos: Buffer[] = [], headers: Record<string, string> = {}) => sendReport(t, { categoryCode: 'hu-hong-duong', description: 'Ổ gà sâu trước cổng trường học.', ...centre }, photos, headers);
const merge = (id: string, body: Record<string, unknown>, who: SignedIn = officer) => t.app.inject({ method: 'POST', url: `/api/v1/feedback/reports/${id}/merge`, headers: who.writeHeaders, payload: body });

let tokens = 0;
async function follow(reportId: string, email: string, confirmed: boolean) {
  await db()
    .insertInto('feedback_subscriptions')
    .values({ email, user_id: null, scope: 'report', report_id: reportId, category_code: null, commune_code: null, token_hash: `merge-test-${++tokens}-${Date.now()}`, confirmed_at: confirmed ? new Date() : null, last_event_id: 0 })
    .execute();
}
const followers = (reportId: string) => db().selectFrom('feedback_subscriptions').select(['email', 'confirmed_at', 'user_id']).where('report_id', '=', reportId).orderBy('email').execute();
const photos = (reportId: string) => db().selectFrom('feedback_report_photos').select(['file_id', 'sort_order']).where('report_id', '=', reportId).where('kind', '=', 'report').orderBy('sort_order').execute();

test('a merge moves the followers without duplicates, makes the reporter a follower, appends the photos and closes the duplicate as a duplicate of the target', async () => {
  const target = await road([await jpeg('#223344')]);
  const duplicate = await road([await jpeg('#445566'), await jpeg('#667788')], citizen.writeHeaders);
  await follow(target.id, 'lan@example.vn', false);
  await follow(duplicate.id, 'LAN@example.vn', true);
  await follow(duplicate.id, 'minh@example.vn', false);
  const targetPhotos = await photos(target.id);
  const duplicatePhotos = await photos(duplicate.id);

  const res = await merge(duplicate.id, { intoTrackingCode: target.trackingCode.toLowerCase(), reason: 'Cùng ổ gà trước cổng trường' });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json(), { status: 'closed', outcome: 'duplicate', duplicateOf: target.trackingCode, followersMoved: 2, photosAdded: 2 });

  const moved = await followers(target.id);
  const citizenEmail = (await t.ctx.db.selectFrom('users').select('email').where('id', '=', citizen.userId).executeTakeFirstOrThrow()).email;
  assert.deepEqual(moved.map((f) => f.email.toLowerCase()).sort(), ['lan@example.vn', 'minh@example.vn', citizenEmail].sort(), 'one row per address');
  assert.ok(moved.find((f) => f.email === 'lan@example.vn')!.confirmed_at, 'the confirmation carried over to the existing row');
  const reporterRow = moved.find((f) => f.email === citizenEmail)!;
  assert.ok(reporterRow.confirmed_at, 'the reporter follows at once');
  assert.equal(reporterRow.user_id, citizen.userId);
  assert.deepEqual(await followers(duplicate.id), [], 'nothing left on the duplicate');

  const after = await photos(target.id);
  assert.deepEqual(after.map((p) => p.file_id), [...targetPhotos, ...duplicatePhotos].map((p) => p.file_id), 'same files, after the target\'s own');
  assert.deepEqual(after.map((p) => p.sort_order), [0, 1, 2]);

  const closed = await db().selectFrom('feedback_reports').select(['status', 'outcome', 'duplicate_of', 'outcome_reason']).where('id', '=', duplicate.id).executeTakeFirstOrThrow();
  assert.deepEqual(closed, { status: 'closed', outcome: 'duplicate', duplicate_of: target.id, outcome_reason: 'Cùng ổ gà trước cổng trường' });
  const pubDuplicate = (await t.app.inject({ method: 'GET', url: `/api/v1/feedback/track/${duplicate.trackingCode}` })).json();
  assert.equal(pubDuplicate.timeline.at(-1).kind, 'close');
  assert.equal(pubDuplicate.timeline.at(-1).data.mergedInto, target.trackingCode);
  const pubTarget = (await t.app.inject({ method: 'GET', url: `/api/v1/feedback/track/${target.trackingCode}` })).json();
  assert.equal(pubTarget.timeline.at(-1).kind, 'merged_in');
  assert.equal(pubTarget.timeline.at(-1).data.mergedFrom, duplicate.trackingCode);
  assert.equal(pubTarget.photoUrls.length, 3);
  const open311 = (await t.app.inject({ method: 'GET', url: `/open311/v2/requests/${duplicate.trackingCode}.json?extensions=true` })).json();
  assert.equal(open311[0].extended_attributes.detailed_status, 'duplicate');

  const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'target_id']).where('action', 'in', ['feedback.report.merge', 'feedback.report.merged_in']).where('target_id', 'in', [duplicate.id, target.id]).orderBy('seq').execute();
  assert.deepEqual(audit, [{ action: 'feedback.report.merge', target_id: duplicate.id }, { action: 'feedback.report.merged_in', target_id: target.id }]);
  const notice = await t.ctx.db.selectFrom('notifications').select('link').where('user_id', '=', citizen.userId).orderBy('created_at', 'desc').executeTakeFirst();
  assert.equal(notice?.link, `/phan-anh/${target.trackingCode}`, 'the reporter is told where to follow');
});

test('a signed-in reporter follows the target, confirmed; an address only typed into the form is never confirmed by a merge', async () => {
  const target = await road();
  const byAccount = await road([], citizen.writeHeaders);
  // Without the follow row the reporter would have from the report itself, the merge adds one.
  await db().deleteFrom('feedback_subscriptions').where('report_id', '=', byAccount.id).execute();
  assert.equal((await merge(byAccount.id, { intoTrackingCode: target.trackingCode })).json().followersMoved, 1);
  const citizenRow = await db().selectFrom('feedback_subscriptions').select(['user_id', 'confirmed_at']).where('report_id', '=', target.id).executeTakeFirstOrThrow();
  assert.equal(citizenRow.user_id, citizen.userId);
  assert.ok(citizenRow.confirmed_at);

  const typed = await sendReport(t, { categoryCode: 'hu-hong-duong', description: 'Ổ gà sâu trước cổng trường học.', ...centre, contact: { email: 'nguoila@example.vn' } });
  assert.equal((await merge(typed.id, { intoTrackingCode: target.trackingCode })).statusCode, 200);
  const stranger = await db().selectFrom('feedback_subscriptions').select('confirmed_at').where('report_id', '=', target.id).where('email', '=', 'nguoila@example.vn').execute();
  assert.ok(stranger.every((row) => row.confirmed_at === null), 'at most the unconfirmed follow row of the report itself, moved');
});

test('a merged follower has seen the target\'s history up to the merge, so it hears of the merge and what follows', async () => {
  const target = await road();
  const duplicate = await road();
  await follow(duplicate.id, 'hoa@example.vn', true);
  assert.equal((await merge(duplicate.id, { intoTrackingCode: target.trackingCode })).statusCode, 200);
  const row = await db().selectFrom('feedback_subscriptions').select('last_event_id').where('email', '=', 'hoa@example.vn').executeTakeFirstOrThrow();
  const events = await db().selectFrom('feedback_report_events').select(['id', 'kind']).where('report_id', '=', target.id).orderBy('id').execute();
  const unseen = events.filter((e) => BigInt(e.id) > BigInt(row.last_event_id)).map((e) => e.kind);
  assert.deepEqual(unseen, ['merged_in']);
});

test('merge counts the duplicate\'s closing in the statistics, and a rebuild after merges gives the same counters', async () => {
  const sum = async () => Number((await sql<{ n: string }>`select coalesce(sum(closed_duplicate), 0) as n from feedback_stats_daily`.execute(t.ctx.db)).rows[0]!.n);
  const before = await sum();
  const target = await road();
  const duplicate = await road();
  await t.app.inject({ method: 'POST', url: `/api/v1/feedback/reports/${duplicate.id}/actions`, headers: officer.writeHeaders, payload: { action: 'accept' } });
  assert.equal((await merge(duplicate.id, { intoTrackingCode: target.trackingCode }, admin)).statusCode, 200, 'a system admin may merge too');
  assert.equal(await sum(), before + 1);
  const snapshot = async () =>
    (await db().selectFrom('feedback_stats_daily').select([sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day'), 'agency_id', 'commune_code', 'category_code', ...COUNTER_COLUMNS]).orderBy('day').orderBy('agency_id').orderBy('commune_code').orderBy('category_code').execute()).map((r) => ({ ...r }));
  const incremental = await snapshot();
  await db().transaction().execute((trx) => rebuildFeedbackStats(trx));
  assert.deepEqual(await snapshot(), incremental);
});

test('a merge is refused into itself (400), into a closed report or a duplicate (409), into an unknown code (422), into another agency\'s report or by another agency (403)', async () => {
  const target = await road();
  const duplicate = await road();
  const self = await merge(duplicate.id, { intoTrackingCode: duplicate.trackingCode });
  assert.equal(self.statusCode, 400);
  assert.equal(self.json().code, 'merge_into_self');
  assert.ok(self.json().message.vi && self.json().message.en);

  const closed = await road();
  await t.app.inject({ method: 'POST', url: `/api/v1/feedback/reports/${closed.id}/actions`, headers: officer.writeHeaders, payload: { action: 'refuse', reason: 'Không đủ thông tin' } });
  assert.equal((await merge(duplicate.id, { intoTrackingCode: closed.trackingCode })).json().code, 'merge_target_closed');
  const earlier = await road();
  assert.equal((await merge(earlier.id, { intoTrackingCode: target.trackingCode })).statusCode, 200);
  const intoDuplicate = await merge(duplicate.id, { intoTrackingCode: earlier.trackingCode });
  assert.equal(intoDuplicate.statusCode, 409, 'the earlier report is now a closed duplicate');
  assert.equal((await merge(earlier.id, { intoTrackingCode: target.trackingCode })).json().code, 'already_closed');
  assert.equal((await merge(duplicate.id, { intoTrackingCode: 'PA-26-999999' })).statusCode, 422);

  const lighting = await sendReport(t, { categoryCode: 'den-chieu-sang', description: 'Đèn đường tắt cả tuần nay.', ...centre });
  assert.equal((await merge(duplicate.id, { intoTrackingCode: lighting.trackingCode })).statusCode, 403, 'the target is the commune\'s');
  assert.equal((await merge(lighting.id, { intoTrackingCode: target.trackingCode })).statusCode, 403, 'the duplicate is the commune\'s');
  assert.equal((await merge(duplicate.id, { intoTrackingCode: target.trackingCode }, citizen)).statusCode, 403);
  const still = await db().selectFrom('feedback_reports').select('status').where('id', '=', duplicate.id).executeTakeFirstOrThrow();
  assert.equal(still.status, 'new', 'refused merges changed nothing');
});
