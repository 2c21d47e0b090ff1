import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import { signInAs, type SignedIn } from '../../../platform/testing/sign-in.js';

let t: TestPlatform;
let centre: { lat: number; lng: number };
let citizen: SignedIn;
let neighbour: SignedIn;
let admin: SignedIn;
/** Published procedures of the demo catalogue (the second only for the re-raise test) and a dossier of another procedure. */
let procedureCode: string;
let reraiseCode: string;
let dossier: { code: string; procedure_code: string };

before(async () => {
  t = await createTestPlatform({ env: { FEEDBACK_REPORTS_PER_10_MIN: '1000' } });
  const unit = (await t.app.inject({ method: 'GET', url: '/api/v1/admin-units/18880' })).json();
  centre = { lat: unit.centroid.lat, lng: unit.centroid.lng };
  citizen = await signInAs(t.app, 'citizen');
  neighbour = await signInAs(t.app, 'officer');
  admin = await signInAs(t.app, 'system_admin');
  const { rows } = await sql<{ code: string; procedure_code: string }>`select code, procedure_code from dossiers where code is not null order by code limit 1`.execute(t.ctx.db);
  assert.ok(rows[0], 'the demo data holds a received dossier');
  dossier = rows[0];
  const other = await sql<{ code: string }>`
    select p.code from procedures p where p.code <> ${dossier.procedure_code}
      and exists (select 1 from procedure_versions v where v.procedure_id = p.id and v.state = 'published') order by p.code limit 2`.execute(t.ctx.db);
  procedureCode = other.rows[0]!.code;
  reraiseCode = other.rows[1]!.code;
});
after(() => t.close());

type Attrs = Record<string, string>;
const file = (categoryCode: string, attributes: Attrs, who: SignedIn | null = citizen) =>
  t.app.inject({ method: 'POST', url: '/api/v1/feedback/reports', payload: { categoryCode, description: 'Cán bộ yêu cầu nộp giấy tờ không có trong danh mục công khai.', ...centre, attributes }, headers: who?.writeHeaders ?? {} });
async function petition(attributes: Attrs, who: SignedIn = citizen, categoryCode = 'thu-tuc-hanh-chinh'): Promise<{ id: string; trackingCode: string }> {
  const res = await file(categoryCode, attributes, who);
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}
const view = (id: string, who: SignedIn | null = null) => t.app.inject({ method: 'GET', url: `/api/v1/feedback/reports/${id}/petition`, headers: who?.headers ?? {} });
const vote = (id: string, v: 'like' | 'dislike', who: SignedIn | null) => t.app.inject({ method: 'PUT', url: `/api/v1/feedback/reports/${id}/petition/vote`, payload: { vote: v }, headers: who?.writeHeaders ?? {} });
async function answer(id: string): Promise<void> {
  for (const payload of [{ action: 'accept' }, { action: 'resolve', resultText: 'Đã hướng dẫn người dân; cán bộ đã được nhắc nhở.' }]) {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/feedback/reports/${id}/actions`, payload, headers: admin.writeHeaders });
    assert.equal(res.statusCode, 200, res.body);
  }
}

test('the petition categories run on the PAKN class and ask for the procedure and dossier codes', async () => {
  const items = (await t.app.inject({ method: 'GET', url: '/api/v1/feedback/categories' })).json().items as Array<{ code: string; handlingClass: string; attributes: Array<{ code: string; required: boolean }> }>;
  for (const code of ['thu-tuc-hanh-chinh', 'thai-do-can-bo']) {
    const c = items.find((i) => i.code === code)!;
    assert.equal(c.handlingClass, 'pakn');
    assert.deepEqual(c.attributes.filter((a) => a.code.startsWith('ma_')).map((a) => [a.code, a.required]), [['ma_thu_tuc', false], ['ma_ho_so', false]]);
  }
});

test('a petition is classified by its category and linked to the procedure and dossier it names', async () => {
  const p = await petition({ ma_thu_tuc: dossier.procedure_code, ma_ho_so: dossier.code });
  const body = (await view(p.id)).json();
  assert.deepEqual(body, { petitionClass: 'procedure', procedureCode: dossier.procedure_code, linkedToDossier: true, reraiseOf: null, answered: false, likes: 0, dislikes: 0, myVote: null });
  const conduct = await petition({}, citizen, 'thai-do-can-bo');
  assert.equal((await view(conduct.id)).json().petitionClass, 'officer_conduct');
  const onlyDossier = await petition({ ma_ho_so: dossier.code });
  assert.equal((await view(onlyDossier.id)).json().procedureCode, dossier.procedure_code, 'the dossier gives the procedure');
});

test('an unknown procedure or dossier code, or a dossier of another procedure, is a bilingual 400 and nothing is filed', async () => {
  const before = await sql<{ n: number }>`select count(*)::int as n from feedback_reports`.execute(t.ctx.db);
  const unknown = await file('thu-tuc-hanh-chinh', { ma_thu_tuc: '9.999999.000.00.00.H99' });
  assert.equal(unknown.statusCode, 400);
  assert.equal(unknown.json().code, 'unknown_procedure');
  assert.equal(unknown.json().message.vi, 'Không tìm thấy thủ tục hành chính có mã này.');
  assert.equal(unknown.json().message.en, 'No administrative procedure has this code.');
  assert.equal(unknown.json().errors[0].field, 'body.attributes.ma_thu_tuc');
  assert.equal((await file('thu-tuc-hanh-chinh', { ma_ho_so: 'KHONG-CO-HO-SO' })).json().code, 'unknown_dossier');
  assert.equal((await file('thu-tuc-hanh-chinh', { ma_thu_tuc: procedureCode, ma_ho_so: dossier.code })).json().code, 'dossier_procedure_mismatch');
  const after = await sql<{ n: number }>`select count(*)::int as n from feedback_reports`.execute(t.ctx.db);
  assert.equal(after.rows[0]!.n, before.rows[0]!.n);
});

test('an officer of the handling agency or a system admin corrects the class; a citizen may not', async () => {
  const p = await petition({ ma_thu_tuc: procedureCode });
  const classify = (who: SignedIn) => t.app.inject({ method: 'POST', url: `/api/v1/feedback/reports/${p.id}/petition/class`, payload: { petitionClass: 'officer_conduct' }, headers: who.writeHeaders });
  assert.equal((await classify(citizen)).statusCode, 403);
  const res = await classify(admin);
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().petitionClass, 'officer_conduct');
  const event = await sql<{ public: boolean }>`select public from feedback_report_events where report_id = ${p.id} and kind = 'petition_class'`.execute(t.ctx.db);
  assert.deepEqual(event.rows, [{ public: false }]);
});

test('likes and dislikes: only once answered, one vote per signed-in person that they may change', async () => {
  const p = await petition({ ma_thu_tuc: procedureCode });
  assert.equal((await vote(p.id, 'like', citizen)).json().code, 'not_answered');
  await answer(p.id);
  assert.equal((await vote(p.id, 'like', null)).statusCode, 401);
  let res = await vote(p.id, 'like', citizen);
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual([res.json().likes, res.json().dislikes, res.json().myVote], [1, 0, 'like']);
  res = await vote(p.id, 'like', citizen);
  assert.deepEqual([res.json().likes, res.json().dislikes], [1, 0], 'a second like of the same person counts once');
  res = await vote(p.id, 'dislike', citizen);
  assert.deepEqual([res.json().likes, res.json().dislikes, res.json().myVote], [0, 1, 'dislike']);
  res = await vote(p.id, 'like', neighbour);
  assert.deepEqual([res.json().likes, res.json().dislikes, res.json().myVote], [1, 1, 'like']);
  const anonymous = (await view(p.id)).json();
  assert.deepEqual([anonymous.likes, anonymous.dislikes, anonymous.myVote, anonymous.answered], [1, 1, null, true]);
  const plain = await t.app.inject({ method: 'POST', url: '/api/v1/feedback/reports', payload: { categoryCode: 'hu-hong-duong', description: 'Ổ gà lớn giữa đường, xe máy dễ ngã.', ...centre } });
  assert.equal((await view(plain.json().id)).statusCode, 404, 'a field report is no petition');
});

test('re-raise: the same person filing again about the same procedure within 30 days of the answer', async () => {
  const first = await petition({ ma_thu_tuc: reraiseCode, ma_ho_so: '' }, citizen);
  const early = await petition({ ma_thu_tuc: reraiseCode }, citizen);
  assert.equal((await view(early.id)).json().reraiseOf, null, 'before any answer it is not a re-raise');
  await answer(first.id);
  const again = await petition({ ma_thu_tuc: reraiseCode }, citizen);
  assert.equal((await view(again.id)).json().reraiseOf, first.trackingCode);
  const someoneElse = await petition({ ma_thu_tuc: reraiseCode }, neighbour);
  assert.equal((await view(someoneElse.id)).json().reraiseOf, null, 'another person is not re-raising');
  const otherProcedure = await petition({ ma_thu_tuc: dossier.procedure_code }, citizen);
  assert.equal((await view(otherProcedure.id)).json().reraiseOf, null, 'another procedure is not a re-raise');
  // Every answer about this procedure now lies 31 days back: outside the window.
  await sql`update feedback_report_events e set at = e.at - interval '31 days' from feedback_procedure_petitions p
    where p.report_id = e.report_id and p.procedure_code = ${reraiseCode} and e.kind = 'resolve'`.execute(t.ctx.db);
  const late = await petition({ ma_thu_tuc: reraiseCode }, citizen);
  assert.equal((await view(late.id)).json().reraiseOf, null);
});

test('demo data: a few petitions per thousand demo reports, every one marked demo', async () => {
  const { rows } = await sql<{ petitions: number; demo: number; reports: number }>`
    select (select count(*) from feedback_procedure_petitions where is_demo)::int as demo,
      (select count(*) from feedback_procedure_petitions p join feedback_reports r on r.id = p.report_id where r.is_demo)::int as petitions,
      (select count(*) from feedback_reports where is_demo)::int as reports`.execute(t.ctx.db);
  const r = rows[0]!;
  assert.ok(r.reports > 0);
  assert.equal(r.petitions, r.demo, 'petitions made from demo reports are demo themselves');
  assert.ok(r.demo / r.reports < 0.01, `${r.demo} of ${r.reports}`);
});
