import type { Transaction } from 'kysely';
import { Type, type Static } from 'typebox';
import type { Database } from '../../../platform/db/tables.js';
import type { Principal } from '../../../platform/http/access.js';
import { errors } from '../../../platform/http/errors.js';
import type { AppContext } from '../../../platform/http/module.js';
import { decodeCursor, encodeCursor } from '../../../platform/http/pagination.js';
import { iotEvents, type AlarmEvent } from '../events.js';
import type { IotDb, IotTrx } from '../tables.js';
import { alarmsDb } from './store.js';

const Bi = Type.Object({ vi: Type.String(), en: Type.String() });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const AlarmView = Type.Object({
  id: Type.String(),
  ruleId: Type.String(),
  ruleName: Bi,
  deviceId: Type.String(),
  deviceCode: Type.String(),
  deviceName: Type.String(),
  sector: Type.String(),
  communeCode: Nullable(Type.String()),
  ownerAgencyId: Nullable(Type.String()),
  level: Type.Integer(),
  maxLevel: Type.Integer(),
  severity: Type.String(),
  state: Type.Union([Type.Literal('active'), Type.Literal('acknowledged'), Type.Literal('cleared')]),
  metric: Nullable(Type.String()),
  value: Nullable(Type.Number()),
  message: Bi,
  raisedAt: Type.String(),
  acknowledgedAt: Nullable(Type.String()),
  acknowledgedBy: Nullable(Type.String()),
  ackNote: Nullable(Type.String()),
  clearedAt: Nullable(Type.String()),
});
export type AlarmViewT = Static<typeof AlarmView>;

export const AlarmEventView = Type.Object({
  kind: Type.String(),
  level: Type.Integer(),
  at: Type.String(),
  actorUserId: Nullable(Type.String()),
  note: Nullable(Type.String()),
  value: Nullable(Type.Number()),
});

export interface AlarmFilters {
  state?: 'active' | 'acknowledged' | 'cleared' | 'open' | undefined;
  unacknowledged?: boolean | undefined;
  level?: number | undefined;
  severity?: string | undefined;
  device?: string | undefined;
  sector?: string | undefined;
  commune?: string | undefined;
  agency?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export const alarmNotFound = () => errors.notFound('Không tìm thấy cảnh báo.', 'No such alarm.');

function baseQuery(db: IotDb | IotTrx) {
  return db
    .selectFrom('iot_alarms as a')
    .innerJoin('iot_devices as d', 'd.id', 'a.device_id')
    .innerJoin('iot_rules as r', 'r.id', 'a.rule_id')
    .leftJoin('users as u', 'u.id', 'a.acknowledged_by');
}

function filtered(db: IotDb | IotTrx, f: AlarmFilters) {
  let q = baseQuery(db);
  if (f.state === 'open') q = q.where('a.state', '<>', 'cleared');
  else if (f.state) q = q.where('a.state', '=', f.state);
  if (f.unacknowledged) q = q.where('a.acknowledged_at', 'is', null);
  if (f.level !== undefined) q = q.where('a.level', '=', f.level);
  if (f.severity) q = q.where('a.severity', '=', f.severity as 'info');
  if (f.device) q = q.where('d.code', '=', f.device);
  if (f.sector) q = q.where('d.sector', '=', f.sector as 'agriculture');
  if (f.commune) q = q.where('d.commune_code', '=', f.commune);
  if (f.agency) q = q.where('d.owner_agency_id', '=', f.agency);
  if (f.from) q = q.where('a.raised_at', '>=', new Date(f.from));
  if (f.to) q = q.where('a.raised_at', '<', new Date(f.to));
  return q;
}

type Row = Awaited<ReturnType<typeof selectRows>>[number];

function selectRows(q: ReturnType<typeof baseQuery>) {
  return q
    .selectAll('a')
    .select(['d.code as device_code', 'd.name as device_name', 'd.sector', 'd.commune_code', 'd.owner_agency_id', 'r.name as rule_name', 'u.full_name as ack_name'])
    .execute();
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function present(row: Row): AlarmViewT {
  return {
    id: row.id,
    ruleId: row.rule_id,
    ruleName: row.rule_name,
    deviceId: row.device_id,
    deviceCode: row.device_code,
    deviceName: row.device_name,
    sector: row.sector,
    communeCode: row.commune_code,
    ownerAgencyId: row.owner_agency_id,
    level: row.level,
    maxLevel: row.max_level,
    severity: row.severity,
    state: row.state,
    metric: row.last_metric,
    value: row.last_value,
    message: row.message,
    raisedAt: new Date(row.raised_at).toISOString(),
    acknowledgedAt: iso(row.acknowledged_at),
    acknowledgedBy: row.ack_name ?? row.acknowledged_by,
    ackNote: row.ack_note,
    clearedAt: iso(row.cleared_at),
  };
}

function cursorKey(cursor: string | undefined): [string, string] | undefined {
  const key = decodeCursor(cursor);
  if (!key) return undefined;
  if (key.length !== 2 || typeof key[0] !== 'string' || Number.isNaN(Date.parse(key[0])) || typeof key[1] !== 'string' || !/^[0-9a-f-]{36}$/i.test(key[1])) {
    throw errors.badRequest('invalid_cursor', 'Con trỏ phân trang không hợp lệ.', 'The pagination cursor is not valid.');
  }
  return [key[0], key[1]];
}

/** Newest first, with counts by level, severity and state over the whole filtered set. */
export async function listAlarms(ctx: AppContext, filters: AlarmFilters, page: { limit: number; cursor?: string | undefined }) {
  const db = alarmsDb(ctx.db);
  const after = cursorKey(page.cursor);
  let q = filtered(db, filters);
  if (after) {
    const at = new Date(after[0]);
    q = q.where((eb) => eb.or([eb('a.raised_at', '<', at), eb.and([eb('a.raised_at', '=', at), eb('a.id', '<', after[1])])]));
  }
  const rows = await selectRows(q.orderBy('a.raised_at', 'desc').orderBy('a.id', 'desc').limit(page.limit + 1));
  const items = rows.slice(0, page.limit).map(present);
  const last = items[items.length - 1];
  const nextCursor = rows.length > page.limit && last ? encodeCursor([last.raisedAt, last.id]) : null;
  const grouped = await filtered(db, filters)
    .select(['a.level', 'a.severity', 'a.state', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy(['a.level', 'a.severity', 'a.state'])
    .execute();
  const counts = { byLevel: {} as Record<string, number>, bySeverity: {} as Record<string, number>, byState: {} as Record<string, number>, total: 0 };
  for (const g of grouped) {
    const n = Number(g.n);
    counts.byLevel[g.level] = (counts.byLevel[g.level] ?? 0) + n;
    counts.bySeverity[g.severity] = (counts.bySeverity[g.severity] ?? 0) + n;
    counts.byState[g.state] = (counts.byState[g.state] ?? 0) + n;
    counts.total += n;
  }
  return { items, nextCursor, counts };
}

export async function getAlarm(db: IotDb | IotTrx, id: string): Promise<AlarmViewT | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await selectRows(baseQuery(db).where('a.id', '=', id));
  return row ? present(row) : null;
}

export async function alarmHistory(db: IotDb | IotTrx, id: string) {
  const rows = await db.selectFrom('iot_alarm_events').selectAll().where('alarm_id', '=', id).orderBy('id').execute();
  return rows.map((e) => ({ kind: e.kind, level: e.level, at: new Date(e.at).toISOString(), actorUserId: e.actor_user_id, note: e.note, value: e.value }));
}

/** Officers and agency admins of the device's owner agency, leaders and system admins. */
function mayAcknowledge(principal: Principal, ownerAgencyId: string | null): boolean {
  if (principal.kind !== 'user') return false;
  if (principal.role === 'leader' || principal.role === 'system_admin') return true;
  return (principal.role === 'officer' || principal.role === 'agency_admin') && ownerAgencyId !== null && principal.agencyId === ownerAgencyId;
}

export interface AckRequest {
  principal: Principal;
  ip: string;
  requestId: string;
  actorLabel: string;
}

/** active → acknowledged, once; 409 when already acknowledged or cleared; pushes the event after commit. */
export async function acknowledgeAlarm(ctx: AppContext, id: string, note: string | undefined, req: AckRequest): Promise<AlarmViewT> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw alarmNotFound();
  const db = alarmsDb(ctx.db);
  const { view, event } = await db.transaction().execute(async (trx) => {
    const alarm = await trx
      .selectFrom('iot_alarms as a')
      .innerJoin('iot_devices as d', 'd.id', 'a.device_id')
      .select(['a.id', 'a.state', 'a.level', 'a.rule_id', 'a.device_id', 'd.code', 'd.owner_agency_id'])
      .where('a.id', '=', id)
      .forUpdate('a')
      .executeTakeFirst();
    if (!alarm) throw alarmNotFound();
    if (!mayAcknowledge(req.principal, alarm.owner_agency_id)) {
      throw errors.forbidden('Chỉ cán bộ của đơn vị quản lý thiết bị hoặc lãnh đạo được xác nhận cảnh báo.', "Only staff of the device's owner agency or leaders may acknowledge this alarm.");
    }
    if (alarm.state === 'acknowledged') throw errors.conflict('alarm_already_acknowledged', 'Cảnh báo đã được xác nhận.', 'The alarm is already acknowledged.');
    if (alarm.state === 'cleared') throw errors.conflict('alarm_cleared', 'Cảnh báo đã kết thúc, không thể xác nhận.', 'The alarm has cleared and cannot be acknowledged.');
    const user = req.principal.kind === 'user' ? req.principal : null;
    const now = new Date();
    await trx.updateTable('iot_alarms').set({ state: 'acknowledged', acknowledged_at: now, acknowledged_by: user?.id ?? null, ack_note: note ?? null, updated_at: now }).where('id', '=', id).execute();
    await trx.insertInto('iot_alarm_events').values({ alarm_id: id, kind: 'acknowledged', level: alarm.level, at: now, actor_user_id: user?.id ?? null, note: note ?? null, value: null }).execute();
    await ctx.audit.record(trx as unknown as Transaction<Database>, {
      actor: { userId: user?.id ?? null, label: req.actorLabel, agencyId: user?.agencyId ?? null },
      action: 'iot.alarm.acknowledge',
      targetType: 'iot_alarm',
      targetId: id,
      ip: req.ip,
      requestId: req.requestId,
      details: { deviceCode: alarm.code, level: alarm.level },
    });
    const e: AlarmEvent = { kind: 'acknowledged', alarmId: id, ruleId: alarm.rule_id, deviceId: alarm.device_id, deviceCode: alarm.code, level: alarm.level, state: 'acknowledged', at: now.toISOString() };
    return { view: (await getAlarm(trx, id))!, event: e };
  });
  iotEvents(ctx.db).emit('alarm', event);
  return view;
}
