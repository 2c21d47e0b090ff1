import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

/**
 * Test fixtures: a device type and devices written with plain SQL, so telemetry tests don't depend
 * on the registry's routes (the token hash is a placeholder: these devices never sign in).
 */
export async function insertTestDevices(db: Kysely<any>, count: number, prefix = 'TEL'): Promise<Array<{ id: string; code: string; typeCode: string }>> {
  const typeCode = `tel_${randomUUID().slice(0, 8)}`;
  const metrics = [
    { key: 'water_level', name: { vi: 'Mực nước', en: 'Water level' }, unit: 'cm', min: 0, max: 1000, precision: 1 },
    { key: 'rainfall', name: { vi: 'Lượng mưa', en: 'Rainfall' }, unit: 'mm', min: 0, max: 500, precision: 1 },
  ];
  const type = await sql<{ id: string }>`
    insert into iot_device_types (code, name, name_en, sector, metrics, report_interval_seconds)
    values (${typeCode}, 'Trạm đo thử', 'Test station', 'environment', ${JSON.stringify(metrics)}::jsonb, 60) returning id`.execute(db);
  const devices: Array<{ id: string; code: string; typeCode: string }> = [];
  for (let i = 0; i < count; i++) {
    const code = `${prefix}-${randomUUID().slice(0, 8)}`;
    const row = await sql<{ id: string }>`
      insert into iot_devices (code, name, type_id, sector, lat, lng, token_hash, search_text)
      values (${code}, ${`Thiết bị ${code}`}, ${type.rows[0]!.id}, 'environment', 17.47, 106.6, 'not-a-token', ${code.toLowerCase()})
      returning id`.execute(db);
    devices.push({ id: row.rows[0]!.id, code, typeCode });
  }
  return devices;
}
