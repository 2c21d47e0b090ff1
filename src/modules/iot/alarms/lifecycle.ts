import type { AppContext } from '../../../platform/http/module.js';
import type { AlarmEvent } from '../events.js';
import type { IotTrx } from '../tables.js';
import type { Transition } from './engine.js';
import { notifyAlarm } from './notify.js';
import type { DeviceRef, RuleRow } from './store.js';

/**
 * The alarm lifecycle (vòng đời cảnh báo):
 *   raised → active ─ acknowledge → acknowledged ─┐
 *              │  (escalation makes it active again) │
 *              └──────────── engine clears ─────────┴→ cleared
 * One open alarm per rule and device; escalation and de-escalation change its level in place.
 */

const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V'];

function formatValue(value: number | null, metric: string | null): string {
  return metric && value !== null ? ` — ${metric} = ${value}` : '';
}

function messageOf(rule: RuleRow, device: DeviceRef, level: number, t: Transition): { vi: string; en: string } {
  const l = rule.levels.find((x) => x.level === level);
  const label = l?.label ?? { vi: `Mức ${ROMAN[level]}`, en: `Level ${ROMAN[level]}` };
  const v = formatValue(t.value, t.metric);
  return { vi: `${label.vi}: ${device.name} (${device.code})${v}`, en: `${label.en}: ${device.name} (${device.code})${v}` };
}

const VERB: Record<Transition['kind'], { vi: string; en: string }> = {
  raised: { vi: 'Cảnh báo mới', en: 'New alarm' },
  escalated: { vi: 'Cảnh báo tăng mức', en: 'Alarm escalated' },
  deescalated: { vi: 'Cảnh báo giảm mức', en: 'Alarm de-escalated' },
  cleared: { vi: 'Hết cảnh báo', en: 'Alarm cleared' },
};

/** Applies one engine transition to the alarm tables; returns the event to push once committed. */
export async function applyTransition(trx: IotTrx, ctx: AppContext, rule: RuleRow, device: DeviceRef, t: Transition): Promise<AlarmEvent | null> {
  const open = await trx
    .selectFrom('iot_alarms')
    .selectAll()
    .where('rule_id', '=', rule.id)
    .where('device_id', '=', device.id)
    .where('state', '<>', 'cleared')
    .forUpdate()
    .executeTakeFirst();
  const severityOf = (level: number) => rule.levels.find((l) => l.level === level)?.severity ?? 'warning';
  let alarmId: string;
  let state: AlarmEvent['state'];
  let kind = t.kind;
  if (t.to === 0) {
    if (!open) return null;
    await trx.updateTable('iot_alarms').set({ state: 'cleared', cleared_at: t.at, updated_at: new Date() }).where('id', '=', open.id).execute();
    alarmId = open.id;
    state = 'cleared';
  } else if (!open) {
    kind = 'raised';
    const row = await trx
      .insertInto('iot_alarms')
      .values({
        rule_id: rule.id,
        device_id: device.id,
        level: t.to,
        max_level: t.to,
        severity: severityOf(t.to),
        state: 'active',
        raised_at: t.at,
        last_metric: t.metric,
        last_value: t.value,
        message: JSON.stringify(messageOf(rule, device, t.to, t)),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    alarmId = row.id;
    state = 'active';
  } else {
    // A higher level needs attention again, even if the lower one was acknowledged.
    state = t.to > open.level ? 'active' : open.state;
    await trx
      .updateTable('iot_alarms')
      .set({
        level: t.to,
        max_level: Math.max(open.max_level, t.to),
        severity: severityOf(t.to),
        state,
        last_metric: t.metric,
        last_value: t.value,
        message: JSON.stringify(messageOf(rule, device, t.to, t)),
        updated_at: new Date(),
      })
      .where('id', '=', open.id)
      .execute();
    alarmId = open.id;
    if (kind === 'raised') kind = t.to > open.level ? 'escalated' : 'deescalated';
  }
  const level = t.to === 0 ? (open?.level ?? t.from) : t.to;
  await trx.insertInto('iot_alarm_events').values({ alarm_id: alarmId, kind, level, at: t.at, actor_user_id: null, note: null, value: t.value }).execute();
  if (kind === 'raised' || kind === 'escalated') {
    const message = messageOf(rule, device, t.to, t);
    await notifyAlarm(trx, ctx, {
      alarmId,
      ownerAgencyIds: [device.owner_agency_id, rule.owner_agency_id],
      title: { vi: `${VERB[kind].vi}: ${device.code}`, en: `${VERB[kind].en}: ${device.code}` },
      body: message,
      notify: { inApp: rule.notify.inApp, email: rule.notify.email && !device.is_demo },
    });
  }
  return { kind, alarmId, ruleId: rule.id, deviceId: device.id, deviceCode: device.code, level, state, at: t.at.toISOString() };
}
