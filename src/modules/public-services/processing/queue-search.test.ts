import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import { signIn, type SignedIn } from '../../../platform/testing/sign-in.js';
import { createTestUser, TEST_PASSWORD } from '../../../platform/testing/users.js';
import { DEMO_PROVINCE_CODE } from '../../../platform/agencies/demo-agencies.js';
import { toSearchText } from '../../../platform/search/search-text.js';
import { generateDemoDossiers } from '../demo/generate.js';
import { agencyByCode, insertProcedure } from '../intake/testing.js';
import { psDb } from '../tables.js';
import { agencyIdOf, seedDossier, seedProcedure, type TestProcedure } from './testing.js';

let t: TestPlatform;
let sxd: string;
let procedure: TestProcedure;
let officer: SignedIn;

before(async () => {
  t = await createTestPlatform({ seedDemo: false });
  sxd = await agencyIdOf(t.ctx, 'SXD');
  procedure = await seedProcedure(t.ctx, sxd);
  officer = await signIn(t.app, (await createTestUser(t.ctx, 'officer', { agencyId: sxd })).email, TEST_PASSWORD);
});
after(() => t.close());

/** The codes the officer's queue answers for `q`. */
async function queueCodes(q: string): Promise<string[]> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/queue?limit=200&q=${encodeURIComponent(q)}`, headers: officer.headers });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().items.map((i: { code: string }) => i.code);
}

const searchTextOf = async (id: string) => (await sql<{ search_text: string }>`select search_text from dossiers where id = ${id}`.execute(t.ctx.db)).rows[0]!.search_text;

/** What the trigger must store for a row: the JS fold of the same parts. */
const expectedSearchText = (r: { code: string | null; procedure_code: string; applicant: { name?: string; organisation?: string }; procedure_name: string }) =>
  toSearchText(r.code, r.procedure_code, r.applicant.name, r.applicant.organisation, r.procedure_name);

const VIETNAMESE = [
  'Nguyễn Văn Ánh',
  'ĐẶNG THỊ ĐÀO',
  'đường Trần Hưng Đạo',
  'Công ty TNHH Một thành viên Ứng dụng Số Quảng Trị',
  'Hộ kinh doanh Phở Hương',
  'Thủ tục cấp giấy phép xây dựng nhà ở riêng lẻ',
  'Đăng ký khai sinh, kết hôn; thay đổi, cải chính hộ tịch',
  'ỳ ỷ ỹ ỵ ý Ỳ Ỷ Ỹ Ỵ Ý ơ ờ ở ỡ ợ ớ ư ừ ử ữ ự ứ ă ằ ẳ ẵ ặ ắ â ầ ẩ ẫ ậ ấ ê ề ể ễ ệ ế ô ồ ổ ỗ ộ ố',
  'Nguyễn Văn Ánh'.normalize('NFD'),
  'ĐƯỜNG LÊ LỢI'.normalize('NFD'),
  '  Trần\tThị\u00a0Bé \n Na  ',
  'SXD-261203-0001 1.009432.000.00.00.H47',
  '100% đúng_hạn \\ (mẫu 01)',
  '',
];

test('the SQL fold gives exactly the JS fold for Vietnamese text: đ/Đ, NFD input, upper case, odd whitespace', async () => {
  for (const text of VIETNAMESE) {
    const row = (await sql<{ folded: string }>`select fold_search_text(${text}) as folded`.execute(t.ctx.db)).rows[0]!;
    assert.equal(row.folded, toSearchText(text), JSON.stringify(text));
  }
  const nfc = (await sql<{ a: string; b: string }>`select fold_search_text(${'Đặng Ứng'}) as a, fold_search_text(${'Đặng Ứng'.normalize('NFD')}) as b`.execute(t.ctx.db)).rows[0]!;
  assert.deepEqual([nfc.a, nfc.b], ['dang ung', 'dang ung'], 'NFC and NFD spellings fold alike');
});

test('the queue finds a dossier by its applicant typed without diacritics, in NFD or in upper case', async () => {
  const anh = await seedDossier(t.ctx, procedure, { agencyId: sxd, applicantName: 'Nguyễn Văn Ánh' });
  const dao = await seedDossier(t.ctx, procedure, { agencyId: sxd, applicantName: 'Đặng Thị Đào' });
  for (const q of ['nguyen van anh', 'Nguyễn Văn Ánh'.normalize('NFD'), 'NGUYỄN VĂN ÁNH', 'NGUYEN VAN ANH', 'van a']) {
    const codes = await queueCodes(q);
    assert.ok(codes.includes(anh.code!), `"${q}" finds Nguyễn Văn Ánh`);
    assert.ok(!codes.includes(dao.code!), `"${q}" does not find Đặng Thị Đào`);
  }
  for (const q of ['dang thi dao', 'ĐẶNG', 'đào']) assert.ok((await queueCodes(q)).includes(dao.code!), `"${q}" finds Đặng Thị Đào`);
  assert.ok((await queueCodes(anh.code!.toLowerCase())).includes(anh.code!), 'the dossier code, in any case');
  assert.ok((await queueCodes('giay phep xay dung thu nghiem')).includes(anh.code!), 'the procedure name without diacritics');
  assert.ok((await queueCodes(procedure.code)).includes(anh.code!), 'the procedure code');
  assert.deepEqual(await queueCodes('100%'), [], 'a typed % matches literally');
});

test("the queue finds a business by its organisation's name, and a changed applicant is searched by the new name", async () => {
  const d = await seedDossier(t.ctx, procedure, {
    agencyId: sxd,
    applicantName: 'Lê Văn Bình',
    extra: { applicant_kind: 'business', applicant: JSON.stringify({ name: 'Lê Văn Bình', organisation: 'Công ty TNHH Đông Hà Xanh', taxCode: '3200000001' }) },
  });
  assert.ok((await queueCodes('dong ha xanh')).includes(d.code!));
  await psDb(t.ctx.db).updateTable('dossiers').set({ applicant: JSON.stringify({ name: 'Hoàng Thị Cúc' }) }).where('id', '=', d.id).execute();
  assert.ok((await queueCodes('hoang thi cuc')).includes(d.code!), 'the trigger folds the new applicant');
  assert.ok(!(await queueCodes('dong ha xanh')).includes(d.code!), 'and forgets the old one');
});

test('a dossier received at the counter carries its folded search text', async () => {
  const centre = await signIn(t.app, (await createTestUser(t.ctx, 'officer', { agencyId: await agencyIdOf(t.ctx, 'TTPVHCC') })).email, TEST_PASSWORD);
  const intakeProcedure = await insertProcedure(t.ctx);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers/counter',
    headers: centre.writeHeaders,
    payload: {
      procedureCode: intakeProcedure.code,
      channel: 'counter',
      applicantKind: 'citizen',
      applicant: { name: 'Trương Đình Quý', idNumber: '044190001234', address: 'Phường Đồng Hới, Quảng Trị' },
      formData: { purpose: 'Xin cấp bản sao', copies: 1 },
      components: [
        { componentCode: 'TK', kind: 'original', digitised: false },
        { componentCode: 'CCCD', kind: 'copy', digitised: false },
      ],
    },
  });
  assert.equal(res.statusCode, 201, res.body);
  const d = res.json();
  assert.equal(await searchTextOf(d.id), toSearchText(d.code, intakeProcedure.code, 'Trương Đình Quý', 'Thủ tục thử nghiệm tiếp nhận'));
  assert.match(await searchTextOf(d.id), /truong dinh quy/);
});

test("the demo generator's bulk inserts carry the same folded search text", async () => {
  // The generator's world: a procedure in force and one commune committee of the demo province (no demo data here).
  await insertProcedure(t.ctx);
  const commune = await t.ctx.db.selectFrom('admin_units').select('code').where('parent_code', '=', DEMO_PROVINCE_CODE).orderBy('code').executeTakeFirstOrThrow();
  await agencyByCode(t.ctx, `UBND-XA-${commune.code}`);
  const result = await generateDemoDossiers(t.ctx, { count: 40, seed: 7, until: new Date() });
  assert.equal(result.count, 40);
  const rows = await sql<{ code: string | null; procedure_code: string; applicant: { name?: string; organisation?: string }; procedure_name: string; search_text: string }>`
    select d.code, d.procedure_code, d.applicant, pv.name as procedure_name, d.search_text
    from dossiers d join procedure_versions pv on pv.id = d.procedure_version_id where d.is_demo`.execute(t.ctx.db);
  assert.equal(rows.rows.length, 40);
  for (const r of rows.rows) {
    assert.ok(r.search_text.length > 0);
    assert.equal(r.search_text, expectedSearchText(r));
  }
});
