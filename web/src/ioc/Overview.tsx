import { useMemo, useState } from 'preact/hooks';
import { formatDateTime, formatNumber } from '../lib/format.js';
import { useTitle } from '../lib/router.js';
import type { Page } from '../lib/api.js';
import { useApi } from '../lib/use-api.js';
import { Icon, type IconName } from '../ui/Icon.js';
import { Loading, ProblemBox } from '../ui/Problem.js';
import { BoundaryMap } from './BoundaryMap.js';
import { useIocT } from './i18n/index.js';
import type { BoundaryCollection, BoundaryFeature, UnitDetail } from './types.js';

const collator = new Intl.Collator('vi');
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

export function Overview() {
  const t = useIocT();
  useTitle(t('overview.title'));
  // The province this installation serves: the area of its provincial People's Committee.
  const committee = useApi<Page<{ adminUnitCode: string | null }>>('/api/v1/agencies', { kind: 'provincial_committee', limit: 1 });
  const code = committee.data?.items[0]?.adminUnitCode ?? null;
  const province = useApi<UnitDetail>(code ? `/api/v1/admin-units/${code}` : null);
  const boundaries = useApi<BoundaryCollection>(code ? `/api/v1/admin-units/${code}/children/boundaries` : null);
  const [selected, setSelected] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const [loadedAt] = useState(() => new Date());
  const provinceName = province.data?.name ?? '…';

  const features = useMemo(
    () => [...(boundaries.data?.features ?? [])].sort((a, b) => collator.compare(a.properties.name, b.properties.name)),
    [boundaries.data],
  );
  const shown = filter ? features.filter((f) => fold(f.properties.name).includes(fold(filter))) : features;
  const selectedFeature = features.find((f) => f.properties.code === selected);
  const typeLabel = (f: BoundaryFeature) => {
    const key = `type.${f.properties.type}` as const;
    return key === 'type.ward' || key === 'type.commune' || key === 'type.special_zone' ? t(key) : f.properties.type;
  };

  const kpis: Array<{ icon: IconName; label: string; value: string; note?: string }> = [
    { icon: 'map', label: t('kpi.communes'), value: boundaries.data ? formatNumber(features.length) : '—' },
    { icon: 'pin', label: t('kpi.feedback'), value: '—', note: t('kpi.pending') },
    { icon: 'file', label: t('kpi.overdue'), value: '—', note: t('kpi.pending') },
    { icon: 'alert', label: t('kpi.alerts'), value: '—', note: t('kpi.pending') },
  ];

  return (
    <div class="ioc">
      <div class="ioc__head">
        <div>
          <h1>{t('overview.title')}</h1>
          <p class="muted">{t('overview.lead')}</p>
        </div>
        <p class="muted small">{t('overview.updated', { time: formatDateTime(loadedAt) })}</p>
      </div>
      <section aria-labelledby="kpi-title">
        <h2 id="kpi-title" class="visually-hidden">
          {t('kpi.title')}
        </h2>
        <ul class="kpis">
          {kpis.map((k) => (
            <li key={k.label} class="kpi">
              <span class="kpi__icon">
                <Icon name={k.icon} />
              </span>
              <span class="kpi__value">{k.value}</span>
              <span class="kpi__label">{k.label}</span>
              {k.note && <span class="kpi__note">{k.note}</span>}
            </li>
          ))}
        </ul>
      </section>
      <div class="ioc__body">
        <section class="panel panel--map" aria-labelledby="map-title">
          <h2 id="map-title">{t('map.title', { province: provinceName })}</h2>
          <ProblemBox error={committee.error ?? boundaries.error} onRetry={committee.error ? committee.reload : boundaries.reload} />
          {committee.data && !code && <p>{t('map.noProvince')}</p>}
          {(committee.loading || boundaries.loading) && <Loading />}
          {boundaries.data && boundaries.data.features.length === 0 && <p>{t('map.noBoundaries')}</p>}
          {boundaries.data && boundaries.data.features.length > 0 && (
            <BoundaryMap collection={boundaries.data} province={provinceName} selected={selected} onSelect={setSelected} />
          )}
        </section>
        <aside class="panel panel--list" aria-labelledby="list-title">
          <h2 id="list-title">{t('list.title', { count: formatNumber(features.length) })}</h2>
          <div class="field">
            <label for="unit-filter">{t('list.filter')}</label>
            <input id="unit-filter" type="search" value={filter} onInput={(e) => setFilter((e.currentTarget as HTMLInputElement).value)} />
          </div>
          {selectedFeature && (
            <p class="row small" aria-live="polite">
              <span>{t('list.selected', { name: selectedFeature.properties.name })}</span>
              <button type="button" class="btn btn--link" onClick={() => setSelected(null)}>
                {t('list.clear')}
              </button>
            </p>
          )}
          <ul class="unit-list">
            {shown.map((f) => (
              <li key={f.properties.code}>
                <button type="button" aria-pressed={f.properties.code === selected} onClick={() => setSelected(f.properties.code === selected ? null : f.properties.code)}>
                  <span>{f.properties.name}</span>
                  <span class="unit-list__type">{typeLabel(f)}</span>
                </button>
              </li>
            ))}
          </ul>
        </aside>
        <section class="panel panel--alerts" aria-labelledby="alerts-title">
          <h2 id="alerts-title">{t('alerts.title')}</h2>
          <p class="muted">{t('alerts.none')}</p>
        </section>
      </div>
    </div>
  );
}
