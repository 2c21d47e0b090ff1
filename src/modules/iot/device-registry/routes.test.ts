import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import { signIn, type SignedIn } from '../../../platform/testing/sign-in.js';
import { createTestUser, TEST_PASSWORD } from '../../../platform/testing/users.js';
import { createAgency } from '../../../platform/agencies/writes.js';
import type { Role } from '../../../platform/identity/roles.js';
import { resolvePoint } from '../../../platform/admin-units/resolve.js';
import { authenticateDevice, deviceIdentity } from './auth.js';
import { seedDemoDevices } from './demo-seed.js';
import type { RegistryTables } from './tables.js';

let t: TestPlatform;
let as: Record<'system_admin' | 'admin_a' | 'admin_b' | 'officer_a' | 'leader' | 'citizen', SignedIn>;
let agencyA: string;
let agencyB: string;
/** A point inside Phường Đồng Hới (its label point). */
let dongHoi: { lat: number; lng: number };

before(async () => {
  t = await createTestPlatform({ seedDemo: false });
  const meta = { actor: { userId: null, label: 'test' } };
  agencyA = await createAgency(t.ctx, { code: 'SNNMT', name: 'Sở Nông nghiệp và Môi trường (thử)', kind: 'department' }, meta);
  agencyB = await createAgency(t.ctx, { code: 'SXD', name: 'Sở Xây dựng (thử)', kind: 'department' }, meta);
  const user = async (role: Role, agencyId: string | null = null) => {
    const created = await createTestUser(t.ctx, role, { agencyId });
    return signIn(t.app, created.email, TEST_PASSWORD);
  };
  as = {
    system_admin: await user('system_admin'),
    admin_a: await user('agency_admin', agencyA),
    admin_b: await user('agency_admin', agencyB),
    officer_a: await user('officer', agencyA),
    leader: await user('leader'),
    citizen: await user('citizen'),
  };
  const unit = await t.ctx.db.selectFrom('admin_units').select(['centroid_lat', 'centroid_lng']).where('code', '=', '18880').executeTakeFirstOrThrow();
  dongHoi = { lat: unit.centroid_lat!, lng: unit.centroid_lng! };
});
after(() => t.close());

const post = (url: string, who: SignedIn | null, payload: unknown) => t.app.inject({ method: 'POST', url, headers: who?.writeHeaders ?? {}, payload: payload as Record<string, unknown> });
const put = (url: string, who: SignedIn, payload: unknown) => t.app.inject({ method: 'PUT', url, headers: who.writeHeaders, payload: payload as Record<string, unknown> });
const patch = (url: string, who: SignedIn, payload: unknown) => t.app.inject({ method: 'PATCH', url, headers: who.writeHeaders, payload: payload as Record<string, unknown> });
const get = (url: string, who: SignedIn | null) => t.app.inject({ method: 'GET', url, headers: who?.headers ?? {} });

const device = (code: string, extra: Record<string, unknown> = {}) => ({ code, name: `Trạm đo mực nước ${code}`, typeCode: 'water_level_station', ...dongHoi, ownerAgencyId: agencyA, ...extra });

test('built-in device types are loaded as reference data with their metrics', async () => {
  const res = await get('/api/v1/iot/device-types', as.officer_a);
  assert.equal(res.statusCode, 200, res.body);
  const types = res.json().items as Array<{ code: string; isBuiltin: boolean; metrics: Array<{ key: string; unit: string }> }>;
  for (const code of ['water_level_station', 'rain_gauge', 'air_quality_station', 'soil_moisture', 'salinity', 'weather_station', 'traffic_counter', 'visitor_counter']) {
    assert.ok(types.some((x) => x.code === code && x.isBuiltin), code);
  }
  const air = types.find((x) => x.code === 'air_quality_station')!;
  assert.deepEqual(air.metrics.map((m) => m.key), ['pm25', 'pm10', 'aqi', 'temperature', 'humidity']);
  assert.equal(types.find((x) => x.code === 'salinity')!.metrics[0]!.unit, '‰');
});

test('a system admin registers a device: 201 with its token once, commune resolved from the point, audited without the token', async () => {
  const res = await post('/api/v1/iot/devices', as.system_admin, device('QT-MN-001'));
  assert.equal(res.statusCode, 201, res.body);
  const body = res.json();
  assert.match(body.token, /^[A-Za-z0-9_-]{43}$/);
  assert.equal(body.communeCode, '18880');
  assert.equal(body.communeName, 'Phường Đồng Hới');
  assert.equal(body.sector, 'environment', 'the type’s sector by default');
  assert.equal(body.status, 'active');
  assert.equal(body.online, false);
  assert.equal(body.ownerAgency.code, 'SNNMT');

  const shown = await get('/api/v1/iot/devices/QT-MN-001', as.officer_a);
  assert.equal(shown.statusCode, 200, shown.body);
  assert.ok(!('token' in shown.json()) && !shown.body.includes(body.token), 'the token is never shown again');
  assert.equal((await authenticateDevice(t.ctx.db, 'QT-MN-001', body.token))?.typeCode, 'water_level_station');
  assert.equal(await authenticateDevice(t.ctx.db, 'QT-MN-001', 'wrong'), null);
  assert.equal(await authenticateDevice(t.ctx.db, 'QT-NONE', body.token), null);

  const audit = await t.ctx.db.selectFrom('audit_log').select(['details']).where('action', '=', 'iot.device.create').where('target_id', '=', body.id).executeTakeFirstOrThrow();
  assert.equal((audit.details as { code: string }).code, 'QT-MN-001');
  assert.ok(!JSON.stringify(audit.details).includes(body.token));
});

test('rotating the token invalidates the old one; disabling the device refuses its token', async () => {
  const created = (await post('/api/v1/iot/devices', as.admin_a, device('QT-MN-002'))).json();
  const rotated = await post('/api/v1/iot/devices/QT-MN-002/token', as.admin_a, {});
  assert.equal(rotated.statusCode, 200, rotated.body);
  const { token } = rotated.json();
  assert.notEqual(token, created.token);
  assert.equal(await authenticateDevice(t.ctx.db, 'QT-MN-002', created.token), null, 'the old token stops working');
  assert.ok(await authenticateDevice(t.ctx.db, 'QT-MN-002', token));

  assert.equal((await patch('/api/v1/iot/devices/QT-MN-002', as.admin_a, { status: 'disabled' })).statusCode, 200);
  assert.equal(await authenticateDevice(t.ctx.db, 'QT-MN-002', token), null);
  assert.equal((await deviceIdentity(t.ctx.db, 'QT-MN-002'))?.status, 'disabled', 'still known internally');
});

test('who may do what: anonymous 401, citizen 403, another agency’s admin 403, an agency admin’s device is their agency’s', async () => {
  assert.equal((await get('/api/v1/iot/devices', null)).statusCode, 401);
  assert.equal((await get('/api/v1/iot/devices', as.citizen)).statusCode, 403);
  assert.equal((await get('/api/v1/iot/device-types', as.citizen)).statusCode, 403);
  assert.equal((await get('/api/v1/iot/devices', as.leader)).statusCode, 200);
  assert.equal((await post('/api/v1/iot/devices', null, device('QT-X-1'))).statusCode, 401);
  assert.equal((await post('/api/v1/iot/devices', as.citizen, device('QT-X-1'))).statusCode, 403);
  assert.equal((await post('/api/v1/iot/devices', as.officer_a, device('QT-X-1'))).statusCode, 403, 'officers read, they do not register');

  const own = await post('/api/v1/iot/devices', as.admin_b, device('QT-XD-001', { ownerAgencyId: undefined }));
  assert.equal(own.statusCode, 201, own.body);
  assert.equal(own.json().ownerAgencyId, agencyB, 'defaults to the admin’s agency');
  const foreign = await post('/api/v1/iot/devices', as.admin_b, device('QT-XD-002'));
  assert.equal(foreign.statusCode, 403);
  assert.ok(foreign.json().message.vi && foreign.json().message.en);
  assert.equal((await patch('/api/v1/iot/devices/QT-MN-001', as.admin_b, { name: 'Chiếm' })).statusCode, 403);
  assert.equal((await post('/api/v1/iot/devices/QT-MN-001/token', as.admin_b, {})).statusCode, 403);
  assert.equal((await patch('/api/v1/iot/devices/QT-XD-001', as.admin_b, { ownerAgencyId: agencyA })).statusCode, 403, 'cannot give a device away');
  assert.equal((await post('/api/v1/iot/device-types', as.admin_a, { code: 'x_type' })).statusCode, 403);
});

test('bad input is refused with 400 (or 409 for a taken code) in Vietnamese and English', async () => {
  const cases: Array<[Record<string, unknown>, number, string | undefined]> = [
    [device('QT-BAD-1', { lat: 51.5, lng: -0.12 }), 400, 'lat'],
    [device('a'), 400, 'code'],
    [device('có dấu'), 400, 'code'],
    [device('QT-BAD-2', { typeCode: 'no_such_type' }), 400, 'body.typeCode'],
    [device('QT-BAD-3', { communeCode: '44' }), 400, 'body.communeCode'],
    [device('QT-BAD-4', { ownerAgencyId: '00000000-0000-4000-8000-000000000000' }), 400, 'body.ownerAgencyId'],
    [device('QT-MN-001'), 409, undefined],
  ];
  for (const [payload, status, field] of cases) {
    const res = await post('/api/v1/iot/devices', as.system_admin, payload);
    assert.equal(res.statusCode, status, `${JSON.stringify(payload)} → ${res.body}`);
    const problem = res.json();
    assert.ok(problem.message.vi && problem.message.en && problem.message.vi !== problem.message.en);
    if (field) assert.ok(problem.errors.some((e: { field: string }) => e.field.includes(field)), res.body);
  }
  const half = await patch('/api/v1/iot/devices/QT-MN-001', as.system_admin, { lat: 17.0 });
  assert.equal(half.statusCode, 400);
});

test('moving a device re-resolves its commune; a point outside every commune is allowed with no commune; an explicit commune overrides', async () => {
  const cuaTung = await t.ctx.db.selectFrom('admin_units').select(['centroid_lat', 'centroid_lng']).where('code', '=', '19414').executeTakeFirstOrThrow();
  const moved = await patch('/api/v1/iot/devices/QT-MN-001', as.system_admin, { lat: cuaTung.centroid_lat, lng: cuaTung.centroid_lng });
  assert.equal(moved.statusCode, 200, moved.body);
  assert.equal(moved.json().communeCode, '19414');

  const atSea = await post('/api/v1/iot/devices', as.system_admin, device('QT-BIEN-1', { lat: 17.3, lng: 107.6 }));
  assert.equal(atSea.statusCode, 201, atSea.body);
  assert.equal(atSea.json().communeCode, null);
  const placed = await patch('/api/v1/iot/devices/QT-BIEN-1', as.system_admin, { communeCode: '19742' });
  assert.equal(placed.json().communeCode, '19742', 'an officer may attach an offshore buoy to Cồn Cỏ');
});

test('the list filters by type, sector, commune, status, agency and diacritic-free text, pages by cursor, and gives GeoJSON for the map', async () => {
  await post('/api/v1/iot/devices', as.system_admin, { code: 'QT-KK-001', name: 'Quan trắc không khí Đông Hà', typeCode: 'air_quality_station', lat: 16.8163, lng: 107.1003, ownerAgencyId: agencyA });
  const list = async (query: string) => (await get(`/api/v1/iot/devices?${query}`, as.officer_a)).json();
  const codes = async (query: string) => (await list(query)).items.map((i: { code: string }) => i.code);
  assert.deepEqual(await codes('q=dong%20ha'), ['QT-KK-001']);
  assert.deepEqual(await codes(`q=${encodeURIComponent('ĐÔNG HÀ')}`), ['QT-KK-001'], 'with diacritics and capitals too');
  assert.deepEqual((await list('type=air_quality_station')).items.map((i: { code: string }) => i.code), ['QT-KK-001']);
  assert.ok((await list('sector=environment')).items.length >= 3);
  assert.deepEqual((await list('status=disabled')).items.map((i: { code: string }) => i.code), ['QT-MN-002']);
  assert.deepEqual((await list(`agency=${agencyB}`)).items.map((i: { code: string }) => i.code), ['QT-XD-001']);
  assert.deepEqual((await list('commune=19414')).items.map((i: { code: string }) => i.code), ['QT-MN-001']);

  const first = await list('limit=2');
  assert.equal(first.items.length, 2);
  const second = await list(`limit=2&cursor=${first.nextCursor}`);
  assert.ok(second.items[0].code > first.items[1].code, 'the next page continues after the last code');

  const geo = await get('/api/v1/iot/devices?format=geojson&type=air_quality_station', as.officer_a);
  assert.equal(geo.statusCode, 200, geo.body);
  assert.match(String(geo.headers['content-type']), /application\/geo\+json/);
  const fc = geo.json();
  assert.equal(fc.type, 'FeatureCollection');
  assert.deepEqual(fc.features[0].geometry, { type: 'Point', coordinates: [107.1003, 16.8163] });
  assert.equal(fc.features[0].properties.code, 'QT-KK-001');
});

test('device types: a system admin creates and edits one; duplicate keys or min ≥ max are 400; removing a metric in use is 409', async () => {
  const metric = (key: string, min = 0, max = 100) => ({ key, name: { vi: key, en: key }, unit: 'cm', min, max, precision: 1 });
  const base = { name: 'Cảm biến sạt lở', nameEn: 'Landslide sensor', sector: 'environment', reportIntervalSeconds: 600 };
  const bad = await post('/api/v1/iot/device-types', as.system_admin, { code: 'landslide', ...base, metrics: [metric('tilt'), metric('tilt')] });
  assert.equal(bad.statusCode, 400, bad.body);
  assert.equal(bad.json().errors[0].field, 'body.metrics.1.key');
  assert.equal((await post('/api/v1/iot/device-types', as.system_admin, { code: 'landslide', ...base, metrics: [metric('tilt', 5, 5)] })).statusCode, 400);
  assert.equal((await post('/api/v1/iot/device-types', as.system_admin, { code: 'landslide', ...base, metrics: [{ ...metric('tilt'), precision: 7 }] })).statusCode, 400);
  assert.equal((await post('/api/v1/iot/device-types', as.system_admin, { code: 'landslide', ...base, metrics: [metric('Tilt')] })).statusCode, 400);

  const created = await post('/api/v1/iot/device-types', as.system_admin, { code: 'landslide', ...base, metrics: [metric('tilt'), metric('pore_pressure')] });
  assert.equal(created.statusCode, 201, created.body);
  assert.equal(created.json().isBuiltin, false);
  assert.equal((await post('/api/v1/iot/device-types', as.system_admin, { code: 'landslide', ...base, metrics: [metric('tilt')] })).statusCode, 409);

  // No device yet: a metric may go.
  assert.equal((await put('/api/v1/iot/device-types/landslide', as.system_admin, { ...base, metrics: [metric('tilt')] })).statusCode, 200);
  await post('/api/v1/iot/devices', as.system_admin, device('QT-SL-001', { typeCode: 'landslide' }));
  const blocked = await put('/api/v1/iot/device-types/landslide', as.system_admin, { ...base, metrics: [metric('displacement')] });
  assert.equal(blocked.statusCode, 409, blocked.body);
  assert.equal(blocked.json().code, 'metric_in_use');
  assert.match(blocked.json().message.vi, /tilt/);
  const widened = await put('/api/v1/iot/device-types/landslide', as.system_admin, { ...base, name: 'Trạm cảnh báo sạt lở', metrics: [metric('tilt', -90, 90), metric('displacement')] });
  assert.equal(widened.statusCode, 200, widened.body);
  assert.equal(widened.json().deviceCount, 1);
  assert.deepEqual((await deviceIdentity(t.ctx.db, 'QT-SL-001'))!.metrics.map((m) => m.key), ['tilt', 'displacement']);
  assert.equal((await put('/api/v1/iot/device-types/nope', as.system_admin, { ...base, metrics: [metric('x')] })).statusCode, 404);
});

test('an admin’s edit of a built-in type survives the next start (bootstrap inserts only what is missing)', async () => {
  const { bootstrapDeviceTypes } = await import('./device-types.js');
  const current = (await get('/api/v1/iot/device-types/rain_gauge', as.system_admin)).json();
  const edited = await put('/api/v1/iot/device-types/rain_gauge', as.system_admin, { name: 'Trạm đo mưa tự động', nameEn: current.nameEn, sector: current.sector, metrics: current.metrics, reportIntervalSeconds: 300 });
  assert.equal(edited.statusCode, 200, edited.body);
  await bootstrapDeviceTypes(t.ctx);
  const after = (await get('/api/v1/iot/device-types/rain_gauge', as.system_admin)).json();
  assert.equal(after.name, 'Trạm đo mưa tự động');
  assert.equal(after.reportIntervalSeconds, 300);
});

// Last: it adds ~125 devices to this file's database.
test('the demo seed places ~125 devices inside real communes of Quảng Trị, owned by demo agencies, once', async () => {
  await seedDemoDevices(t.ctx);
  const registry = t.ctx.db.withTables<RegistryTables>();
  const rows = await registry
    .selectFrom('iot_devices as d')
    .innerJoin('iot_device_types as ty', 'ty.id', 'd.type_id')
    .innerJoin('admin_units as u', 'u.code', 'd.commune_code')
    .select(['d.code', 'd.name', 'd.lat', 'd.lng', 'd.commune_code', 'd.owner_agency_id', 'ty.code as type', 'u.parent_code'])
    .where('d.is_demo', '=', true)
    .execute();
  assert.ok(rows.length >= 110 && rows.length <= 140, String(rows.length));
  assert.equal(new Set(rows.map((r) => r.commune_code)).size >= 60, true, 'spread over most communes');
  for (const r of rows) {
    assert.equal(r.parent_code, '44', `${r.code} is in Quảng Trị`);
    assert.equal(await resolvePoint(t.ctx.db, r.lat, r.lng), r.commune_code!, `${r.code} stands inside its commune`);
  }
  const types = new Set(rows.map((r) => r.type));
  for (const type of ['water_level_station', 'rain_gauge', 'air_quality_station', 'soil_moisture', 'salinity', 'traffic_counter', 'visitor_counter']) assert.ok(types.has(type), type);
  for (const river of ['Thạch Hãn', 'Bến Hải', 'Kiến Giang', 'Nhật Lệ', 'Gianh']) assert.ok(rows.some((r) => r.type === 'water_level_station' && r.name.includes(river)), river);
  assert.ok(rows.filter((r) => r.type === 'traffic_counter').every((r) => r.owner_agency_id === agencyB), 'traffic counters belong to Sở Xây dựng');
  assert.ok(rows.filter((r) => r.type === 'rain_gauge').every((r) => r.owner_agency_id === agencyA));

  await seedDemoDevices(t.ctx);
  const count = await registry.selectFrom('iot_devices').select((eb) => eb.fn.countAll<number>().as('n')).where('is_demo', '=', true).executeTakeFirstOrThrow();
  assert.equal(Number(count.n), rows.length, 'a second run adds nothing');
});
