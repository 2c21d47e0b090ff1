import { formatDateTime } from '../lib/format.js';
import { useLang } from '../lib/i18n.js';
import { Link, useTitle } from '../lib/router.js';
import type { User } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';
import { DetailsCard, PageHead } from '../ui/Field.js';
import { Loading, ProblemBox } from '../ui/Problem.js';
import { canEditDevice, PAGE, paths, type Device } from './api.js';
import { DeviceAdmin } from './DeviceAdmin.js';
import { DeviceAlarms } from './DeviceAlarms.js';
import { DeviceHistory } from './DeviceHistory.js';
import { useIotT } from './i18n/index.js';
import { LiveValues } from './LiveValues.js';
import { StatusBadge } from './StatusBadge.js';

const coordFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 6 });
const coord = (n: number) => coordFormat.format(n);

/** `/can-bo/thiet-bi/<code>`: details, live values, history charts, alarms; edit and token for admins. */
export function DevicePage({ code, user }: { code: string; user: User }) {
  const t = useIotT();
  const { lang } = useLang();
  const device = useApi<Device>(paths.device(code));
  const d = device.data;
  useTitle(d ? `${d.code} — ${d.name}` : t('device.title'));
  if (device.error) return <ProblemBox error={device.error} onRetry={device.reload} />;
  if (!d) return <Loading />;
  const type = d.type;
  const metrics = type.metrics;
  const rows: Array<[string, string]> = [
    [t('device.code'), d.code],
    [t('device.type'), lang === 'en' && type.nameEn ? type.nameEn : type.name],
    [t('device.owner'), d.ownerAgency?.name ?? '—'],
    [t('device.sector'), t(`sector.${d.sector}`)],
    [t('device.commune'), d.communeName ?? d.communeCode ?? t('devices.noCommune')],
    [t('device.place'), `${coord(d.lat)}, ${coord(d.lng)}`],
    [t('device.lastSeen'), `${formatDateTime(d.lastSeenAt)} · ${d.online ? t('device.online') : t('device.offline')}`],
  ];
  return (
    <div class="stack iot">
      <nav class="breadcrumbs" aria-label={t('nav.breadcrumbs')}>
        <ol>
          <li>
            <Link href={PAGE.devices}>{t('devices.title')}</Link>
          </li>
          <li aria-current="page">{d.code}</li>
        </ol>
      </nav>
      <PageHead title={`${d.code} — ${d.name}`} actions={<StatusBadge status={d.status} />} />
      <DetailsCard id="iot-details-title" title={t('device.details')} rows={rows} listClass="iot-details" />
      <LiveValues code={d.code} metrics={metrics} />
      {metrics.length > 0 && <DeviceHistory code={d.code} metrics={metrics} />}
      <DeviceAlarms code={d.code} />
      {canEditDevice(user, d) && <DeviceAdmin device={d} onSaved={device.reload} />}
    </div>
  );
}
