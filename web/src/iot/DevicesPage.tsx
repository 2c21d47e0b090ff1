import { useMemo, useState } from 'preact/hooks';
import { fold, useBoundaries, useCommunes, useProvinceCode } from '../feedback/province.js';
import { formatDateTime, formatNumber } from '../lib/format.js';
import { useLang } from '../lib/i18n.js';
import { Link, useTitle } from '../lib/router.js';
import type { User } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';
import { PageHead, SelectField } from '../ui/Field.js';
import { Loading, ProblemBox } from '../ui/Problem.js';
import { canEditDevices, canEditTypes, DEVICE_STATUSES, PAGE, paths, SECTORS, type BulkLatest, type DeviceSummary, type DeviceType } from './api.js';
import { toLatestByCode, useAllDevices, useDeviceTypes, useOpenAlarmLevels } from './data.js';
import { useIotT } from './i18n/index.js';
import { formatValue, markerColour, metricName, ROMAN } from './labels.js';
import { useInterval } from './live.js';
import { DeviceMap, type DevicePoint } from './map/DeviceMap.js';
import { LevelBadge, StatusBadge } from './StatusBadge.js';

const PAGE_SIZE = 25;
const collator = new Intl.Collator('vi');

interface Filters {
  sector: string;
  type: string;
  commune: string;
  status: string;
  q: string;
}
const NO_FILTERS: Filters = { sector: '', type: '', commune: '', status: '', q: '' };

function matches(d: DeviceSummary, f: Filters, typeName: string, communeName: string): boolean {
  if (f.sector && d.sector !== f.sector) return false;
  if (f.type && d.typeCode !== f.type) return false;
  if (f.commune && d.communeCode !== f.commune) return false;
  if (f.status && d.status !== f.status) return false;
  if (f.q) {
    const q = fold(f.q);
    if (![d.code, d.name, typeName, communeName].some((s) => fold(s).includes(q))) return false;
  }
  return true;
}

/** `/can-bo/thiet-bi`: every device on the map over the commune outlines, and the list beside it. */
export function DevicesPage({ user }: { user: User }) {
  const t = useIotT();
  const { lang } = useLang();
  useTitle(t('devices.title'));
  const province = useProvinceCode();
  const boundaries = useBoundaries(province.code, true);
  const communes = useCommunes(province.code);
  const all = useAllDevices();
  const { types } = useDeviceTypes();
  const levels = useOpenAlarmLevels();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [shown, setShown] = useState(PAGE_SIZE);
  const typeByCode = useMemo(() => new Map(types.map((ty) => [ty.code, ty])), [types]);
  const communeName = useMemo(() => new Map(communes.map((c) => [c.code, c.name])), [communes]);
  const typeLabel = (ty: DeviceType | undefined) => (ty ? (lang === 'en' && ty.nameEn ? ty.nameEn : ty.name) : '');

  const filtered = useMemo(
    () =>
      all.devices
        .filter((d) => matches(d, filters, typeLabel(typeByCode.get(d.typeCode)), (d.communeCode && communeName.get(d.communeCode)) || ''))
        .sort((a, b) => (levels.get(b.code) ?? 0) - (levels.get(a.code) ?? 0) || collator.compare(a.code, b.code)),
    [all.devices, filters, typeByCode, communeName, levels, lang],
  );
  const points = useMemo<DevicePoint[]>(
    () =>
      filtered.map((d) => ({
        code: d.code,
        lat: d.lat,
        lng: d.lng,
        title: `${d.code} — ${d.name}`,
        detail: [typeLabel(typeByCode.get(d.typeCode)), t(`status.${d.status}`), levels.get(d.code) ? t('alarm.levelN', { level: ROMAN[levels.get(d.code)!]! }) : ''].filter(Boolean).join(' · '),
        colour: markerColour(d.status, levels.get(d.code)),
      })),
    [filtered, typeByCode, levels, lang],
  );
  const rows = filtered.slice(0, shown);
  const codes = rows.map((d) => d.code).join(',');
  const latest = useApi<BulkLatest>(codes ? paths.bulkLatest : null, { devices: codes });
  useInterval(latest.reload, 30_000, [codes]);
  const latestByCode = useMemo(() => toLatestByCode(latest.data), [latest.data]);
  const set = (key: keyof Filters) => (value: string) => {
    setFilters((f) => ({ ...f, [key]: value }));
    setShown(PAGE_SIZE);
  };

  const actions = (
    <>
      {canEditDevices(user) && (
        <Link class="btn" href={PAGE.newDevice}>
          {t('devices.new')}
        </Link>
      )}
      <Link class="btn btn--secondary" href={PAGE.alarms}>
        {t('nav.alarms')}
      </Link>
      <Link class="btn btn--secondary" href={PAGE.rules}>
        {t('nav.rules')}
      </Link>
      {canEditTypes(user) && (
        <Link class="btn btn--secondary" href={PAGE.types}>
          {t('nav.types')}
        </Link>
      )}
    </>
  );

  return (
    <div class="stack iot">
      <PageHead title={t('devices.title')} lead={t('devices.lead')} actions={actions} />
      <form class="form--inline iot-filters" role="search" aria-label={t('devices.filters')} onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="iot-q">{t('devices.search')}</label>
          <input id="iot-q" type="search" value={filters.q} onInput={(e) => set('q')((e.currentTarget as HTMLInputElement).value)} />
        </div>
        <SelectField id="iot-sector" label={t('devices.sector')} value={filters.sector} onValue={set('sector')} options={[{ value: '', label: t('filter.all') }, ...SECTORS.map((s) => ({ value: s, label: t(`sector.${s}`) }))]} />
        <SelectField id="iot-type" label={t('devices.type')} value={filters.type} onValue={set('type')} options={[{ value: '', label: t('filter.all') }, ...types.map((ty) => ({ value: ty.code, label: typeLabel(ty) }))]} />
        <SelectField id="iot-commune" label={t('devices.commune')} value={filters.commune} onValue={set('commune')} options={[{ value: '', label: t('filter.all') }, ...communes.map((c) => ({ value: c.code, label: c.name }))]} />
        <SelectField id="iot-status" label={t('devices.status')} value={filters.status} onValue={set('status')} options={[{ value: '', label: t('filter.all') }, ...DEVICE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]} />
      </form>
      <ProblemBox error={all.error} onRetry={all.reload} />
      <div class="iot-split">
        <section class="iot-split__map" aria-labelledby="iot-map-title">
          <h2 id="iot-map-title" class="visually-hidden">
            {t('devices.mapTitle')}
          </h2>
          <DeviceMap boundaries={boundaries.data ?? null} label={t('devices.mapLabel')} points={points} />
          <Legend />
        </section>
        <section class="iot-split__list stack" aria-labelledby="iot-list-title">
          <h2 id="iot-list-title">{t('devices.count', { count: formatNumber(filtered.length), total: formatNumber(all.devices.length) })}</h2>
          {all.loading && <Loading />}
          {!all.loading && filtered.length === 0 && <p class="muted">{t('devices.none')}</p>}
          <ul class="iot-device-list plain-list">
            {rows.map((d) => {
              const ty = typeByCode.get(d.typeCode);
              const live = latestByCode.get(d.code);
              const values = live?.values ?? {};
              const level = levels.get(d.code);
              return (
                <li key={d.code} class="iot-device-row">
                  <span class="iot-dot" style={{ background: markerColour(d.status, level) }} aria-hidden="true" />
                  <div class="iot-device-row__main">
                    <Link href={PAGE.device(d.code)}>
                      <strong>{d.code}</strong> — {d.name}
                    </Link>
                    <span class="small muted">
                      {typeLabel(ty)} · {(d.communeCode && communeName.get(d.communeCode)) || t('devices.noCommune')}
                    </span>
                    <span class="small iot-values">
                      {(ty?.metrics ?? []).slice(0, 3).map((m) => (
                        <span key={m.key}>
                          {metricName(m, m.key, lang)}: <strong>{formatValue(values[m.key]?.value, m)}</strong>
                        </span>
                      ))}
                      {live?.lastSeenAt && <span class="muted">{t('devices.lastSeen', { time: formatDateTime(live.lastSeenAt) })}</span>}
                    </span>
                  </div>
                  <div class="iot-device-row__badges">
                    <StatusBadge status={d.status} />
                    {level ? <LevelBadge level={level} /> : null}
                  </div>
                </li>
              );
            })}
          </ul>
          {filtered.length > shown && (
            <button type="button" class="btn btn--secondary btn--small" onClick={() => setShown((n) => n + PAGE_SIZE)}>
              {t('devices.more', { count: formatNumber(Math.min(PAGE_SIZE, filtered.length - shown)) })}
            </button>
          )}
          <p class="small muted">{t('devices.refreshNote')}</p>
        </section>
      </div>
    </div>
  );
}

function Legend() {
  const t = useIotT();
  return (
    <ul class="iot-legend plain-list small" aria-label={t('legend.title')}>
      <li>
        <span class="iot-dot" style={{ background: markerColour('active', undefined) }} aria-hidden="true" /> {t('status.active')}
      </li>
      <li>
        <span class="iot-dot" style={{ background: markerColour('maintenance', undefined) }} aria-hidden="true" /> {t('status.maintenance')}
      </li>
      <li>
        <span class="iot-dot" style={{ background: markerColour('disabled', undefined) }} aria-hidden="true" /> {t('status.disabled')}
      </li>
      {[1, 2, 3].map((l) => (
        <li key={l}>
          <span class="iot-dot" style={{ background: markerColour('active', l) }} aria-hidden="true" /> {t('alarm.levelN', { level: ROMAN[l]! })}
        </li>
      ))}
    </ul>
  );
}
