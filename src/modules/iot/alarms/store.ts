import type { Selectable } from 'kysely';
import type { Db } from '../../../platform/db/database.js';
import { iotDb, type IotDb, type IotTrx } from '../tables.js';
import type { RuleDefinition } from './rule-schema.js';
import type { RuleTable } from './tables.js';

export type RuleRow = Selectable<RuleTable>;

export interface DeviceRef {
  id: string;
  code: string;
  name: string;
  type_id: string;
  owner_agency_id: string | null;
  is_demo: boolean;
  last_seen_at: Date | null;
}

export function alarmsDb(db: Db): IotDb {
  return iotDb(db);
}

export function definitionOf(rule: RuleRow): RuleDefinition {
  return { levels: [...rule.levels].sort((a, b) => a.level - b.level), forSeconds: rule.for_seconds, version: rule.version };
}

export async function deviceRef(db: IotDb | IotTrx, deviceId: string): Promise<DeviceRef | undefined> {
  return db
    .selectFrom('iot_devices')
    .select(['id', 'code', 'name', 'type_id', 'owner_agency_id', 'is_demo', 'last_seen_at'])
    .where('id', '=', deviceId)
    .executeTakeFirst();
}

/** The devices a rule watches: its device, or every device of its type that is not disabled. */
export async function devicesOfRule(db: IotDb | IotTrx, rule: RuleRow): Promise<DeviceRef[]> {
  let query = db.selectFrom('iot_devices').select(['id', 'code', 'name', 'type_id', 'owner_agency_id', 'is_demo', 'last_seen_at']).where('status', '<>', 'disabled');
  query = rule.device_id ? query.where('id', '=', rule.device_id) : query.where('type_id', '=', rule.type_id!);
  return query.orderBy('code').execute();
}

const CACHE_MS = 10_000;

interface Cached<T> {
  value: T;
  at: number;
}

/**
 * Rules and device details for the readings path, kept for ten seconds so that a batch from a
 * device no rule watches costs no query. Rule writes in this process drop the rules at once;
 * changes made elsewhere (another process, a device edit) are seen within ten seconds.
 */
class RuleCache {
  private rules: Cached<RuleRow[]> | undefined;
  private readonly devices = new Map<string, Cached<DeviceRef | undefined>>();

  constructor(private readonly db: IotDb) {}

  invalidate(): void {
    this.rules = undefined;
    this.devices.clear();
  }

  async device(id: string, now: number): Promise<DeviceRef | undefined> {
    const hit = this.devices.get(id);
    if (hit && now - hit.at < CACHE_MS) return hit.value;
    const value = await deviceRef(this.db, id);
    this.devices.set(id, { value, at: now });
    return value;
  }

  async rulesFor(device: Pick<DeviceRef, 'id' | 'type_id'>, now: number): Promise<RuleRow[]> {
    if (!this.rules || now - this.rules.at >= CACHE_MS) {
      const value = await this.db.selectFrom('iot_rules').selectAll().where('enabled', '=', true).where('deleted_at', 'is', null).orderBy('created_at').orderBy('id').execute();
      this.rules = { value, at: now };
    }
    return this.rules.value.filter((r) => r.device_id === device.id || r.type_id === device.type_id);
  }
}

const caches = new WeakMap<Db, RuleCache>();

export function ruleCache(db: Db): RuleCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new RuleCache(alarmsDb(db));
    caches.set(db, cache);
  }
  return cache;
}

/** After a rule is written: the next batch reads the rules afresh. */
export function invalidateRules(db: Db): void {
  caches.get(db)?.invalidate();
}
