import { useMemo, useState } from 'preact/hooks';
import { formatDate } from '../../lib/format.js';
import { useBilingual, useT } from '../../lib/i18n.js';
import { Link, navigate, useTitle } from '../../lib/router.js';
import { useApi, usePaged } from '../../lib/use-api.js';
import { PageHead, SelectField } from '../../ui/Field.js';
import { Loading, ProblemBox } from '../../ui/Problem.js';
import { BASE } from '../api.js';
import { useFeedbackT } from '../i18n/index.js';
import { PointsMap, type MapPoint } from '../map/PointsMap.js';
import { useBoundaries, useCommunes, useProvinceCode } from '../province.js';
import { DueDate, ownPhotos, statusLabel, StatusChip, statusTone } from '../status.js';
import type { Category, PublicReport } from '../types.js';
import { OutboxPanel } from './OutboxPanel.js';
import { AreaFollow } from './AreaFollow.js';

const STATUSES = ['new', 'accepted', 'in_progress', 'resolved', 'closed'] as const;
const wide = () => typeof window.matchMedia === 'function' && window.matchMedia('(min-width: 900px)').matches;

/** The public list: every report, its status and place; nobody's contact details. */
export function ReportList() {
  const t = useFeedbackT();
  const tc = useT();
  const pick = useBilingual();
  useTitle(t('list.title'));
  const [categoryCode, setCategory] = useState('');
  const [communeCode, setCommune] = useState('');
  const [status, setStatus] = useState('');
  // The outlines weigh megabytes: on phones the map waits until asked for.
  const [showMap, setShowMap] = useState(wide);
  const [code, setCode] = useState('');
  const province = useProvinceCode();
  const communes = useCommunes(province.code);
  const boundaries = useBoundaries(province.code, showMap);
  const categories = useApi<{ items: Category[] }>(`${BASE}/categories`);
  const reports = usePaged<PublicReport>(`${BASE}/reports`, { categoryCode, communeCode, status });

  const points = useMemo<MapPoint[]>(
    () =>
      reports.items.map((r) => ({
        id: r.id,
        lat: r.lat,
        lng: r.lng,
        title: `${r.trackingCode} · ${pick(r.categoryName)}`,
        detail: `${statusLabel(t, r.status, r.outcome)} — ${r.communeName}`,
        href: `/phan-anh/${encodeURIComponent(r.trackingCode)}`,
        tone: statusTone(r.status, r.outcome),
      })),
    [reports.items, pick, t],
  );

  return (
    <div class="stack fb-list">
      <PageHead
        title={t('list.title')}
        lead={t('list.lead')}
        actions={
          <>
            <Link class="btn" href="/phan-anh/gui">
              {t('list.new')}
            </Link>
            <Link class="btn btn--secondary" href="/phan-anh/thong-ke">
              {t('list.stats')}
            </Link>
          </>
        }
      />
      <OutboxPanel />
      <form
        class="form--inline fb-lookup"
        role="search"
        aria-label={t('list.lookup')}
        onSubmit={(e) => {
          e.preventDefault();
          if (code.trim()) navigate(`/phan-anh/${encodeURIComponent(code.trim().toUpperCase())}`);
        }}
      >
        <div class="field">
          <label for="fb-code">{t('list.code')}</label>
          <input id="fb-code" value={code} placeholder="PA-26-000123" autoComplete="off" onInput={(e) => setCode((e.currentTarget as HTMLInputElement).value)} />
        </div>
        <button class="btn btn--secondary" type="submit">
          {t('list.lookupGo')}
        </button>
      </form>
      <section class="card stack" aria-labelledby="fb-filters">
        <h2 id="fb-filters">{t('list.filters')}</h2>
        <div class="fb-filters">
          <SelectField
            id="fb-filter-category"
            label={t('list.category')}
            value={categoryCode}
            onValue={setCategory}
            options={[{ value: '', label: t('list.allCategories') }, ...(categories.data?.items ?? []).map((c) => ({ value: c.code, label: pick(c.name) }))]}
          />
          <SelectField id="fb-filter-commune" label={t('list.commune')} value={communeCode} onValue={setCommune} options={[{ value: '', label: t('list.allCommunes') }, ...communes.map((c) => ({ value: c.code, label: c.name }))]} />
          <SelectField id="fb-filter-status" label={t('list.status')} value={status} onValue={setStatus} options={[{ value: '', label: t('list.allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]} />
        </div>
      </section>
      <section class="stack" aria-labelledby="fb-map-title">
        <div class="row">
          <h2 id="fb-map-title">{t('list.mapTitle')}</h2>
          <button type="button" class="btn btn--secondary btn--small" aria-expanded={showMap} aria-controls="fb-list-map" onClick={() => setShowMap(!showMap)}>
            {showMap ? t('list.hideMap') : t('list.showMap')}
          </button>
        </div>
        <div id="fb-list-map">
          {!showMap && <p class="small muted">{t('list.mapNote')}</p>}
          {showMap && (boundaries.data || boundaries.error ? <PointsMap boundaries={boundaries.data ?? null} label={t('map.label')} points={points} /> : <Loading label={t('map.loading')} />)}
        </div>
      </section>
      <section class="stack" aria-labelledby="fb-results">
        <h2 id="fb-results">{t('list.caption')}</h2>
        <ProblemBox error={reports.error} onRetry={reports.reload} />
        <ul class="plain-list fb-cards">
          {reports.items.map((r) => (
            <li key={r.id} class="card fb-card">
              {ownPhotos(r.photoUrls)[0] && <img class="fb-card__photo" src={ownPhotos(r.photoUrls)[0]} alt="" loading="lazy" decoding="async" />}
              <div class="fb-card__body">
                <p class="fb-card__head">
                  <Link href={`/phan-anh/${encodeURIComponent(r.trackingCode)}`}>
                    <strong>{pick(r.categoryName)}</strong>
                    <span class="visually-hidden"> — </span>
                    <span class="fb-code small">{r.trackingCode}</span>
                  </Link>
                  <StatusChip report={r} />
                </p>
                <p class="fb-clamp">{r.description}</p>
                <p class="small muted">
                  {[r.communeName, t('list.sentOn', { date: formatDate(r.createdAt) }), r.agencyName].join(' · ')}
                  {r.reporterDisplayName ? ` · ${t('list.by', { name: r.reporterDisplayName })}` : ''}
                </p>
                {r.dueAt && r.status !== 'closed' && (
                  <p class="small">
                    {t('track.due')}: <DueDate report={r} />
                  </p>
                )}
              </div>
            </li>
          ))}
        </ul>
        {reports.items.length === 0 && !reports.loading && !reports.error && <p class="muted">{t('list.empty')}</p>}
        {reports.loading && <Loading />}
        {reports.hasMore && !reports.loading && (
          <button type="button" class="btn btn--secondary" onClick={reports.loadMore}>
            {tc('state.loadMore')}
          </button>
        )}
      </section>
      <AreaFollow
        categoryCode={categoryCode}
        communeCode={communeCode}
        categoryName={pick(categories.data?.items.find((c) => c.code === categoryCode)?.name)}
        communeName={communes.find((c) => c.code === communeCode)?.name ?? ''}
      />
    </div>
  );
}
