import { sql, type Transaction } from 'kysely';
import type { Static } from 'typebox';
import type { Database } from '../../../platform/db/tables.js';
import type { Db } from '../../../platform/db/database.js';
import type { AppContext } from '../../../platform/http/module.js';
import type { AuditEntry } from '../../../platform/audit/audit-trail.js';
import { errors, type FieldError } from '../../../platform/http/errors.js';
import type { MetricDefinition } from '../metrics.js';
import { BUILTIN_DEVICE_TYPES } from './builtin-types.js';
import type { RegistryTables } from './tables.js';
import type { DeviceTypeView, TypeCreateBody, TypeUpdateBody } from './schemas.js';

type Meta = Pick<AuditEntry, 'actor' | 'ip' | 'requestId'>;
type TypeView = Static<typeof DeviceTypeView>;

const registry = (db: Db | Transaction<Database>) => db.withTables<RegistryTables>();

/** Reference data: inserts the built-in types that are missing and never touches one an admin edited. */
export async function bootstrapDeviceTypes(ctx: Pick<AppContext, 'db'>): Promise<void> {
  const existing = new Set((await registry(ctx.db).selectFrom('iot_device_types').select('code').execute()).map((r) => r.code));
  const missing = BUILTIN_DEVICE_TYPES.filter((t) => !existing.has(t.code));
  if (missing.length === 0) return;
  await registry(ctx.db)
    .insertInto('iot_device_types')
    .values(missing.map((t) => ({ code: t.code, name: t.name, name_en: t.nameEn, sector: t.sector, metrics: JSON.stringify(t.metrics), report_interval_seconds: t.reportIntervalSeconds, is_builtin: true })))
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

export async function listDeviceTypes(db: Db, code?: string): Promise<TypeView[]> {
  let query = registry(db)
    .selectFrom('iot_device_types as t')
    .select((eb) => [
      't.id', 't.code', 't.name', 't.name_en', 't.sector', 't.metrics', 't.report_interval_seconds', 't.is_builtin', 't.created_at', 't.updated_at',
      eb.selectFrom('iot_devices as d').select(sql<number>`count(*)::int`.as('n')).whereRef('d.type_id', '=', 't.id').as('device_count'),
    ])
    .orderBy('t.code');
  if (code) query = query.where('t.code', '=', code);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    sector: r.sector,
    metrics: r.metrics,
    reportIntervalSeconds: r.report_interval_seconds,
    isBuiltin: r.is_builtin,
    deviceCount: Number(r.device_count ?? 0),
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  }));
}

/** Checks what the schema cannot: unique keys and min < max. */
function validateMetrics(metrics: MetricDefinition[]): void {
  const fields: FieldError[] = [];
  const seen = new Set<string>();
  metrics.forEach((metric, i) => {
    if (seen.has(metric.key)) fields.push({ field: `body.metrics.${i}.key`, message: { vi: `Khóa chỉ số ${metric.key} bị trùng.`, en: `Metric key ${metric.key} is repeated.` } });
    seen.add(metric.key);
    if (!(metric.min < metric.max)) fields.push({ field: `body.metrics.${i}.max`, message: { vi: 'Giá trị tối đa phải lớn hơn giá trị tối thiểu.', en: 'The maximum must be greater than the minimum.' } });
  });
  if (fields.length > 0) throw errors.badRequest('invalid_metrics', 'Danh sách chỉ số không hợp lệ.', 'The metric list is not valid.', fields);
}

const codeTaken = (code: string) => errors.conflict('device_type_code_taken', `Mã loại thiết bị ${code} đã được dùng.`, `Device type code ${code} is already in use.`);
export const typeNotFound = () => errors.notFound('Không tìm thấy loại thiết bị.', 'No such device type.');

export async function createDeviceType(ctx: Pick<AppContext, 'db' | 'audit'>, body: Static<typeof TypeCreateBody>, meta: Meta): Promise<void> {
  validateMetrics(body.metrics);
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      const taken = await registry(trx).selectFrom('iot_device_types').select('id').where('code', '=', body.code).executeTakeFirst();
      if (taken) throw codeTaken(body.code);
      const row = await registry(trx)
        .insertInto('iot_device_types')
        .values({ code: body.code, name: body.name, name_en: body.nameEn, sector: body.sector, metrics: JSON.stringify(body.metrics), report_interval_seconds: body.reportIntervalSeconds })
        .returning('id')
        .executeTakeFirstOrThrow();
      await ctx.audit.record(trx, { ...meta, action: 'iot.device_type.create', targetType: 'iot_device_type', targetId: row.id, details: { code: body.code, metrics: body.metrics.map((m) => m.key) } });
    })
    .catch((error: unknown) => {
      if ((error as { code?: string }).code === '23505') throw codeTaken(body.code);
      throw error;
    });
}

/**
 * Replaces a type's definition. Removing a metric that devices of the type report would orphan
 * their history and rules, so it is refused while the type has devices; renaming, units, ranges
 * and new metrics are fine.
 */
export async function updateDeviceType(ctx: Pick<AppContext, 'db' | 'audit'>, code: string, body: Static<typeof TypeUpdateBody>, meta: Meta): Promise<void> {
  validateMetrics(body.metrics);
  await ctx.db.transaction().execute(async (trx) => {
    const current = await registry(trx).selectFrom('iot_device_types').select(['id', 'metrics']).where('code', '=', code).forUpdate().executeTakeFirst();
    if (!current) throw typeNotFound();
    const kept = new Set(body.metrics.map((m) => m.key));
    const removed = current.metrics.map((m) => m.key).filter((k) => !kept.has(k));
    if (removed.length > 0) {
      const used = await registry(trx).selectFrom('iot_devices').select(sql<number>`count(*)::int`.as('n')).where('type_id', '=', current.id).executeTakeFirstOrThrow();
      if (Number(used.n) > 0) {
        throw errors.conflict(
          'metric_in_use',
          `Không thể bỏ chỉ số ${removed.join(', ')}: loại thiết bị này đang có ${used.n} thiết bị.`,
          `Cannot remove metric ${removed.join(', ')}: ${used.n} devices are of this type.`,
        );
      }
    }
    await registry(trx)
      .updateTable('iot_device_types')
      .set({ name: body.name, name_en: body.nameEn, sector: body.sector, metrics: JSON.stringify(body.metrics), report_interval_seconds: body.reportIntervalSeconds, updated_at: new Date() })
      .where('id', '=', current.id)
      .execute();
    await ctx.audit.record(trx, { ...meta, action: 'iot.device_type.update', targetType: 'iot_device_type', targetId: current.id, details: { code, metrics: body.metrics.map((m) => m.key), removed } });
  });
}
