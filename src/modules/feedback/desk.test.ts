import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { createTestPlatform, type TestPlatform } from '../../platform/testing/test-platform.js';
import { signIn, signInAs, type SignedIn } from '../../platform/testing/sign-in.js';
import { createTestUser, TEST_PASSWORD } from '../../platform/testing/users.js';

let t: TestPlatform;
let centre: { lat: number; lng: number };
let officer: SignedIn;
let colleague: SignedIn;
let admin: SignedIn;
let leader: SignedIn;
let stranger: SignedIn;
let citizen: SignedIn;
let sxd: string;
let otherAgency: string;

before(async () => {
  t = await createTestPlatform({ env: { FEEDBACK_REPORTS_PER_10_MIN: '1000' } });
  const unit = (await t.app.inject({ method: 'GET', url: '/api/v1/admin-units/18880' })).json();
  centre = { lat: unit.centroid.lat, lng: unit.centroid.lng };
  officer = await signInAs(t.app, 'officer');
  admin = await signInAs(t.app, 'agency_admin');
  leader = await signInAs(t.app, 'leader');
  citizen = await signInAs(t.app, 'citizen');
  sxd = (await t.ctx.db.selectFrom('agencies').select('id').where('code', '=', 'SXD').executeTakeFirstOrThrow()).id;
  otherAgency = (await t.app.inject({ method: 'GET', url: '/api/v1/agencies?q=cong%20thuong' })).json().items[0].id;
  const second = await createTestUser(t.ctx, 'officer', { agencyId: sxd });
  colleague = await signIn(t.app, second.email, TEST_PASSWORD);
  const outsider = await createTestUser(t.ctx, 'officer', { agencyId: otherAgency });
  stranger = await signIn(t.app, outsider.email, TEST_PASSWORD);
});
after(() => t.close());

async function newPothole(headers: Record<string, string> = {}): Promise<{ id: string; trackingCode: string }> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/feedback/reports', headers, payload: { categoryCode: 'hu-hong-duong', description: 'Ổ gà lớn giữa đường, xe máy dễ ngã.', ...centre } });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

const act = (id: string, who: SignedIn, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: `/api/v1/feedback/reports/${id}/actions`, headers: who.writeHeaders, payload });
const handling = async (id: string, who: SignedIn = officer) => (await t.app.inject({ method: 'GET', url: `/api/v1/feedback/reports/${id}/handling`, headers: who.headers })).json();
const get = async (url: string, who: SignedIn) => t.app.inject({ method: 'GET', url, headers: who.headers });

test('an officer takes a report for themselves; the assignment is audited and on the internal timeline only', async () => {
  const report = await newPothole();
  const res = await act(report.id, officer, { action: 'assign', assigneeId: officer.userId });
  assert.equal(res.statusCode, 200, res.body);
  const h = await handling(report.id);
  assert.equal(h.assignee.id, officer.userId);
  assert.ok(h.assignedAt);
  const publicView = (await get(`/api/v1/feedback/reports/${report.id}`, citizen)).json();
  assert.ok(!publicView.timeline.some((e: { kind: string }) => e.kind === 'assign'), 'the public timeline does not show the assignment');
  const deskView = (await get(`/api/v1/feedback/reports/${report.id}`, officer)).json();
  assert.equal(deskView.timeline.at(-1).kind, 'assign');
  const audit = await t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'feedback.report.assign').where('target_id', '=', report.id).executeTakeFirst();
  assert.ok(audit, 'the assignment is in the audit trail');
});

test('an officer cannot assign a colleague, nor take a report a colleague already has', async () => {
  const report = await newPothole();
  const other = await act(report.id, officer, { action: 'assign', assigneeId: colleague.userId });
  assert.equal(other.statusCode, 403);
  assert.equal((await act(report.id, colleague, { action: 'assign', assigneeId: colleague.userId })).statusCode, 200);
  const taken = await act(report.id, officer, { action: 'assign', assigneeId: officer.userId });
  assert.equal(taken.statusCode, 409);
  assert.equal(taken.json().code, 'already_assigned');
  assert.equal((await act(report.id, officer, { action: 'unassign' })).statusCode, 403, 'nor release a colleague\'s report');
});

test('the agency admin assigns anyone of the agency (who is notified) but no one from another agency', async () => {
  const report = await newPothole();
  const outsider = await act(report.id, admin, { action: 'assign', assigneeId: stranger.userId });
  assert.equal(outsider.statusCode, 400);
  assert.equal(outsider.json().code, 'invalid_assignee');
  assert.equal((await act(report.id, admin, { action: 'assign', assigneeId: colleague.userId })).statusCode, 200);
  assert.equal((await handling(report.id)).assignee.id, colleague.userId);
  const inbox = (await get('/api/v1/notifications', colleague)).json();
  assert.ok(JSON.stringify(inbox).includes(report.trackingCode), 'the colleague has a notice naming the report');
  assert.equal((await act(report.id, admin, { action: 'unassign' })).statusCode, 200);
  assert.equal((await handling(report.id)).assignee, null);
  assert.equal((await act(report.id, admin, { action: 'unassign' })).statusCode, 409, 'nothing left to unassign');
});

test('a transfer to another agency clears the assignee', async () => {
  const report = await newPothole();
  await act(report.id, officer, { action: 'assign', assigneeId: officer.userId });
  const res = await act(report.id, officer, { action: 'transfer', agencyId: otherAgency, reason: 'Thuộc lĩnh vực điện' });
  assert.equal(res.statusCode, 200, res.body);
  const row = await t.ctx.db.selectFrom('feedback_reports' as never).select(['assigned_to', 'assigned_at'] as never).where('id' as never, '=', report.id as never).executeTakeFirstOrThrow() as { assigned_to: string | null; assigned_at: Date | null };
  assert.deepEqual(row, { assigned_to: null, assigned_at: null });
});

test('the queue shows the assignee and filters by me, unassigned or a person', async () => {
  const mine = await newPothole();
  const theirs = await newPothole();
  const free = await newPothole();
  await act(mine.id, officer, { action: 'assign', assigneeId: officer.userId });
  await act(theirs.id, colleague, { action: 'assign', assigneeId: colleague.userId });
  const ids = async (query: string) => ((await get(`/api/v1/feedback/queue?limit=200&${query}`, officer)).json().items as Array<{ id: string; assignee: { id: string; fullName: string } | null }>);
  const me = await ids('assignee=me');
  assert.ok(me.some((i) => i.id === mine.id) && !me.some((i) => i.id === theirs.id || i.id === free.id));
  assert.ok(me.every((i) => i.assignee?.id === officer.userId && i.assignee.fullName === 'Trần Thị Bình'));
  const unassigned = await ids('assignee=unassigned');
  assert.ok(unassigned.some((i) => i.id === free.id) && unassigned.every((i) => i.assignee === null));
  const person = await ids(`assignee=${colleague.userId}`);
  assert.deepEqual(person.map((i) => i.id).includes(theirs.id), true);
  assert.ok(person.every((i) => i.assignee?.id === colleague.userId));
});

test('the queue pages with a cursor through every open report once, most urgent first', async () => {
  for (let i = 0; i < 3; i++) await newPothole();
  const seen: Array<{ id: string; priority: number }> = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res = await get(`/api/v1/feedback/queue?limit=7${cursor ? `&cursor=${cursor}` : ''}`, officer);
    assert.equal(res.statusCode, 200, res.body);
    seen.push(...res.json().items);
    cursor = res.json().nextCursor;
    pages++;
  } while (cursor && pages < 500);
  const open = await t.ctx.db.selectFrom('feedback_reports' as never).select((eb) => eb.fn.countAll<string>().as('n')).where('agency_id' as never, '=', sxd as never).where('status' as never, '!=', 'closed' as never).executeTakeFirstOrThrow();
  assert.ok(pages > 1, 'more than one page');
  assert.equal(seen.length, Number(open.n), 'every open report of the agency');
  assert.equal(new Set(seen.map((i) => i.id)).size, seen.length, 'none twice');
  assert.ok(seen.every((item, i) => i === 0 || seen[i - 1]!.priority <= item.priority), 'by class priority');
  const forged = Buffer.from(JSON.stringify([1, new Date().toISOString(), 'not-a-uuid'])).toString('base64url');
  for (const cursor of ['bm9wZQ', forged]) assert.equal((await get(`/api/v1/feedback/queue?cursor=${cursor}`, officer)).statusCode, 400, 'a forged cursor is refused');
  assert.equal((await get('/api/v1/feedback/queue?assignee=------------------------------------', officer)).statusCode, 400, 'so is an assignee that is not an id');
});

test('the queue filters by status, category, commune and overdue', async () => {
  const late = await newPothole();
  await t.ctx.db.updateTable('feedback_reports' as never).set({ accept_due_at: new Date(Date.now() - 3600_000) } as never).where('id' as never, '=', late.id as never).execute();
  type Item = { id: string; status: string; categoryCode: string; communeCode: string; overdue: boolean };
  const accepted = (await get('/api/v1/feedback/queue?limit=200&status=accepted', officer)).json().items as Item[];
  assert.ok(accepted.every((i) => i.status === 'accepted'));
  const pothole = (await get('/api/v1/feedback/queue?limit=200&categoryCode=hu-hong-duong&communeCode=18880', officer)).json().items as Item[];
  assert.ok(pothole.length > 0 && pothole.every((i) => i.categoryCode === 'hu-hong-duong' && i.communeCode === '18880'));
  const overdue = (await get('/api/v1/feedback/queue?limit=200&overdue=true', officer)).json().items as Item[];
  assert.ok(overdue.some((i) => i.id === late.id), 'a new report past its acceptance deadline');
  assert.ok(overdue.every((i) => i.overdue));
  const onTime = (await get('/api/v1/feedback/queue?limit=200&overdue=false', officer)).json().items as Item[];
  assert.ok(onTime.every((i) => !i.overdue));
  assert.equal((await get('/api/v1/feedback/queue?status=closed', officer)).statusCode, 400, 'closed reports are not in the queue');
});

test('the counts agree with the queue: open, overdue, unassigned and mine', async () => {
  const items: Array<{ overdue: boolean; assignee: { id: string } | null }> = [];
  let cursor: string | null = null;
  do {
    const page: { items: typeof items; nextCursor: string | null } = (await get(`/api/v1/feedback/queue?limit=200${cursor ? `&cursor=${cursor}` : ''}`, officer)).json();
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  const counts = (await get('/api/v1/feedback/queue/counts', officer)).json();
  assert.equal(counts.open, items.length);
  assert.equal(counts.overdue, items.filter((i) => i.overdue).length);
  assert.equal(counts.unassigned, items.filter((i) => !i.assignee).length);
  assert.equal(counts.mine, items.filter((i) => i.assignee?.id === officer.userId).length);
  assert.ok(counts.dueToday >= 0 && counts.dueToday <= counts.open - counts.overdue);
  assert.equal((await get(`/api/v1/feedback/queue/counts?agencyId=${otherAgency}`, officer)).statusCode, 403, 'an officer counts only their own agency');
});

test('a leader reads any agency\'s queue and reports without contact details, and cannot act', async () => {
  const report = await newPothole(citizen.writeHeaders);
  const queue = await get(`/api/v1/feedback/queue?agencyId=${sxd}&limit=200`, leader);
  assert.equal(queue.statusCode, 200);
  assert.ok(queue.json().items.every((i: { agencyId: string }) => i.agencyId === sxd));
  const province = (await get('/api/v1/feedback/queue/counts', leader)).json();
  const agency = (await get(`/api/v1/feedback/queue/counts?agencyId=${sxd}`, leader)).json();
  assert.ok(province.open >= agency.open, 'without an agency, the whole province');
  const detail = (await get(`/api/v1/feedback/reports/${report.id}`, leader)).json();
  assert.equal(detail.reporter, null, 'contact details stay with the handling agency');
  const h = await handling(report.id, leader);
  assert.equal(h.canAct, false);
  const refused = await act(report.id, leader, { action: 'accept' });
  assert.equal(refused.statusCode, 403);
  assert.equal(refused.json().code, 'access_refused');
  assert.equal((await handling(report.id, stranger)).status, 403, 'another agency\'s officer does not see who handles it');
});

test('the staff picker lists the agency\'s officers by id and name only', async () => {
  const res = await get('/api/v1/feedback/assignees', officer);
  const items = res.json().items as Array<Record<string, unknown>>;
  assert.ok(items.some((i) => i.id === colleague.userId));
  assert.ok(!items.some((i) => i.id === stranger.userId));
  assert.ok(items.every((i) => Object.keys(i).sort().join() === 'fullName,id'));
});

async function photo(exif = true): Promise<Buffer> {
  const image = sharp({ create: { width: 64, height: 48, channels: 3, background: '#336699' } });
  return (exif ? image.withExif({ IFD0: { Make: 'PhoneMaker' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '17/1 28/1 0/1' } }) : image).jpeg().toBuffer();
}

function multipart(action: Record<string, unknown>, files: Array<{ name: string; data: Buffer; type: string }>) {
  const boundary = '----desk';
  const parts: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="action"\r\n\r\n${JSON.stringify(action)}\r\n`)];
  for (const f of files) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`), f.data, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { ...officer.writeHeaders, 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

test('a result sent as multipart stores its photos as result photos, served without EXIF or GPS', async () => {
  const report = await newPothole();
  await act(report.id, officer, { action: 'accept' });
  const jpeg = await photo();
  assert.ok((await sharp(jpeg).metadata()).exif, 'the test photo carries EXIF');
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/feedback/reports/${report.id}/actions`, ...multipart({ action: 'resolve', resultText: 'Đã vá ổ gà, mặt đường phẳng.' }, [{ name: 'sau-khi-va.jpg', data: jpeg, type: 'image/jpeg' }]) });
  assert.equal(res.statusCode, 200, res.body);
  const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/feedback/track/${report.trackingCode}` })).json();
  assert.equal(detail.result.photoUrls.length, 1);
  assert.equal(detail.photoUrls.length, 0, 'not mixed with the reporter\'s photos');
  const served = await t.app.inject({ method: 'GET', url: detail.result.photoUrls[0] });
  assert.equal(served.statusCode, 200);
  assert.equal((await sharp(served.rawPayload).metadata()).exif, undefined);
});

test('a result with a file that is not an image is refused and nothing is written', async () => {
  const report = await newPothole();
  await act(report.id, officer, { action: 'accept' });
  const files = [
    { name: 'ok.jpg', data: await photo(false), type: 'image/jpeg' },
    { name: 'fake.jpg', data: Buffer.from('not an image at all, just text'), type: 'image/jpeg' },
  ];
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/feedback/reports/${report.id}/actions`, ...multipart({ action: 'resolve', resultText: 'Đã xử lý xong.' }, files) });
  assert.equal(res.statusCode, 415);
  const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/feedback/track/${report.trackingCode}` })).json();
  assert.equal(detail.status, 'accepted');
  const photos = await t.ctx.db.selectFrom('feedback_report_photos' as never).selectAll().where('report_id' as never, '=', report.id as never).execute();
  assert.equal(photos.length, 0);
  const note = await t.app.inject({ method: 'POST', url: `/api/v1/feedback/reports/${report.id}/actions`, ...multipart({ action: 'note', note: 'Ảnh hiện trường' }, [files[0]!]) });
  assert.equal(note.statusCode, 400, 'photos only come with a result');
  assert.equal(note.json().code, 'photos_not_allowed');
});
