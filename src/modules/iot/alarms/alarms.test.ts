import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import { signIn, type SignedIn } from '../../../platform/testing/sign-in.js';
import { createTestUser, TEST_PASSWORD } from '../../../platform/testing/users.js';
import { createTestDevice, eventually } from '../ingestion/testing.js';
import type { AlarmEvent } from '../events.js';
import { iotDb } from '../tables.js';
import { alarmProcessor, runNoDataPass } from './process.js';
import { ALARM_CATEGORY } from './notify.js';
import { seedDemoRules } from './seed-demo.js';
import { iotEvents } from '../events.js';

let t: TestPlatform;
let admin: SignedIn;
let leader: SignedIn;
let owner: SignedIn;
let stranger: SignedIn;
let ownerAdmin: SignedIn;
let agencyId: string;

async function agency(code: string): Promise<string> {
  const row = await t.ctx.db
    .insertInto('agencies')
    .values({ code, name: `Đơn vị ${code}`, name_en: null, kind: 'department', parent_id: null, admin_unit_code: null, address: null, phone: null, email: null, search_text: code.toLowerCase() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const as = async (role: 'system_admin' | 'leader' | 'officer' | 'agency_admin', agencyIdOf: string | null = null) =>
  signIn(t.app, (await createTestUser(t.ctx, role, { agencyId: agencyIdOf })).email, TEST_PASSWORD);

before(async () => {
  t = await createTestPlatform({ seedDemo: false });
  agencyId = await agency(`AL-${randomUUID().slice(0, 6)}`);
  const otherAgency = await agency(`AL-${randomUUID().slice(0, 6)}`);
  admin = await as('system_admin');
  leader = await as('leader');
  owner = await as('officer', agencyId);
  ownerAdmin = await as('agency_admin', agencyId);
  stranger = await as('officer', otherAgency);
});
after(() => t.close());

async function ownedDevice() {
  const device = await createTestDevice(t.ctx, 'ALM');
  await iotDb(t.ctx.db).updateTable('iot_devices').set({ owner_agency_id: agencyId }).where('id', '=', device.id).execute();
  return device;
}

const floodRule = (deviceCode: string) => ({
  name: { vi: 'Báo động lũ', en: 'Flood alert' },
  deviceCode,
  forSeconds: 0,
  enabled: true,
  levels: [300, 400, 500].map((value, i) => ({
    level: i + 1,
    severity: i === 2 ? 'critical' : 'warning',
    label: { vi: `Báo động ${'I'.repeat(i + 1)}`, en: `Alert level ${'I'.repeat(i + 1)}` },
    condition: { metric: 'water_level', op: 'gte', value, hysteresis: 10 },
  })),
});

let clock = Date.now() - 3_600_000;
async function send(code: string, token: string, value: number) {
  clock += 60_000;
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/iot/devices/${code}/telemetry`,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    payload: JSON.stringify({ ts: new Date(clock).toISOString(), values: { water_level: value } }),
  });
  assert.equal(res.statusCode, 202, res.body);
  // The ingestor announces the committed batch as it answers; the rules run on that event.
  await alarmProcessor(t.ctx.db)!.idle();
}

async function openAlarm(code: string) {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/iot/alarms?device=${code}`, headers: leader.headers });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as { items: Array<{ id: string; level: number; state: string; severity: string; value: number; acknowledgedAt: string | null }>; counts: { byLevel: Record<string, number>; total: number } };
}

/** Listens to the SSE stream over a real socket, collecting `alarm` events. */
async function listen(who: SignedIn): Promise<{ events: AlarmEvent[]; close: () => void }> {
  if (!t.app.server.listening) await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  const events: AlarmEvent[] = [];
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/api/v1/iot/alarms/stream', headers: { ...who.headers, accept: 'text/event-stream' } }, (res) => {
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /text\/event-stream/);
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let i: number;
        while ((i = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (data) events.push(JSON.parse(data.slice(6)) as AlarmEvent);
        }
      });
      resolve({ events, close: () => req.destroy() });
    });
    req.on('error', (e) => (e.message.includes('socket hang up') ? undefined : reject(e)));
  });
}

test('readings raise level I, escalate to II on the same alarm, an owner officer acknowledges (others 403, twice 409), the receding water clears it; notices and live events follow', async () => {
  const device = await ownedDevice();
  const created = await t.app.inject({ method: 'POST', url: '/api/v1/iot/rules', headers: admin.writeHeaders, payload: floodRule(device.code) });
  assert.equal(created.statusCode, 201, created.body);
  const live = await listen(leader);
  const strangerLive = await listen(stranger);

  await send(device.code, device.token, 250);
  assert.equal((await openAlarm(device.code)).items.length, 0);
  await send(device.code, device.token, 320);
  const raised = (await openAlarm(device.code)).items;
  assert.equal(raised.length, 1);
  assert.deepEqual([raised[0]!.level, raised[0]!.state, raised[0]!.value], [1, 'active', 320]);

  await send(device.code, device.token, 420);
  const escalated = await openAlarm(device.code);
  assert.equal(escalated.items.length, 1, 'escalation keeps the same alarm');
  assert.equal(escalated.items[0]!.id, raised[0]!.id);
  assert.deepEqual([escalated.items[0]!.level, escalated.items[0]!.severity], [2, 'warning']);
  assert.deepEqual(escalated.counts.byLevel, { 2: 1 });

  const alarmId = raised[0]!.id;
  const ack = (who: SignedIn, note?: string) =>
    t.app.inject({ method: 'POST', url: `/api/v1/iot/alarms/${alarmId}/acknowledge`, headers: who.writeHeaders, payload: note ? { note } : {} });
  assert.equal((await ack(stranger)).statusCode, 403, 'an officer of another agency may not acknowledge');
  const acked = await ack(owner, 'Đã báo xã sơ tán');
  assert.equal(acked.statusCode, 200, acked.body);
  assert.equal(acked.json().state, 'acknowledged');
  assert.equal(acked.json().ackNote, 'Đã báo xã sơ tán');
  assert.equal((await ack(leader)).statusCode, 409, 'already acknowledged');

  await send(device.code, device.token, 395); // within level II's hysteresis band: no change
  assert.equal((await openAlarm(device.code)).items[0]!.level, 2);
  await send(device.code, device.token, 280);
  const cleared = (await openAlarm(device.code)).items[0]!;
  assert.equal(cleared.state, 'cleared');
  const refused = await ack(leader);
  assert.equal(refused.statusCode, 409);
  assert.ok(refused.json().message.vi && refused.json().message.en);

  const detail = await t.app.inject({ method: 'GET', url: `/api/v1/iot/alarms/${alarmId}`, headers: owner.headers });
  assert.equal(detail.statusCode, 200);
  assert.deepEqual(
    detail.json().history.map((h: { kind: string; level: number }) => [h.kind, h.level]),
    [['raised', 1], ['escalated', 2], ['acknowledged', 2], ['cleared', 2]],
  );

  const notices = await t.ctx.db.selectFrom('notifications').select(['user_id', 'link']).where('category', '=', ALARM_CATEGORY).execute();
  const noticesOf = (s: SignedIn) => notices.filter((n) => n.user_id === s.userId).length;
  assert.equal(noticesOf(owner), 2, 'raised and escalated, to the owner agency officer');
  assert.equal(noticesOf(ownerAdmin), 2);
  assert.equal(noticesOf(leader), 2, 'leaders hear every alarm');
  assert.equal(noticesOf(stranger), 0, 'another agency hears nothing');
  assert.ok(notices.every((n) => n.link?.includes(alarmId)));
  const ownerEmail = (await t.ctx.db.selectFrom('users').select('email').where('id', '=', owner.userId).executeTakeFirstOrThrow()).email;
  const mails = await t.ctx.db.selectFrom('mail_outbox').select('subject').where('to_address', '=', ownerEmail).execute();
  assert.equal(mails.length, 2, 'and by e-mail');

  await eventually(async () => live.events.length >= 4);
  live.close();
  assert.deepEqual(
    live.events.map((e) => [e.kind, e.level, e.state]),
    [['raised', 1, 'active'], ['escalated', 2, 'active'], ['acknowledged', 2, 'acknowledged'], ['cleared', 2, 'cleared']],
  );
  assert.ok(live.events.every((e) => e.alarmId === alarmId && e.deviceCode === device.code));
  strangerLive.close();
  assert.equal(strangerLive.events.length, 0, "an agency officer's stream carries only their agency's devices");
});

test('rules: metrics must exist on the target type, one target only, agency admins only for their own devices (vi/en errors)', async () => {
  const device = await ownedDevice();
  const bad = { ...floodRule(device.code), levels: [{ level: 1, severity: 'info', label: { vi: 'x', en: 'x' }, condition: { metric: 'pm25', op: 'gt', value: 1 } }] };
  const refused = await t.app.inject({ method: 'POST', url: '/api/v1/iot/rules', headers: admin.writeHeaders, payload: bad });
  assert.equal(refused.statusCode, 422);
  assert.match(refused.json().errors[0].message.en, /no metric "pm25"/);
  assert.match(refused.json().errors[0].message.vi, /không đo "pm25"/);
  const both = await t.app.inject({ method: 'POST', url: '/api/v1/iot/rules', headers: admin.writeHeaders, payload: { ...floodRule(device.code), typeCode: 'water_level_station' } });
  assert.equal(both.statusCode, 422);
  const malformed = await t.app.inject({ method: 'POST', url: '/api/v1/iot/rules', headers: admin.writeHeaders, payload: { ...floodRule(device.code), levels: [{ level: 9 }] } });
  assert.equal(malformed.statusCode, 400);

  const mine = await t.app.inject({ method: 'POST', url: '/api/v1/iot/rules', headers: ownerAdmin.writeHeaders, payload: floodRule(device.code) });
  assert.equal(mine.statusCode, 201, mine.body);
  const otherAdmin = await as('agency_admin', await agency(`AL-${randomUUID().slice(0, 6)}`));
  assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/iot/rules', headers: otherAdmin.writeHeaders, payload: floodRule(device.code) })).statusCode, 403);
  assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/iot/rules', headers: ownerAdmin.writeHeaders, payload: { ...floodRule(device.code), deviceCode: undefined, typeCode: 'water_level_station' } })).statusCode, 403, 'type rules are for system admins');
  assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/iot/rules', headers: owner.writeHeaders, payload: floodRule(device.code) })).statusCode, 403);

  const id = mine.json().id;
  const put = await t.app.inject({ method: 'PUT', url: `/api/v1/iot/rules/${id}`, headers: ownerAdmin.writeHeaders, payload: { ...floodRule(device.code), enabled: false } });
  assert.equal(put.statusCode, 200, put.body);
  assert.deepEqual([put.json().enabled, put.json().version], [false, 2]);
  const list = await t.app.inject({ method: 'GET', url: `/api/v1/iot/rules?device=${device.code}&limit=200`, headers: owner.headers });
  assert.deepEqual(list.json().items.map((r: { id: string }) => r.id), [id]);
  assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/iot/rules/${id}`, headers: otherAdmin.writeHeaders })).statusCode, 403);
  assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/iot/rules/${id}`, headers: ownerAdmin.writeHeaders })).statusCode, 204);
  assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/iot/rules/${id}`, headers: owner.headers })).statusCode, 404);
  const audited = await t.ctx.db.selectFrom('audit_log').select('action').where('target_id', '=', id).orderBy('seq').execute();
  assert.deepEqual(audited.map((a) => a.action), ['iot.rule.create', 'iot.rule.update', 'iot.rule.delete']);
});

test('no data for N minutes: the pass raises from last_seen_at and the next reading clears it; a muted person gets no notice', async () => {
  const device = await ownedDevice();
  await t.ctx.db.insertInto('notification_preferences').values({ user_id: owner.userId, category: ALARM_CATEGORY, channel: 'in_app', enabled: false }).execute();
  const rule = { name: { vi: 'Mất dữ liệu', en: 'Silent' }, deviceCode: device.code, forSeconds: 0, enabled: true, levels: [{ level: 1, severity: 'warning', label: { vi: 'Không có dữ liệu', en: 'No data' }, condition: { noData: { minutes: 30 } } }] };
  assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/iot/rules', headers: admin.writeHeaders, payload: rule })).statusCode, 201);
  await iotDb(t.ctx.db).updateTable('iot_devices').set({ last_seen_at: new Date(Date.now() - 40 * 60_000) }).where('id', '=', device.id).execute();
  const pass = await runNoDataPass(t.ctx);
  assert.deepEqual(pass.events.filter((e) => e.deviceCode === device.code).map((e) => e.kind), ['raised']);
  assert.equal((await runNoDataPass(t.ctx)).events.filter((e) => e.deviceCode === device.code).length, 0, 'a second pass changes nothing');
  const alarm = (await openAlarm(device.code)).items[0]!;
  assert.equal(alarm.state, 'active');
  const notices = await t.ctx.db.selectFrom('notifications').select('user_id').where('link', 'like', `%${alarm.id}%`).execute();
  assert.ok(notices.some((n) => n.user_id === leader.userId));
  assert.ok(!notices.some((n) => n.user_id === owner.userId), 'the officer muted in-app IoT alarms');
  clock = Date.now() - 60_000;
  await send(device.code, device.token, 100);
  assert.equal((await openAlarm(device.code)).items[0]!.state, 'cleared');
});

test('the stream lets go of its listener when the client leaves; deleting a rule clears its open alarm live and keeps the history', async () => {
  const bus = iotEvents(t.ctx.db);
  const baseline = bus.listenerCount('alarm');
  const plain = await t.app.inject({ method: 'GET', url: '/api/v1/iot/alarms/stream', headers: admin.headers });
  assert.equal(plain.statusCode, 406, 'a plain GET is answered, not left hanging');
  const openapi = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  assert.ok(openapi.paths['/api/v1/iot/alarms/stream'] && openapi.paths['/api/v1/iot/rules'] && openapi.paths['/api/v1/iot/alarms/{id}/acknowledge']);
  const live = await listen(admin);
  await eventually(async () => bus.listenerCount('alarm') === baseline + 1);
  const device = await ownedDevice();
  const created = await t.app.inject({ method: 'POST', url: '/api/v1/iot/rules', headers: admin.writeHeaders, payload: floodRule(device.code) });
  clock = Date.now() - 30 * 60_000;
  await send(device.code, device.token, 510);
  const alarm = (await openAlarm(device.code)).items[0]!;
  assert.deepEqual([alarm.level, alarm.severity], [3, 'critical']);
  assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/iot/rules/${created.json().id}`, headers: admin.writeHeaders })).statusCode, 204);
  assert.equal((await openAlarm(device.code)).items[0]!.state, 'cleared');
  await eventually(async () => live.events.some((e) => e.alarmId === alarm.id && e.kind === 'cleared'));
  live.close();
  await eventually(async () => bus.listenerCount('alarm') === baseline);
  const history = (await t.app.inject({ method: 'GET', url: `/api/v1/iot/alarms/${alarm.id}`, headers: leader.headers })).json().history;
  assert.deepEqual(history.map((h: { kind: string; note: string | null }) => [h.kind, h.note]), [['raised', null], ['cleared', 'rule deleted']]);
});

test('demo rules: flood levels I/II/III per demo water-level station by river, and the type rules, loaded once however often the seed runs', async () => {
  const station = await createTestDevice(t.ctx, 'DEMO');
  const db = iotDb(t.ctx.db);
  await db.updateTable('iot_devices').set({ is_demo: true, name: 'Mực nước sông Thạch Hãn – Thử' }).where('id', '=', station.id).execute();
  await seedDemoRules(t.ctx);
  await seedDemoRules(t.ctx);
  const rules = await db.selectFrom('iot_rules').select(['device_id', 'type_id', 'levels', 'name']).where('is_demo', '=', true).execute();
  const flood = rules.filter((r) => r.device_id === station.id);
  assert.equal(flood.length, 1);
  assert.deepEqual(flood[0]!.levels.map((l) => (l.condition as { value: number }).value), [350, 500, 650]);
  assert.deepEqual(rules.filter((r) => r.type_id).map((r) => r.name.en).sort(), [
    'Heavy rain ≥ 50 mm/h',
    'Poor air quality (VN_AQI > 150)',
    'Salinity at irrigation intakes ≥ 4‰',
    'Water level station silent for 30 minutes',
    'Water rising ≥ 20 cm/h',
  ]);
});
