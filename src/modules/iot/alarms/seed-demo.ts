import type { AppContext } from '../../../platform/http/module.js';
import type { IotTrx } from '../tables.js';
import type { ConditionT, RuleLevelT, SeverityT } from './rule-schema.js';
import { alarmsDb, invalidateRules } from './store.js';

const ROMAN = ['', 'I', 'II', 'III'];
const DEMO_OWNER_CODE = 'SNNMT';

/**
 * Flood alert levels (báo động I/II/III, cm above the station datum) by river, for the demo
 * stations: above what the simulator's rain alone produces, so only a flood reaches them.
 */
const FLOOD_LEVELS: Array<[RegExp, [number, number, number]]> = [
  [/Thạch Hãn/, [350, 500, 650]],
  [/sông Hiếu/, [300, 420, 540]],
  [/Bến Hải/, [300, 420, 540]],
  [/Kiến Giang/, [320, 440, 560]],
  [/Nhật Lệ/, [300, 400, 500]],
  [/Gianh|Son|Rào Nan/, [400, 550, 700]],
];
const DEFAULT_LEVELS: [number, number, number] = [400, 540, 680];

const above = (metric: string, value: number, hysteresis?: number): ConditionT => ({ metric, op: 'gte', value, ...(hysteresis ? { hysteresis } : {}) });
const lvl = (level: number, severity: SeverityT, vi: string, en: string, condition: ConditionT): RuleLevelT => ({ level, severity, label: { vi, en }, condition });

interface DemoRule {
  name: { vi: string; en: string };
  deviceId?: string;
  typeCode?: string;
  levels: RuleLevelT[];
  forSeconds?: number;
}

function floodRule(device: { id: string; name: string }): DemoRule {
  const levels = FLOOD_LEVELS.find(([re]) => re.test(device.name))?.[1] ?? DEFAULT_LEVELS;
  const severities: SeverityT[] = ['warning', 'warning', 'critical'];
  return {
    name: { vi: `Báo động lũ – ${device.name}`, en: `Flood alert levels – ${device.name}` },
    deviceId: device.id,
    levels: levels.map((v, i) => lvl(i + 1, severities[i]!, `Báo động ${ROMAN[i + 1]} (≥ ${v} cm)`, `Flood alert level ${ROMAN[i + 1]} (≥ ${v} cm)`, above('water_level', v, 10))),
  };
}

const TYPE_RULES: DemoRule[] = [
  {
    name: { vi: 'Nước lên nhanh ≥ 20 cm/giờ', en: 'Water rising ≥ 20 cm/h' },
    typeCode: 'water_level_station',
    levels: [lvl(1, 'warning', 'Nước lên nhanh', 'Water rising fast', { metric: 'water_level', rateOfChange: { op: 'gte', perHour: 20, windowMinutes: 60 } })],
  },
  {
    name: { vi: 'Mất dữ liệu trạm mực nước 30 phút', en: 'Water level station silent for 30 minutes' },
    typeCode: 'water_level_station',
    levels: [lvl(1, 'warning', 'Không có dữ liệu 30 phút', 'No data for 30 minutes', { noData: { minutes: 30 } })],
  },
  {
    // Rainfall is reported per 10-minute interval: 50 mm/h is about 8.5 mm in one.
    name: { vi: 'Mưa lớn ≥ 50 mm/giờ', en: 'Heavy rain ≥ 50 mm/h' },
    typeCode: 'rain_gauge',
    levels: [lvl(1, 'warning', 'Mưa ≥ 50 mm/giờ (≥ 8,5 mm trong 10 phút)', 'Rain ≥ 50 mm/h (≥ 8.5 mm in 10 minutes)', above('rainfall', 8.5, 1))],
  },
  {
    name: { vi: 'Độ mặn tại cống lấy nước ≥ 4‰', en: 'Salinity at irrigation intakes ≥ 4‰' },
    typeCode: 'salinity',
    levels: [lvl(1, 'critical', 'Độ mặn ≥ 4‰: dừng lấy nước tưới', 'Salinity ≥ 4‰: stop drawing irrigation water', above('salinity', 4, 0.3))],
    forSeconds: 900,
  },
  {
    name: { vi: 'Chất lượng không khí kém (VN_AQI > 150)', en: 'Poor air quality (VN_AQI > 150)' },
    typeCode: 'air_quality_station',
    levels: [
      lvl(1, 'warning', 'VN_AQI > 150: kém', 'VN_AQI > 150: poor', { metric: 'aqi', op: 'gt', value: 150, hysteresis: 10 }),
      lvl(2, 'critical', 'VN_AQI > 200: xấu', 'VN_AQI > 200: very poor', { metric: 'aqi', op: 'gt', value: 200, hysteresis: 10 }),
    ],
  },
];

async function insertMissing(trx: IotTrx, rule: DemoRule, typeIds: Map<string, string>, ownerId: string | null): Promise<void> {
  const typeId = rule.typeCode ? typeIds.get(rule.typeCode) : undefined;
  if (!rule.deviceId && !typeId) return;
  let existing = trx.selectFrom('iot_rules').select('id').where('is_demo', '=', true).where(({ ref }) => ref('name', '->>').key('en'), '=', rule.name.en);
  existing = rule.deviceId ? existing.where('device_id', '=', rule.deviceId) : existing.where('type_id', '=', typeId!);
  if (await existing.executeTakeFirst()) return;
  await trx
    .insertInto('iot_rules')
    .values({
      name: JSON.stringify(rule.name),
      device_id: rule.deviceId ?? null,
      type_id: rule.deviceId ? null : typeId!,
      levels: JSON.stringify(rule.levels),
      for_seconds: rule.forSeconds ?? 0,
      enabled: true,
      owner_agency_id: ownerId,
      notify: JSON.stringify({ inApp: true, email: false }),
      is_demo: true,
      created_by: null,
    })
    .execute();
}

/** Demo rules (idempotent): flood levels per demo water-level station and a few rules per type. */
export async function seedDemoRules(ctx: AppContext): Promise<void> {
  const db = alarmsDb(ctx.db);
  const typeIds = new Map((await db.selectFrom('iot_device_types').select(['id', 'code']).execute()).map((t) => [t.code, t.id]));
  const owner = await db.selectFrom('agencies').select('id').where('code', '=', DEMO_OWNER_CODE).executeTakeFirst();
  const stations = await db
    .selectFrom('iot_devices')
    .select(['id', 'name', 'owner_agency_id'])
    .where('is_demo', '=', true)
    .where('type_id', '=', typeIds.get('water_level_station') ?? '00000000-0000-0000-0000-000000000000')
    .orderBy('code')
    .execute();
  await db.transaction().execute(async (trx) => {
    for (const s of stations) await insertMissing(trx, floodRule(s), typeIds, s.owner_agency_id);
    for (const rule of TYPE_RULES) await insertMissing(trx, rule, typeIds, owner?.id ?? null);
  });
  invalidateRules(ctx.db);
}
