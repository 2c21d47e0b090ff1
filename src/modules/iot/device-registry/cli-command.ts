import { parseArgs } from 'node:util';
import { ConfigError, type Config } from '../../../platform/config/config.js';
import { openDatabase, type DatabaseHandle } from '../../../platform/db/database.js';
import { DataDirLockedError } from '../../../platform/db/data-dir-lock.js';
import { migrateToLatest } from '../../../platform/db/migrator.js';
import { AuditTrail } from '../../../platform/audit/audit-trail.js';
import { AppError } from '../../../platform/http/errors.js';
import { bootstrapDeviceTypes } from './device-types.js';
import { createDevice, SYSTEM_WRITER } from './device-writes.js';
import { DEVICE_CODE_PATTERN } from './schemas.js';
import type { RegistryTables } from './tables.js';

export const DEVICE_CREATE_USAGE = 'device:create --code C --type T --lat LAT --lng LNG [--name N] [--agency CODE]   prints the device token alone on its last line';

async function open(config: Config): Promise<DatabaseHandle> {
  try {
    return await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    // The embedded database admits one process: the running server holds it.
    throw new ConfigError(
      'Cơ sở dữ liệu nhúng đang được máy chủ Tỉnh Số sử dụng, nên lệnh này không mở được. Hãy tạo thiết bị trên giao diện web (Cán bộ → IoT → Thiết bị) hoặc qua API POST /api/v1/iot/devices, hoặc dừng máy chủ rồi chạy lại. / ' +
        'The embedded database is in use by the running Tỉnh Số server, so this command cannot open it. Create the device in the web UI (officer console → IoT → Devices) or with POST /api/v1/iot/devices, or stop the server and run this again.',
    );
  }
}

function parse(args: string[]) {
  const { values } = parseArgs({ args, options: { code: { type: 'string' }, type: { type: 'string' }, lat: { type: 'string' }, lng: { type: 'string' }, name: { type: 'string' }, agency: { type: 'string' } } });
  if (!values.code || !values.type || values.lat === undefined || values.lng === undefined) throw new ConfigError(`device:create needs --code, --type, --lat and --lng. Usage: ${DEVICE_CREATE_USAGE}`);
  if (!new RegExp(DEVICE_CODE_PATTERN).test(values.code)) throw new ConfigError('--code must be 2–64 letters, digits, "_", "." or "-", starting with a letter or digit');
  const lat = Number(values.lat);
  const lng = Number(values.lng);
  if (!Number.isFinite(lat) || lat < 6 || lat > 24 || !Number.isFinite(lng) || lng < 102 || lng > 118) throw new ConfigError('--lat and --lng must be a point in Vietnam (WGS 84 decimal degrees)');
  return { code: values.code, typeCode: values.type, lat, lng, name: values.name ?? values.code, agency: values.agency };
}

/** `device:create`: registers a device as the system and prints its token alone on the last line. */
export async function deviceCreateCommand(config: Config, args: string[]): Promise<number> {
  const input = parse(args);
  const handle = await open(config);
  try {
    await migrateToLatest(handle.db);
    await bootstrapDeviceTypes({ db: handle.db });
    const agency = input.agency ? await handle.db.selectFrom('agencies').select('id').where('code', '=', input.agency).executeTakeFirst() : undefined;
    if (input.agency && !agency) throw new ConfigError(`No agency with code "${input.agency}"`);
    const ctx = { db: handle.db, audit: new AuditTrail(handle.db) };
    const body = { code: input.code, name: input.name, typeCode: input.typeCode, lat: input.lat, lng: input.lng, ownerAgencyId: agency?.id ?? null };
    const created = await createDevice(ctx, body, SYSTEM_WRITER, { actor: { userId: null, label: 'system:cli' } }).catch((error: unknown) => {
      if (error instanceof AppError) throw new ConfigError(`${error.messages.en} / ${error.messages.vi}`);
      throw error;
    });
    const device = await handle.db.withTables<RegistryTables>().selectFrom('iot_devices').select('commune_code').where('id', '=', created.id).executeTakeFirst();
    console.log(`Device ${input.code} (${input.typeCode}) registered${device?.commune_code ? ` in commune ${device.commune_code}` : ' outside every commune boundary'}. Its token is shown once:`);
    console.log(created.token);
    return 0;
  } finally {
    await handle.close();
  }
}
