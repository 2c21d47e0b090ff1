import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { Static } from 'typebox';
import { Type } from 'typebox';
import type { Database } from '../../../platform/db/tables.js';
import { actorOf, type Principal } from '../../../platform/http/access.js';
import { errors, type FieldError } from '../../../platform/http/errors.js';
import type { AppContext } from '../../../platform/http/module.js';
import type { AlarmEvent } from '../events.js';
import type { MetricDefinition } from '../metrics.js';
import type { IotDb, IotTrx } from '../tables.js';
import { leavesOf, NotifySettings, RuleLevel, type RuleInputT } from './rule-schema.js';
import { alarmsDb, type RuleRow } from './store.js';

const Bi = Type.Object({ vi: Type.String(), en: Type.String() });

export const RuleView = Type.Object({
  id: Type.String(),
  name: Bi,
  deviceCode: Type.Union([Type.String(), Type.Null()]),
  typeCode: Type.Union([Type.String(), Type.Null()]),
  levels: Type.Array(RuleLevel),
  forSeconds: Type.Integer(),
  enabled: Type.Boolean(),
  ownerAgencyId: Type.Union([Type.String(), Type.Null()]),
  notify: NotifySettings,
  version: Type.Integer(),
  isDemo: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type RuleViewT = Static<typeof RuleView>;

export const ruleNotFound = () => errors.notFound('Không tìm thấy luật cảnh báo.', 'No such alarm rule.');

interface Target {
  deviceId: string | null;
  typeId: string;
  typeCode: string;
  deviceOwner: string | null;
  metrics: MetricDefinition[];
}

/** Resolves the rule's device or type; 422 when neither or both are given or the code is unknown. */
async function resolveTarget(db: IotDb | IotTrx, input: RuleInputT): Promise<Target> {
  if ((input.deviceCode === undefined) === (input.typeCode === undefined)) {
    throw errors.unprocessable('rule_target', 'Luật phải áp dụng cho đúng một thiết bị hoặc một loại thiết bị.', 'A rule targets exactly one device or one device type.', [
      { field: 'deviceCode', message: { vi: 'Chọn thiết bị hoặc loại thiết bị.', en: 'Give deviceCode or typeCode.' } },
    ]);
  }
  if (input.deviceCode !== undefined) {
    const d = await db
      .selectFrom('iot_devices as d')
      .innerJoin('iot_device_types as t', 't.id', 'd.type_id')
      .select(['d.id', 'd.owner_agency_id', 't.id as type_id', 't.code as type_code', 't.metrics'])
      .where('d.code', '=', input.deviceCode)
      .executeTakeFirst();
    if (!d) throw errors.unprocessable('unknown_device', `Không có thiết bị mã ${input.deviceCode}.`, `No device with code ${input.deviceCode}.`, [{ field: 'deviceCode', message: { vi: 'Mã thiết bị không tồn tại.', en: 'Unknown device code.' } }]);
    return { deviceId: d.id, typeId: d.type_id, typeCode: d.type_code, deviceOwner: d.owner_agency_id, metrics: d.metrics };
  }
  const t = await db.selectFrom('iot_device_types').select(['id', 'code', 'metrics']).where('code', '=', input.typeCode!).executeTakeFirst();
  if (!t) throw errors.unprocessable('unknown_type', `Không có loại thiết bị mã ${input.typeCode}.`, `No device type with code ${input.typeCode}.`, [{ field: 'typeCode', message: { vi: 'Mã loại thiết bị không tồn tại.', en: 'Unknown device type code.' } }]);
  return { deviceId: null, typeId: t.id, typeCode: t.code, deviceOwner: null, metrics: t.metrics };
}

/** Level numbers unique; every metric a condition names exists on the target's type. */
function validateLevels(input: RuleInputT, target: Target): void {
  const fields: FieldError[] = [];
  const seen = new Set<number>();
  input.levels.forEach((l, i) => {
    if (seen.has(l.level)) fields.push({ field: `levels/${i}/level`, message: { vi: `Mức ${l.level} bị lặp.`, en: `Level ${l.level} is repeated.` } });
    seen.add(l.level);
    for (const leaf of leavesOf(l.condition)) {
      if ('metric' in leaf && !target.metrics.some((m) => m.key === leaf.metric)) {
        fields.push({
          field: `levels/${i}/condition`,
          message: { vi: `Loại thiết bị ${target.typeCode} không đo "${leaf.metric}".`, en: `Device type ${target.typeCode} has no metric "${leaf.metric}".` },
        });
      }
    }
  });
  if (fields.length > 0) throw errors.unprocessable('invalid_rule', 'Luật cảnh báo không hợp lệ.', 'The alarm rule is not valid.', fields);
}

/** System admins write any rule; agency admins only rules on a device their agency owns. */
function checkWriter(principal: Principal, target: Target): void {
  if (principal.kind === 'user' && principal.role === 'system_admin') return;
  if (principal.kind === 'user' && principal.role === 'agency_admin' && target.deviceId && target.deviceOwner && target.deviceOwner === principal.agencyId) return;
  throw errors.forbidden('Bạn chỉ được đặt luật cho thiết bị của đơn vị mình.', 'You may only write rules for devices of your own agency.');
}

export function presentRule(row: RuleRow, codes: { deviceCode: string | null; typeCode: string | null }): RuleViewT {
  return {
    id: row.id,
    name: row.name,
    deviceCode: codes.deviceCode,
    typeCode: codes.typeCode,
    levels: [...row.levels].sort((a, b) => a.level - b.level),
    forSeconds: row.for_seconds,
    enabled: row.enabled,
    ownerAgencyId: row.owner_agency_id,
    notify: row.notify,
    version: row.version,
    isDemo: row.is_demo,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function rulesQuery(db: IotDb | IotTrx) {
  return db
    .selectFrom('iot_rules as r')
    .leftJoin('iot_devices as d', 'd.id', 'r.device_id')
    .leftJoin('iot_device_types as t', 't.id', 'r.type_id')
    .selectAll('r')
    .select(['d.code as device_code', 't.code as type_code'])
    .where('r.deleted_at', 'is', null);
}

export async function getRule(db: IotDb | IotTrx, id: string): Promise<RuleViewT | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const row = await rulesQuery(db).where('r.id', '=', id).executeTakeFirst();
  return row ? presentRule(row, { deviceCode: row.device_code, typeCode: row.type_code }) : null;
}

export interface RuleFilters {
  device?: string | undefined;
  type?: string | undefined;
  enabled?: boolean | undefined;
}

export async function listRules(ctx: AppContext, filters: RuleFilters): Promise<RuleViewT[]> {
  let query = rulesQuery(alarmsDb(ctx.db));
  if (filters.device) query = query.where('d.code', '=', filters.device);
  if (filters.type) query = query.where('t.code', '=', filters.type);
  if (filters.enabled !== undefined) query = query.where('r.enabled', '=', filters.enabled);
  const rows = await query.orderBy('r.created_at').orderBy('r.id').limit(1000).execute();
  return rows.map((row) => presentRule(row, { deviceCode: row.device_code, typeCode: row.type_code }));
}

const meta = (request: FastifyRequest) => ({ actor: actorOf(request), ip: request.ip, requestId: request.id });
const platformOf = (trx: IotTrx) => trx as unknown as Transaction<Database>;

function columnsOf(input: RuleInputT, target: Target, principal: Principal) {
  const owner = input.ownerAgencyId !== undefined ? input.ownerAgencyId : (target.deviceOwner ?? (principal.kind === 'user' ? principal.agencyId : null));
  return {
    name: JSON.stringify(input.name),
    device_id: target.deviceId,
    type_id: target.deviceId ? null : target.typeId,
    levels: JSON.stringify([...input.levels].sort((a, b) => a.level - b.level)),
    for_seconds: input.forSeconds,
    enabled: input.enabled,
    owner_agency_id: owner,
    notify: JSON.stringify(input.notify ?? { inApp: true, email: true }),
  };
}

export async function createRule(ctx: AppContext, request: FastifyRequest, input: RuleInputT): Promise<RuleViewT> {
  return alarmsDb(ctx.db).transaction().execute(async (trx) => {
    const target = await resolveTarget(trx, input);
    checkWriter(request.principal, target);
    validateLevels(input, target);
    const createdBy = request.principal.kind === 'user' ? request.principal.id : null;
    const row = await trx.insertInto('iot_rules').values({ ...columnsOf(input, target, request.principal), created_by: createdBy }).returning('id').executeTakeFirstOrThrow();
    await ctx.audit.record(platformOf(trx), { ...meta(request), action: 'iot.rule.create', targetType: 'iot_rule', targetId: row.id, details: { deviceCode: input.deviceCode ?? null, typeCode: input.typeCode ?? null } });
    return (await getRule(trx, row.id))!;
  });
}

async function lockRule(trx: IotTrx, id: string): Promise<RuleRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw ruleNotFound();
  const row = await trx.selectFrom('iot_rules').selectAll().where('id', '=', id).where('deleted_at', 'is', null).forUpdate().executeTakeFirst();
  if (!row) throw ruleNotFound();
  return row;
}

/** The writer must be allowed both on the rule as it is and as it will be. */
async function targetOfRow(trx: IotTrx, row: RuleRow): Promise<Target> {
  if (row.device_id) {
    const d = await trx.selectFrom('iot_devices').select(['code']).where('id', '=', row.device_id).executeTakeFirstOrThrow();
    return resolveTarget(trx, { deviceCode: d.code } as RuleInputT);
  }
  const t = await trx.selectFrom('iot_device_types').select(['code']).where('id', '=', row.type_id!).executeTakeFirstOrThrow();
  return resolveTarget(trx, { typeCode: t.code } as RuleInputT);
}

export async function updateRule(ctx: AppContext, request: FastifyRequest, id: string, input: RuleInputT): Promise<RuleViewT> {
  return alarmsDb(ctx.db).transaction().execute(async (trx) => {
    const row = await lockRule(trx, id);
    checkWriter(request.principal, await targetOfRow(trx, row));
    const target = await resolveTarget(trx, input);
    checkWriter(request.principal, target);
    validateLevels(input, target);
    const columns = columnsOf(input, target, request.principal);
    await trx.updateTable('iot_rules').set({ ...columns, version: row.version + 1, updated_at: new Date() }).where('id', '=', id).execute();
    // A new target starts from scratch; the same target keeps its memory (the engine adopts it).
    if (columns.device_id !== row.device_id || columns.type_id !== row.type_id) await trx.deleteFrom('iot_rule_states').where('rule_id', '=', id).execute();
    await ctx.audit.record(platformOf(trx), { ...meta(request), action: 'iot.rule.update', targetType: 'iot_rule', targetId: id, details: { version: row.version + 1 } });
    return (await getRule(trx, id))!;
  });
}

/** Soft delete: alarms keep their rule; open ones are cleared with a note. Returns the events to push. */
export async function deleteRule(ctx: AppContext, request: FastifyRequest, id: string): Promise<AlarmEvent[]> {
  return alarmsDb(ctx.db).transaction().execute(async (trx) => {
    const row = await lockRule(trx, id);
    checkWriter(request.principal, await targetOfRow(trx, row));
    const now = new Date();
    await trx.updateTable('iot_rules').set({ deleted_at: now, enabled: false, updated_at: now }).where('id', '=', id).execute();
    await trx.deleteFrom('iot_rule_states').where('rule_id', '=', id).execute();
    const open = await trx.updateTable('iot_alarms').set({ state: 'cleared', cleared_at: now, updated_at: now }).where('rule_id', '=', id).where('state', '<>', 'cleared').returning(['id', 'level', 'device_id']).execute();
    const userId = request.principal.kind === 'user' ? request.principal.id : null;
    const events: AlarmEvent[] = [];
    for (const a of open) {
      await trx.insertInto('iot_alarm_events').values({ alarm_id: a.id, kind: 'cleared', level: a.level, at: now, actor_user_id: userId, note: 'rule deleted', value: null }).execute();
      const device = await trx.selectFrom('iot_devices').select('code').where('id', '=', a.device_id).executeTakeFirstOrThrow();
      events.push({ kind: 'cleared', alarmId: a.id, ruleId: id, deviceId: a.device_id, deviceCode: device.code, level: a.level, state: 'cleared', at: now.toISOString() });
    }
    await ctx.audit.record(platformOf(trx), { ...meta(request), action: 'iot.rule.delete', targetType: 'iot_rule', targetId: id, details: { clearedAlarms: open.length } });
    return events;
  });
}
