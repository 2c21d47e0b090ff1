import { formatDateTime } from '../lib/format.js';
import type { Page } from '../lib/api.js';
import { useApi } from '../lib/use-api.js';
import { DataTable } from '../ui/DataTable.js';
import { paths, type Alarm } from './api.js';
import { useIotT } from './i18n/index.js';
import { LevelBadge, StateBadge } from './StatusBadge.js';
import { useAlarmText } from './AlarmConsole.js';

/** The alarms of one device, newest first. */
export function DeviceAlarms({ code }: { code: string }) {
  const t = useIotT();
  const text = useAlarmText();
  const alarms = useApi<Page<Alarm>>(paths.alarms, { device: code, limit: 20 });
  return (
    <section class="stack" aria-labelledby="iot-device-alarms">
      <h2 id="iot-device-alarms">{t('device.alarms')}</h2>
      <DataTable
        caption={t('device.alarmsCaption')}
        rows={alarms.data?.items ?? []}
        rowKey={(a) => a.id}
        loading={alarms.loading}
        error={alarms.error}
        onRetry={alarms.reload}
        empty={t('alarms.none')}
        columns={[
          { label: t('alarms.level'), render: (a) => <LevelBadge level={a.level} /> },
          { label: t('alarms.state'), render: (a) => <StateBadge state={a.state} /> },
          { label: t('alarms.what'), render: (a) => text(a) },
          { label: t('alarms.raisedAt'), render: (a) => formatDateTime(a.raisedAt) },
          { label: t('alarms.clearedAt'), render: (a) => formatDateTime(a.clearedAt) },
        ]}
      />
    </section>
  );
}
