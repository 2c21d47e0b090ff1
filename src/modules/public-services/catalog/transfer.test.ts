import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { TestPlatform } from '../../../platform/testing/test-platform.js';
import type { SignedIn } from '../../../platform/testing/sign-in.js';
import { psDb } from '../tables.js';
import { catalogTestPlatform } from './test-platform.js';
import { sampleProcedure } from './test-fixtures.js';
import { csvToDocument, type ExportDoc } from './transfer.js';
import { IMPORT_BODY_LIMIT } from './transfer-routes.js';

let t: TestPlatform;
let admin: SignedIn;
let sxdAdmin: SignedIn;
let citizen: SignedIn;
before(async () => {
  const platform = await catalogTestPlatform();
  t = platform.t;
  admin = platform.as.system_admin;
  sxdAdmin = platform.as.agency_admin;
  citizen = platform.as.citizen;
});
after(() => t.close());

const exportJson = async (who: SignedIn = admin): Promise<ExportDoc> => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/procedures/export?format=json', headers: who.headers });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
};
const importJson = (doc: unknown, who: SignedIn = admin) => t.app.inject({ method: 'POST', url: '/api/v1/procedures/import?format=json', headers: who.writeHeaders, payload: doc as Record<string, unknown> });
const importCsv = (csv: string) => t.app.inject({ method: 'POST', url: '/api/v1/procedures/import?format=csv', headers: { ...admin.writeHeaders, 'content-type': 'text/csv; charset=utf-8' }, payload: csv });
const versionCount = async () => Number((await psDb(t.ctx.db).selectFrom('procedure_versions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const entry = (doc: ExportDoc, code: string) => doc.procedures.find((p) => p.code === code);

test('re-importing the catalog as exported changes nothing (idempotent, no new rows)', async () => {
  const doc = await exportJson();
  assert.ok(doc.procedures.length >= 30);
  const before = await versionCount();
  const res = await importJson(doc);
  assert.equal(res.statusCode, 200, res.body);
  const summary = res.json();
  assert.equal(summary.unchanged, doc.procedures.length);
  assert.equal(summary.created + summary.replaced + summary.drafted, 0);
  assert.equal(await versionCount(), before);
});

test('JSON round trip: importing an export restores exactly what was exported, as a draft', async () => {
  assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/procedures', headers: admin.writeHeaders, payload: sampleProcedure('T.RT1') })).statusCode, 201);
  const original = entry(await exportJson(), 'T.RT1')!;
  assert.equal(original.versions[0]!.state, 'draft');
  const changed = await t.app.inject({ method: 'PUT', url: '/api/v1/procedures/T.RT1/draft', headers: admin.writeHeaders, payload: { name: 'Tên đã sửa', components: [{ code: 'khac', name: 'Giấy tờ khác', kind: 'copy', count: 2, required: false }] } });
  assert.equal(changed.statusCode, 200, changed.body);
  assert.notDeepEqual(entry(await exportJson(), 'T.RT1'), original);

  const res = await importJson({ format: 'tinhso.procedures', formatVersion: 1, procedures: [original] });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json().items, [{ code: 'T.RT1', result: 'replaced', version: 1 }]);
  assert.deepEqual(entry(await exportJson(), 'T.RT1'), original, 'export → import → export is equal');
  const rows = await versionCount();
  assert.equal((await importJson({ format: 'tinhso.procedures', formatVersion: 1, procedures: [original] })).json().unchanged, 1);
  assert.equal(await versionCount(), rows, 'a second import writes nothing');
});

test('an import creates drafts only: a new procedure is not in force, a published one gets a new draft version', async () => {
  const published = entry(await exportJson(), '1.000894')!;
  const edited = { ...published, versions: [{ ...published.versions[0]!, name: 'Đăng ký kết hôn (dự thảo sửa đổi)' }] };
  const fresh = { code: 'T.IMP1', versions: [{ version: 1, ...(({ code: _c, ...parts }) => parts)(sampleProcedure('T.IMP1')) }] };
  const res = await importJson({ format: 'tinhso.procedures', formatVersion: 1, procedures: [edited, fresh] });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json().items, [{ code: '1.000894', result: 'drafted', version: 2 }, { code: 'T.IMP1', result: 'created', version: 1 }]);
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/procedures/T.IMP1' })).statusCode, 404, 'not published');
  const marriage = (await t.app.inject({ method: 'GET', url: '/api/v1/procedures/1.000894' })).json();
  assert.equal(marriage.name, 'Đăng ký kết hôn', 'the version in force is untouched');
});

test('CSV: one row per version; re-importing the export changes nothing and reads back the same document', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/procedures/export?format=csv', headers: admin.headers });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /text\/csv/);
  const csv = res.body;
  const json = await exportJson();
  const versions = json.procedures.reduce((n, p) => n + p.versions.length, 0);
  assert.equal(csv.trim().split('\r\n').length - 1, versions, 'one row per version after the header');
  const back = csvToDocument(csv) as ExportDoc;
  assert.deepEqual(back.procedures, json.procedures, 'the CSV carries every part of every version');
  const before = await versionCount();
  const imported = await importCsv(csv);
  assert.equal(imported.statusCode, 200, imported.body);
  assert.equal(imported.json().unchanged, json.procedures.length);
  assert.equal(await versionCount(), before);
});

test('import is all or nothing: one invalid procedure refuses the file with its path, and nothing is written', async () => {
  const good = { code: 'T.ALL1', versions: [{ version: 1, ...(({ code: _c, ...parts }) => parts)(sampleProcedure('T.ALL1')) }] };
  const bad = { code: 'T.ALL2', versions: [{ version: 1, ...(({ code: _c, ...parts }) => parts)(sampleProcedure('T.ALL2', { agencyCode: null })) }] };
  const res = await importJson({ format: 'tinhso.procedures', formatVersion: 1, procedures: [good, bad] });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().code, 'agency_required');
  assert.ok(res.json().message.vi.startsWith('Thủ tục T.ALL2'));
  assert.equal(res.json().errors[0].field, 'procedures/1/agencyId');
  assert.equal(await psDb(t.ctx.db).selectFrom('procedures').select('id').where('code', 'in', ['T.ALL1', 'T.ALL2']).executeTakeFirst(), undefined);
  const malformed = await importJson({ format: 'tinhso.procedures', formatVersion: 1, procedures: [{ code: 'T.ALL3', versions: [{ version: 1 }] }] });
  assert.equal(malformed.statusCode, 400);
  assert.equal(malformed.json().code, 'validation_failed');
});

test('only a system administrator imports; catalog managers export, drafts only their own', async () => {
  assert.equal((await importJson({ format: 'tinhso.procedures', formatVersion: 1, procedures: [] }, sxdAdmin)).statusCode, 403);
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/procedures/export', headers: citizen.headers })).statusCode, 403);
  await t.app.inject({ method: 'POST', url: '/api/v1/procedures', headers: admin.writeHeaders, payload: sampleProcedure('T.EXP1', { agencyCode: 'STP' }) });
  await t.app.inject({ method: 'POST', url: '/api/v1/procedures', headers: sxdAdmin.writeHeaders, payload: sampleProcedure('T.EXP2') });
  const mine = await exportJson(sxdAdmin);
  assert.equal(entry(mine, 'T.EXP1'), undefined, "another agency's draft is not exported to them");
  assert.ok(entry(mine, 'T.EXP2'));
  assert.ok(entry(mine, '1.001193'), 'published versions are exported to every manager');
});

test('an import larger than the limit is refused with 413', async () => {
  const huge = `code,version\r\n${'x'.repeat(IMPORT_BODY_LIMIT + 10)}`;
  const res = await importCsv(huge);
  assert.equal(res.statusCode, 413);
  assert.equal(res.json().code, 'payload_too_large');
});
