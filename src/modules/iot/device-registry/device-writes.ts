import { sql, type Transaction } from 'kysely';
import type { Static } from 'typebox';
import type { Database } from '../../../platform/db/tables.js';
import type { Db } from '../../../platform/db/database.js';
import type { AppContext } from '../../../platform/http/module.js';
import type { AuditEntry } from '../../../platform/audit/audit-trail.js';
import type { Principal } from '../../../platform/http/access.js';
import { errors } from '../../../platform/http/errors.js';
import { resolvePoint } from '../../../platform/admin-units/resolve.js';
import { toSearchText } from '../../../platform/search/search-text.js';
import type { RegistryTables } from './tables.js';
import type { DeviceCreateBody, DevicePatchBody } from './schemas.js';
import { hashDeviceToken, newDeviceToken } from './tokens.js';

type Meta = Pick<AuditEntry, 'actor' | 'ip' | 'requestId'>;
type Trx = Transaction<Database>;

const registry = (db: Db | Trx) => db.withTables<RegistryTables>();
const fieldError = (code: string, field: string, vi: string, en: string) => errors.badRequest(code, vi, en, [{ field, message: { vi, en } }]);
export const deviceNotFound = () => errors.notFound('Không tìm thấy thiết bị.', 'No such device.');
const codeTaken = (code: string) => errors.conflict('device_code_taken', `Mã thiết bị ${code} đã được dùng.`, `Device code ${code} is already in use.`);

/** Who may write which devices: every device, or only those owned by one agency. */
export interface DeviceWriter {
  allDevices: boolean;
  agencyId: string | null;
}

export const SYSTEM_WRITER: DeviceWriter = { allDevices: true, agencyId: null };

/** System admins and agency-less API keys write any device; agency admins and agency keys their agency's. */
export function writerOf(principal: Principal): DeviceWriter {
  if (principal.kind === 'user') return { allDevices: principal.role === 'system_admin', agencyId: principal.agencyId };
  if (principal.kind === 'api_key') return { allDevices: principal.agencyId === null, agencyId: principal.agencyId };
  return { allDevices: false, agencyId: null };
}

function assertMayOwn(writer: DeviceWriter, ownerAgencyId: string | null): void {
  if (writer.allDevices) return;
  if (!writer.agencyId || ownerAgencyId !== writer.agencyId) {
    throw errors.forbidden('Bạn chỉ quản lý được thiết bị của đơn vị mình.', "You can only manage your own agency's devices.");
  }
}

async function assertAgencyExists(trx: Trx, agencyId: string | null): Promise<void> {
  if (!agencyId) return;
  const found = await trx.selectFrom('agencies').select('id').where('id', '=', agencyId).executeTakeFirst();
  if (!found) throw fieldError('agency_not_found', 'body.ownerAgencyId', 'Không tìm thấy cơ quan quản lý.', 'The owner agency does not exist.');
}

/**
 * The commune of a point: an explicit code wins if it names a commune (a unit without children);
 * otherwise the commune whose boundary contains the point, or null outside every boundary.
 */
async function communeOf(db: Db, lat: number, lng: number, explicit: string | undefined): Promise<string | null> {
  if (explicit === undefined) return resolvePoint(db, lat, lng);
  const unit = await db
    .selectFrom('admin_units as u')
    .select('u.code')
    .where('u.code', '=', explicit)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('admin_units as c').select(sql`1`.as('one')).whereRef('c.parent_code', '=', 'u.code'))))
    .executeTakeFirst();
  if (!unit) throw fieldError('commune_not_found', 'body.communeCode', 'Mã xã/phường không hợp lệ.', 'The commune code is not valid.');
  return unit.code;
}

export interface CreateOptions {
  isDemo?: boolean;
}

/** Registers a device and returns its token, which exists only in this return value. */
export async function createDevice(
  ctx: Pick<AppContext, 'db' | 'audit'>,
  body: Static<typeof DeviceCreateBody>,
  writer: DeviceWriter,
  meta: Meta,
  options: CreateOptions = {},
): Promise<{ id: string; token: string }> {
  const ownerAgencyId = body.ownerAgencyId === undefined && !writer.allDevices ? writer.agencyId : (body.ownerAgencyId ?? null);
  assertMayOwn(writer, ownerAgencyId);
  const communeCode = await communeOf(ctx.db, body.lat, body.lng, body.communeCode);
  const token = newDeviceToken();
  const tokenHash = hashDeviceToken(token);
  const id = await ctx.db
    .transaction()
    .execute(async (trx) => {
      const type = await registry(trx).selectFrom('iot_device_types').select(['id', 'sector']).where('code', '=', body.typeCode).executeTakeFirst();
      if (!type) throw fieldError('device_type_not_found', 'body.typeCode', 'Không tìm thấy loại thiết bị.', 'No such device type.');
      await assertAgencyExists(trx, ownerAgencyId);
      const taken = await registry(trx).selectFrom('iot_devices').select('id').where('code', '=', body.code).executeTakeFirst();
      if (taken) throw codeTaken(body.code);
      const row = await registry(trx)
        .insertInto('iot_devices')
        .values({
          code: body.code,
          name: body.name,
          type_id: type.id,
          sector: body.sector ?? type.sector,
          lat: body.lat,
          lng: body.lng,
          commune_code: communeCode,
          owner_agency_id: ownerAgencyId,
          status: body.status ?? 'active',
          token_hash: tokenHash,
          token_rotated_at: new Date(),
          is_demo: options.isDemo ?? false,
          search_text: toSearchText(body.code, body.name),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await ctx.audit.record(trx, {
        ...meta,
        action: 'iot.device.create',
        targetType: 'iot_device',
        targetId: row.id,
        details: { code: body.code, type: body.typeCode, lat: body.lat, lng: body.lng, communeCode, ownerAgencyId },
      });
      return row.id;
    })
    .catch((error: unknown) => {
      if ((error as { code?: string }).code === '23505') throw codeTaken(body.code);
      throw error;
    });
  return { id, token };
}

async function lockDevice(trx: Trx, code: string, writer: DeviceWriter) {
  const device = await registry(trx).selectFrom('iot_devices').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
  if (!device) throw deviceNotFound();
  assertMayOwn(writer, device.owner_agency_id);
  return device;
}

/** Changes name, place (the commune follows the point), status, sector or owner. */
export async function updateDevice(ctx: Pick<AppContext, 'db' | 'audit'>, code: string, body: Static<typeof DevicePatchBody>, writer: DeviceWriter, meta: Meta): Promise<void> {
  if ((body.lat === undefined) !== (body.lng === undefined)) {
    throw fieldError('location_incomplete', body.lat === undefined ? 'body.lat' : 'body.lng', 'Cần gửi cả vĩ độ và kinh độ.', 'Send both latitude and longitude.');
  }
  const moved = body.lat !== undefined && body.lng !== undefined;
  const communeCode = moved || body.communeCode !== undefined ? await communeFromPatch(ctx.db, code, body) : undefined;
  await ctx.db.transaction().execute(async (trx) => {
    const device = await lockDevice(trx, code, writer);
    if (body.ownerAgencyId !== undefined) {
      assertMayOwn(writer, body.ownerAgencyId);
      await assertAgencyExists(trx, body.ownerAgencyId);
    }
    const changes = {
      ...(body.name !== undefined ? { name: body.name, search_text: toSearchText(device.code, body.name) } : {}),
      ...(moved ? { lat: body.lat!, lng: body.lng! } : {}),
      ...(communeCode !== undefined ? { commune_code: communeCode } : {}),
      ...(body.sector !== undefined ? { sector: body.sector } : {}),
      ...(body.status !== undefined ? { status: body.status } : {}),
      ...(body.ownerAgencyId !== undefined ? { owner_agency_id: body.ownerAgencyId } : {}),
    };
    await registry(trx).updateTable('iot_devices').set({ ...changes, updated_at: new Date() }).where('id', '=', device.id).execute();
    const { search_text: _ignored, ...audited } = changes as Record<string, unknown>;
    await ctx.audit.record(trx, { ...meta, action: 'iot.device.update', targetType: 'iot_device', targetId: device.id, details: { code, changes: audited } });
  });
}

async function communeFromPatch(db: Db, code: string, body: Static<typeof DevicePatchBody>): Promise<string | null> {
  if (body.lat !== undefined && body.lng !== undefined) return communeOf(db, body.lat, body.lng, body.communeCode);
  const device = await registry(db).selectFrom('iot_devices').select(['lat', 'lng']).where('code', '=', code).executeTakeFirst();
  if (!device) throw deviceNotFound();
  return communeOf(db, device.lat, device.lng, body.communeCode);
}

/** A new token for the device; the previous one stops working at commit. */
export async function rotateDeviceToken(ctx: Pick<AppContext, 'db' | 'audit'>, code: string, writer: DeviceWriter, meta: Meta): Promise<{ token: string; rotatedAt: Date }> {
  const token = newDeviceToken();
  const tokenHash = hashDeviceToken(token);
  const rotatedAt = new Date();
  await ctx.db.transaction().execute(async (trx) => {
    const device = await lockDevice(trx, code, writer);
    await registry(trx).updateTable('iot_devices').set({ token_hash: tokenHash, token_rotated_at: rotatedAt, updated_at: rotatedAt }).where('id', '=', device.id).execute();
    await ctx.audit.record(trx, { ...meta, action: 'iot.device.rotate_token', targetType: 'iot_device', targetId: device.id, details: { code } });
  });
  return { token, rotatedAt };
}
