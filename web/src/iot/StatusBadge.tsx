import type { AlarmState, DeviceStatus } from './api.js';
import { useIotT } from './i18n/index.js';
import { ROMAN } from './labels.js';

const STATUS_TONE: Record<DeviceStatus, string> = { active: 'badge--ok', maintenance: 'badge--warn', disabled: 'badge--muted' };
const STATE_TONE: Record<AlarmState, string> = { active: 'badge--bad', acknowledged: 'badge--warn', cleared: 'badge--ok' };

export function StatusBadge({ status }: { status: DeviceStatus }) {
  const t = useIotT();
  return <span class={`badge ${STATUS_TONE[status]}`}>{t(`status.${status}`)}</span>;
}

export function StateBadge({ state }: { state: AlarmState }) {
  const t = useIotT();
  return <span class={`badge ${STATE_TONE[state]}`}>{t(`state.${state}`)}</span>;
}

/** Level I yellow, II orange, III red, always with its roman numeral (colour is never the only cue). */
export function LevelBadge({ level }: { level: number }) {
  const t = useIotT();
  return <span class={`iot-level iot-level--${level}`}>{t('alarm.levelN', { level: ROMAN[level] ?? String(level) })}</span>;
}
