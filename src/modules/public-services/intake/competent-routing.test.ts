import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import type { SignedIn } from '../../../platform/testing/sign-in.js';
import { psDb } from '../tables.js';
import { APPLICANT, FORM, PDF, account, agencyByCode, componentUpload, counterBody, insertProcedure, newCitizen, staffOf } from './testing.js';

let t: TestPlatform;
let admin: SignedIn;
let centre: SignedIn;
let ward: SignedIn;
let citizen: SignedIn;
let procedure: { code: string; versionId: string };
/** A second commune (xã) of the reference data, apart from the ward 18880. */
let other: string;
before(async () => {
  t = await createTestPlatform({ seedDemo: false });
  other = (await t.ctx.db.selectFrom('admin_units').select('code').where('code', '<>', '18880').where(sql<boolean>`code ~ '^[0-9]{5}$'`).orderBy('code').executeTakeFirstOrThrow()).code;
  admin = await account(t.app, t.ctx, 'system_admin');
  centre = await staffOf(t.app, t.ctx, 'TTPVHCC');
  ward = await staffOf(t.app, t.ctx, 'UBND-XA-18880');
  citizen = await newCitizen(t.app, t.ctx);
  for (const code of [`UBND-XA-${other}`, 'BQLKKT', 'STP']) await agencyByCode(t.ctx, code);
  procedure = await upperCaseProcedure();
});
after(() => t.close());

/** A test procedure with an upper-case code, as catalog routes accept (the helper's are lower-case hex). */
async function upperCaseProcedure(options: Parameters<typeof insertProcedure>[1] = {}) {
  const p = await insertProcedure(t.ctx, options);
  const code = p.code.toUpperCase();
  await psDb(t.ctx.db).updateTable('procedures').set({ code }).where('code', '=', p.code).execute();
  return { ...p, code };
}

type Json = Record<string, any>;
const routesUrl = (code = procedure.code) => `/api/v1/procedures/${code}/routes`;
const setRoute = (who: SignedIn, body: Json, code = procedure.code) => t.app.inject({ method: 'PUT', url: routesUrl(code), headers: who.writeHeaders, payload: body });
const deleteRoute = (who: SignedIn, communeCode?: string) => t.app.inject({ method: 'DELETE', url: `${routesUrl()}${communeCode ? `?communeCode=${communeCode}` : ''}`, headers: who.writeHeaders });

async function atCounter(who: SignedIn, extra: Json = {}): Promise<Json> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers/counter',
    headers: who.writeHeaders,
    payload: counterBody(procedure.code, extra, true),
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

async function online(communeCode: string): Promise<Json> {
  const draft = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers/drafts', headers: citizen.writeHeaders, payload: { procedureCode: procedure.code, communeCode } });
  assert.equal(draft.statusCode, 201, draft.body);
  const d = draft.json();
  const saved = await t.app.inject({ method: 'PUT', url: `/api/v1/dossiers/drafts/${d.id}`, headers: citizen.writeHeaders, payload: { applicantKind: 'citizen', applicant: APPLICANT, onBehalf: false, formData: FORM, communeCode, version: d.version } });
  assert.equal(saved.statusCode, 200, saved.body);
  for (const code of ['TK', 'CCCD']) {
    const { payload, headers } = componentUpload(code, PDF, 'to-khai.pdf', citizen.writeHeaders);
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/drafts/${d.id}/components`, payload, headers })).statusCode, 201);
  }
  const submitted = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/drafts/${d.id}/submit`, headers: citizen.writeHeaders });
  assert.equal(submitted.statusCode, 200, submitted.body);
  return submitted.json();
}

test('the routing table picks the competent agency for a commune whatever counter or portal received the dossier', async () => {
  const set = await setRoute(admin, { communeCode: other, agencyCode: 'BQLKKT', note: 'Khu kinh tế' });
  assert.equal(set.statusCode, 200, set.body);
  assert.equal(set.json().agency.code, 'BQLKKT');

  const atCentre = await atCounter(centre, { communeCode: other });
  assert.deepEqual([atCentre.receivingAgency.code, atCentre.handlingAgency.code], ['TTPVHCC', 'BQLKKT'], 'the provincial centre receives, the competent agency handles');
  const atWard = await atCounter(ward, { communeCode: other });
  assert.deepEqual([atWard.receivingAgency.code, atWard.handlingAgency.code], ['UBND-XA-18880', 'BQLKKT'], 'another counter receives, the same agency handles');
  const viaPortal = await online(other);
  assert.deepEqual([viaPortal.receivingAgency.code, viaPortal.handlingAgency.code], ['TTPVHCC', 'BQLKKT'], 'online too');

  assert.equal((await atCounter(ward)).handlingAgency.code, 'SXD', 'the counter\'s own commune is not the dossier\'s: no row applies');
  assert.equal((await atCounter(centre, { communeCode: '18880' })).handlingAgency.code, 'SXD', 'other communes keep the default');
});

test('a commune row wins over the procedure-wide row; removing rows restores the default', async () => {
  assert.equal((await setRoute(admin, { communeCode: other, agencyCode: 'BQLKKT' })).statusCode, 200);
  assert.equal((await setRoute(admin, { communeCode: null, agencyCode: 'STP' })).statusCode, 200);
  const list = (await t.app.inject({ method: 'GET', url: routesUrl(), headers: admin.headers })).json().items as Json[];
  assert.deepEqual(list.map((r) => [r.communeCode, r.agency.code]), [[null, 'STP'], [other, 'BQLKKT']], 'one row per commune: setting again replaced it');
  assert.equal((await atCounter(centre, { communeCode: other })).handlingAgency.code, 'BQLKKT');
  assert.equal((await atCounter(centre, { communeCode: '18880' })).handlingAgency.code, 'STP');

  assert.equal((await deleteRoute(admin, other)).statusCode, 204);
  assert.equal((await atCounter(centre, { communeCode: other })).handlingAgency.code, 'STP', 'the procedure-wide row applies again');
  assert.equal((await deleteRoute(admin)).statusCode, 204);
  assert.equal((await atCounter(centre, { communeCode: other })).handlingAgency.code, 'SXD', 'the procedure\'s agency again');
  assert.equal((await online(other)).handlingAgency.code, 'SXD');
  assert.equal((await deleteRoute(admin)).json().code, 'no_route');
});

test('a commune-level procedure may be routed to another agency for one commune; the receiving committee stays', async () => {
  const communal = await upperCaseProcedure({ level: 'commune', process: [] });
  assert.equal((await setRoute(admin, { communeCode: '18880', agencyCode: 'STP' }, communal.code)).statusCode, 200);
  const d = await atCounter(ward, { procedureCode: communal.code });
  assert.deepEqual([d.receivingAgency.code, d.handlingAgency.code, d.communeCode], ['UBND-XA-18880', 'STP', '18880']);
});

test('only a system administrator changes the routing table; unknown agency, commune or procedure are refused in both languages; changes are audited', async () => {
  const sxdAdmin = await staffOf(t.app, t.ctx, 'SXD', 'agency_admin');
  assert.equal((await setRoute(sxdAdmin, { communeCode: null, agencyCode: 'STP' })).statusCode, 403);
  assert.equal((await setRoute(centre, { communeCode: null, agencyCode: 'STP' })).statusCode, 403);
  assert.equal((await deleteRoute(centre)).statusCode, 403);
  assert.equal((await t.app.inject({ method: 'GET', url: routesUrl(), headers: citizen.headers })).statusCode, 403);
  assert.equal((await t.app.inject({ method: 'GET', url: routesUrl() })).statusCode, 401);
  assert.equal((await t.app.inject({ method: 'GET', url: routesUrl(), headers: sxdAdmin.headers })).statusCode, 200, 'catalog managers may read it');

  const agency = await setRoute(admin, { communeCode: null, agencyCode: 'NOPE' });
  assert.equal(agency.statusCode, 400);
  assert.equal(agency.json().code, 'unknown_agency');
  assert.ok(agency.json().message.vi && agency.json().message.en);
  assert.equal((await setRoute(admin, { communeCode: '99999', agencyCode: 'STP' })).json().code, 'unknown_commune');
  assert.equal((await setRoute(admin, { communeCode: null, agencyCode: 'STP' }, '9.NONE')).statusCode, 404);

  const audited = await t.ctx.db.selectFrom('audit_log').select('action').where('action', 'in', ['procedure.route.set', 'procedure.route.delete']).execute();
  assert.ok(audited.some((a) => a.action === 'procedure.route.set') && audited.some((a) => a.action === 'procedure.route.delete'));
});

test('the routing table exports as JSON with agencies by code and imports back, all or nothing', async () => {
  assert.equal((await setRoute(admin, { communeCode: other, agencyCode: 'BQLKKT' })).statusCode, 200);
  const exported = await t.app.inject({ method: 'GET', url: '/api/v1/procedure-routes', headers: admin.headers });
  assert.equal(exported.statusCode, 200);
  const doc = exported.json();
  assert.equal(doc.format, 'tinhso.procedure-routes');
  assert.ok(doc.routes.some((r: Json) => r.procedureCode === procedure.code && r.communeCode === other && r.agencyCode === 'BQLKKT'));

  await deleteRoute(admin, other);
  const bad = { ...doc, routes: [...doc.routes, { procedureCode: procedure.code, communeCode: null, agencyCode: 'NOPE' }] };
  assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/procedure-routes/import', headers: admin.writeHeaders, payload: bad })).statusCode, 400);
  assert.equal((await atCounter(centre, { communeCode: other })).handlingAgency.code, 'SXD', 'a failed import wrote nothing');
  const ok = await t.app.inject({ method: 'POST', url: '/api/v1/procedure-routes/import', headers: admin.writeHeaders, payload: doc });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal((await atCounter(centre, { communeCode: other })).handlingAgency.code, 'BQLKKT');
});
