import { useState } from 'preact/hooks';
import { formatDateTime } from '../lib/format.js';
import { useApi } from '../lib/use-api.js';
import { ProblemBox } from '../ui/Problem.js';
import { paths, type Alarm, type AlarmHistoryEvent } from './api.js';
import { useIotT } from './i18n/index.js';
import { formatValue, ROMAN } from './labels.js';

/** An alarm's transitions (raised, escalated, acknowledged, cleared), fetched when opened. */
export function AlarmHistory({ id }: { id: string }) {
  const t = useIotT();
  const [open, setOpen] = useState(false);
  const loaded = useApi<{ alarm: Alarm; history: AlarmHistoryEvent[] }>(open ? paths.alarm(id) : null);
  return (
    <details onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{t('alarms.history')}</summary>
      <ProblemBox error={loaded.error} onRetry={loaded.reload} />
      <ol class="small iot-history">
        {(loaded.data?.history ?? []).map((e, i) => (
          <li key={i}>
            {formatDateTime(e.at)} — {t(`event.kind.${e.kind}` as 'event.kind.raised')} ({t('alarm.levelN', { level: ROMAN[e.level] ?? String(e.level) })})
            {e.value !== null && ` · ${formatValue(e.value)}`}
            {e.note && ` · ${e.note}`}
          </li>
        ))}
      </ol>
    </details>
  );
}
