import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { TestPlatform } from '../../../platform/testing/test-platform.js';
import type { SignedIn } from '../../../platform/testing/sign-in.js';
import { psDb } from '../tables.js';
import { catalogTestPlatform } from './test-platform.js';
import { versionById, versionInForce } from './index.js';
import { sampleProcedure } from './test-fixtures.js';

let t: TestPlatform;
let admin: SignedIn;
let sxdAdmin: SignedIn;
let citizen: SignedIn;
let officer: SignedIn;
before(async () => {
  const platform = await catalogTestPlatform();
  t = platform.t;
  admin = platform.as.system_admin;
  sxdAdmin = platform.as.agency_admin;
  citizen = platform.as.citizen;
  officer = platform.as.officer;
});
after(() => t.close());

const send = (method: 'POST' | 'PUT', url: string, who: SignedIn | null, payload: unknown) =>
  t.app.inject({ method, url, headers: who?.writeHeaders ?? {}, payload: payload as Record<string, unknown> });
const get = (url: string, who?: SignedIn) => t.app.inject({ method: 'GET', url, headers: who?.headers ?? {} });

test('the detail of a procedure in force has every constituent part, its validity and its versions', async () => {
  const res = await get('/api/v1/procedures/1.001193');
  assert.equal(res.statusCode, 200, res.body);
  const p = res.json();
  assert.equal(p.name, 'Đăng ký khai sinh');
  assert.equal(p.level, 'commune');
  assert.equal(p.agency, null);
  assert.equal(p.state, 'published');
  assert.equal(p.inForce, true);
  assert.equal(p.effectiveFrom, '2025-06-30T17:00:00.000Z', '01/07/2025 00:00 in Vietnam');
  assert.equal(p.timeAmount, 0);
  assert.equal(p.sameDayCutoff, '15:00');
  assert.ok(p.components.length >= 2 && p.components.every((c: { kind: string; count: number }) => c.kind && c.count >= 1));
  assert.ok(p.fees[0].exemptions.some((e: { code: string }) => e.code === 'dung-han'), 'on-time birth registration is exempt');
  assert.ok(p.process.some((s: { actor: unknown }) => typeof s.actor === 'object'), 'an inter-agency step');
  assert.deepEqual(p.formSchema['x-order'].slice(0, 3), ['hoTen', 'ngaySinh', 'gioiTinh'], 'the form keeps its field order');
  assert.deepEqual(p.versions, [{ version: 1, state: 'published', effectiveFrom: p.effectiveFrom, effectiveTo: null }]);
  assert.equal(p.isDemo, true);
  assert.equal((await get('/api/v1/procedures/9.999999')).statusCode, 404);
});

test('a citizen, an officer or an anonymous caller cannot create a procedure', async () => {
  assert.equal((await send('POST', '/api/v1/procedures', citizen, sampleProcedure('T.AUTH1'))).statusCode, 403);
  assert.equal((await send('POST', '/api/v1/procedures', officer, sampleProcedure('T.AUTH1'))).statusCode, 403);
  assert.equal((await send('POST', '/api/v1/procedures', null, sampleProcedure('T.AUTH1'))).statusCode, 401);
  assert.equal(await psDb(t.ctx.db).selectFrom('procedures').select('id').where('code', '=', 'T.AUTH1').executeTakeFirst(), undefined);
});

test('an agency administrator manages procedures of their own agency only', async () => {
  const own = await send('POST', '/api/v1/procedures', sxdAdmin, sampleProcedure('T.SXD1'));
  assert.equal(own.statusCode, 201, own.body);
  assert.equal(own.json().agency.code, 'SXD');
  const other = await send('POST', '/api/v1/procedures', sxdAdmin, sampleProcedure('T.SXD2', { agencyCode: 'STP' }));
  assert.equal(other.statusCode, 403);
  const commune = await send('POST', '/api/v1/procedures', sxdAdmin, sampleProcedure('T.SXD3', { level: 'commune', agencyCode: null }));
  assert.equal(commune.statusCode, 403, 'commune-level procedures belong to the province-wide catalog');
  assert.equal((await send('PUT', '/api/v1/procedures/2.000635/draft', sxdAdmin, { name: 'Đổi tên' })).statusCode, 403, 'nor a draft of a commune procedure');
  assert.equal((await send('PUT', '/api/v1/procedures/T.SXD1/draft', sxdAdmin, { agencyCode: 'STP' })).statusCode, 403, 'nor hand its own to another agency');
  assert.equal((await send('POST', '/api/v1/procedures/3.000333/draft/publish', sxdAdmin, {})).statusCode, 404, 'the police procedure has no draft to publish');
  const drafts = (await get('/api/v1/procedures/drafts', sxdAdmin)).json().items as Array<{ code: string }>;
  assert.ok(drafts.some((d) => d.code === 'T.SXD1'));
});

test('publish flow: a draft is invisible to the public, publishing puts it in force, a published version never changes', async () => {
  const created = await send('POST', '/api/v1/procedures', admin, sampleProcedure('T.PUB1'));
  assert.equal(created.statusCode, 201, created.body);
  assert.equal(created.json().state, 'draft');
  assert.equal(created.json().version, 1);
  assert.deepEqual(created.json().warnings, []);
  assert.equal((await get('/api/v1/procedures/T.PUB1')).statusCode, 404, 'nothing in force yet');
  assert.equal((await get('/api/v1/procedures/T.PUB1/versions/1')).statusCode, 404, 'drafts are not public');
  assert.equal((await get('/api/v1/procedures/T.PUB1/versions/1', citizen)).statusCode, 404);
  assert.equal((await get('/api/v1/procedures/T.PUB1/versions/1', admin)).json().state, 'draft');

  const published = await send('POST', '/api/v1/procedures/T.PUB1/draft/publish', admin, {});
  assert.equal(published.statusCode, 200, published.body);
  assert.equal(published.json().state, 'published');
  const detail = (await get('/api/v1/procedures/T.PUB1')).json();
  assert.equal(detail.version, 1);
  assert.equal(detail.inForce, true);

  const edit = await send('PUT', '/api/v1/procedures/T.PUB1/versions/1', admin, { name: 'Tên mới' });
  assert.equal(edit.statusCode, 409);
  assert.equal(edit.json().code, 'version_published');
  assert.ok(edit.json().message.vi.includes('đã công bố'));
  await assert.rejects(
    sql`update procedure_versions set name = 'sửa lén' where id = ${detail.id}`.execute(t.ctx.db),
    /immutable/,
    'the database refuses too',
  );
  assert.equal((await versionById(psDb(t.ctx.db), detail.id))?.name, detail.name);
});

test('a new draft copies the parts it leaves out, and publishing it ends the previous version at its start', async () => {
  await send('POST', '/api/v1/procedures', admin, sampleProcedure('T.VER1'));
  const v1 = (await send('POST', '/api/v1/procedures/T.VER1/draft/publish', admin, {})).json();
  const draft = await send('PUT', '/api/v1/procedures/T.VER1/draft', admin, { name: 'Cấp chứng chỉ hành nghề (sửa đổi)', timeAmount: 7 });
  assert.equal(draft.statusCode, 200, draft.body);
  assert.equal(draft.json().version, 2);
  assert.equal(draft.json().state, 'draft');
  assert.deepEqual(draft.json().components, v1.components, 'parts left out are copied from the latest version');
  assert.deepEqual(draft.json().formSchema, v1.formSchema);
  const again = await send('PUT', '/api/v1/procedures/T.VER1/versions/2', admin, { timeAmount: 8 });
  assert.equal(again.statusCode, 200, 'the draft itself may be edited');
  assert.equal(again.json().version, 2, 'the one draft is replaced, not multiplied');
  assert.equal(again.json().name, 'Cấp chứng chỉ hành nghề (sửa đổi)');

  const start = new Date(Date.now() + 24 * 3600_000);
  const published = await send('POST', '/api/v1/procedures/T.VER1/draft/publish', admin, { effectiveFrom: start.toISOString() });
  assert.equal(published.statusCode, 200, published.body);
  const db = psDb(t.ctx.db);
  const v1Start = new Date(v1.effectiveFrom);
  assert.equal(await versionInForce(db, 'T.VER1', new Date(v1Start.getTime() - 1)), undefined, 'nothing before the first version');
  assert.equal((await versionInForce(db, 'T.VER1', new Date()))?.version, 1, 'v1 until v2 starts');
  assert.equal((await versionInForce(db, 'T.VER1', new Date(start.getTime() - 1)))?.version, 1);
  assert.equal((await versionInForce(db, 'T.VER1', start))?.version, 2, 'v2 from its first instant');
  assert.equal((await versionInForce(db, 'T.VER1', new Date(start.getTime() + 365 * 24 * 3600_000)))?.version, 2);
  const detail = (await get('/api/v1/procedures/T.VER1')).json();
  assert.equal(detail.version, 1, 'the public detail is the version in force now');
  assert.deepEqual(detail.versions.map((v: { version: number; state: string; effectiveTo: string | null }) => [v.version, v.state, v.effectiveTo]), [[1, 'published', start.toISOString()], [2, 'published', null]]);
});

test('at every instant exactly one version is in force once the first has started', async () => {
  await send('POST', '/api/v1/procedures', admin, sampleProcedure('T.ONE1'));
  await send('POST', '/api/v1/procedures/T.ONE1/draft/publish', admin, {});
  const starts: Date[] = [];
  for (let i = 1; i <= 3; i++) {
    await send('PUT', '/api/v1/procedures/T.ONE1/draft', admin, { timeAmount: 10 + i });
    const at = new Date(Date.now() + i * 7 * 24 * 3600_000);
    starts.push(at);
    assert.equal((await send('POST', '/api/v1/procedures/T.ONE1/draft/publish', admin, { effectiveFrom: at.toISOString() })).statusCode, 200);
  }
  const procedure = await psDb(t.ctx.db).selectFrom('procedures').select('id').where('code', '=', 'T.ONE1').executeTakeFirstOrThrow();
  const instants = [new Date(), ...starts.flatMap((s) => [new Date(s.getTime() - 1), s, new Date(s.getTime() + 3600_000)])];
  for (const at of instants) {
    const row = await sql<{ n: number }>`select count(*)::int as n from procedure_versions where procedure_id = ${procedure.id} and state <> 'draft' and effective_from <= ${at} and (effective_to is null or effective_to > ${at})`.execute(t.ctx.db);
    assert.equal(row.rows[0]!.n, 1, `one version in force at ${at.toISOString()}`);
  }
  assert.equal((await versionInForce(psDb(t.ctx.db), 'T.ONE1', starts[2]!))?.time_amount, '13');
});

test('publishing refuses a date in the past or one not after the latest version, and needs a draft', async () => {
  await send('POST', '/api/v1/procedures', admin, sampleProcedure('T.DATE1'));
  const past = await send('POST', '/api/v1/procedures/T.DATE1/draft/publish', admin, { effectiveFrom: '2024-01-01T00:00:00Z' });
  assert.equal(past.statusCode, 400);
  assert.equal(past.json().code, 'effective_from_past');
  const far = new Date(Date.now() + 30 * 24 * 3600_000);
  assert.equal((await send('POST', '/api/v1/procedures/T.DATE1/draft/publish', admin, { effectiveFrom: far.toISOString() })).statusCode, 200);
  await send('PUT', '/api/v1/procedures/T.DATE1/draft', admin, { timeAmount: 3 });
  const early = await send('POST', '/api/v1/procedures/T.DATE1/draft/publish', admin, { effectiveFrom: new Date(far.getTime() - 3600_000).toISOString() });
  assert.equal(early.statusCode, 409);
  assert.equal(early.json().code, 'effective_from_too_early');
  assert.equal((await send('POST', '/api/v1/procedures/1.000894/draft/publish', admin, {})).json().code, 'no_draft');
  const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'procedure.publish').where('details', '@>', JSON.stringify({ code: 'T.DATE1' }) as never).execute();
  assert.equal(audit.length, 1, 'the publication is in the audit trail');
});
