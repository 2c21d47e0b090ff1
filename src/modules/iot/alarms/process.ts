import type { Db } from '../../../platform/db/database.js';
import type { AppContext } from '../../../platform/http/module.js';
import { iotEvents, type AlarmEvent } from '../events.js';
import { DeviceReadingsListener, listenerPerDatabase } from '../readings-listener.js';
import type { Reading } from '../readings.js';
import type { IotTrx } from '../tables.js';
import { evaluate, type EngineInput } from './engine.js';
import { applyTransition } from './lifecycle.js';
import { leavesOf } from './rule-schema.js';
import { alarmsDb, definitionOf, devicesOfRule, ruleCache, type DeviceRef, type RuleRow } from './store.js';

/** Runs one rule on one device inside the caller's transaction; returns the events to push after commit. */
async function runRule(trx: IotTrx, ctx: AppContext, rule: RuleRow, device: DeviceRef, input: EngineInput): Promise<AlarmEvent[]> {
  // Make sure the row exists before locking it, so two processes meeting a new pair queue on the lock.
  await trx.insertInto('iot_rule_states').values({ rule_id: rule.id, device_id: device.id, state: 'null' }).onConflict((oc) => oc.doNothing()).execute();
  const stored = await trx.selectFrom('iot_rule_states').select('state').where('rule_id', '=', rule.id).where('device_id', '=', device.id).forUpdate().executeTakeFirst();
  const { state, transitions } = evaluate(definitionOf(rule), stored?.state ?? null, input);
  const json = JSON.stringify(state);
  await trx
    .insertInto('iot_rule_states')
    .values({ rule_id: rule.id, device_id: device.id, state: json })
    .onConflict((oc) => oc.columns(['rule_id', 'device_id']).doUpdateSet({ state: json, updated_at: new Date() }))
    .execute();
  const events: AlarmEvent[] = [];
  for (const t of transitions) {
    const event = await applyTransition(trx, ctx, rule, device, t);
    if (event) events.push(event);
  }
  return events;
}

function publish(db: Db, events: AlarmEvent[]): void {
  const bus = iotEvents(db);
  for (const e of events) bus.emit('alarm', e);
}

/** Every rule of a device on one batch of its readings, in one transaction. */
export async function processDeviceReadings(ctx: AppContext, deviceId: string, readings: Reading[], now = new Date()): Promise<AlarmEvent[]> {
  const db = alarmsDb(ctx.db);
  const cache = ruleCache(ctx.db);
  const device = await cache.device(deviceId, Date.now());
  if (!device) return [];
  const rules = await cache.rulesFor(device, Date.now());
  if (rules.length === 0) return [];
  const events = await db.transaction().execute(async (trx) => {
    const out: AlarmEvent[] = [];
    for (const rule of rules) out.push(...(await runRule(trx, ctx, rule, device, { readings, now })));
    return out;
  });
  publish(ctx.db, events);
  return events;
}

/** Runs the rules on committed readings (see DeviceReadingsListener for the ordering). */
const alarmProcessors = listenerPerDatabase(
  (ctx) => new DeviceReadingsListener(ctx, (deviceId, readings) => processDeviceReadings(ctx, deviceId, readings), { failure: 'alarm rules could not process readings' }),
);

export const startAlarmProcessor = alarmProcessors.start;
/** The running processor of a database (tests wait on its `idle()`). */
export const alarmProcessor = alarmProcessors.get;
export const stopAlarmProcessor = alarmProcessors.stop;

/**
 * The no-data pass: evaluates, at `now` and without readings, every enabled rule with a "no data"
 * condition on each device it watches, using iot_devices.last_seen_at. Returns the events pushed.
 */
export async function runNoDataPass(ctx: AppContext, now = new Date()): Promise<{ events: AlarmEvent[]; failed: number }> {
  const db = alarmsDb(ctx.db);
  const rules = (await db.selectFrom('iot_rules').selectAll().where('enabled', '=', true).where('deleted_at', 'is', null).execute()).filter((r) =>
    r.levels.some((l) => leavesOf(l.condition).some((leaf) => 'noData' in leaf)),
  );
  const events: AlarmEvent[] = [];
  let failed = 0;
  for (const rule of rules) {
    for (const device of await devicesOfRule(db, rule)) {
      try {
        const out = await db.transaction().execute((trx) => runRule(trx, ctx, rule, device, { readings: [], now, lastSeenAt: device.last_seen_at }));
        publish(ctx.db, out);
        events.push(...out);
      } catch (error) {
        failed++;
        ctx.log.error({ err: error, ruleId: rule.id, deviceId: device.id }, 'no-data pass failed for a device');
      }
    }
  }
  return { events, failed };
}
