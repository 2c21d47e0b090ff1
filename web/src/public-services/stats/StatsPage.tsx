import { withQuery } from '../../lib/api.js';
import { formatNumber } from '../../lib/format.js';
import { useLang } from '../../lib/i18n.js';
import { navigate, useSearchParam, useTitle } from '../../lib/router.js';
import { useApi } from '../../lib/use-api.js';
import { DataTable } from '../../ui/DataTable.js';
import { PageHead } from '../../ui/Field.js';
import { Loading, ProblemBox } from '../../ui/Problem.js';
import { isIsoDay, PERIOD_KINDS, presetPeriod, toDayMonthYear, type Period, type PeriodKind } from '../../feedback/stats/period.js';
import { PeriodPicker } from '../../feedback/stats/PeriodPicker.js';
import { adaptStats, definition, STATS_API, type StatsResponse } from './adapt.js';
import { usePsStatsT } from './i18n.js';
import { formatRate, IndicatorsTable } from './Indicators.js';
import { PS_STATS_PATH } from './lazy.js';
import type { Figures, IndicatorReport } from './types.js';
import '../../feedback/stats/stats.css';
import './stats.css';

const INDICATORS_API = '/api/v1/public-services/indicators';

/** The period lives in the address (?period=&from=&to=), so a view can be shared. */
function usePeriod() {
  const kindParam = useSearchParam('period');
  const fromParam = useSearchParam('from');
  const toParam = useSearchParam('to');
  const kind: PeriodKind = PERIOD_KINDS.includes(kindParam as PeriodKind) ? (kindParam as PeriodKind) : 'year';
  const custom = kind === 'custom' && isIsoDay(fromParam) && isIsoDay(toParam) && fromParam <= toParam ? { from: fromParam, to: toParam } : null;
  const period: Period = custom ?? presetPeriod(kind === 'custom' ? 'year' : kind);
  const go = (k: PeriodKind, p: Period = period) => navigate(withQuery(PS_STATS_PATH, { period: k, ...(k === 'custom' ? { from: p.from, to: p.to } : {}) }), { replace: true });
  return { kind, period, go };
}

function Figure({ label, how, value, extra }: { label: string; how: string; value: string; extra?: string }) {
  return (
    <li class="card st-figure">
      <span class="st-figure__label">{label}</span>
      <strong class="st-figure__value">{value}</strong>
      {extra && <span class="small muted">{extra}</span>}
      <p class="small muted st-figure__how">{how}</p>
    </li>
  );
}

function Headline({ total, definitions }: { total: Figures; definitions: StatsResponse['definitions'] }) {
  const t = usePsStatsT();
  const { lang } = useLang();
  const rate = (r: number | null) => formatRate(r) ?? t('fig.none');
  // The server says how each figure is computed; our own sentence where it does not.
  const how = (key: string, fallback: string) => definition(definitions, lang, key) ?? fallback;
  return (
    <ul class="plain-list st-figures">
      <Figure label={t('fig.received')} how={how('received', t('fig.received.how'))} value={formatNumber(total.received)} />
      <Figure label={t('fig.finished')} how={how('finished', t('fig.finished.how'))} value={formatNumber(total.finished)} />
      <Figure label={t('fig.onTime')} how={how('onTimeRate', t('fig.onTime.how'))} value={rate(total.onTimeRate)} />
      <Figure label={t('fig.online')} how={how('onlineRate', t('fig.online.how'))} value={rate(total.onlineRate)} />
      <Figure label={t('fig.digitised')} how={how('digitisedRate', t('fig.digitised.how'))} value={rate(total.digitisedRate)} />
      <Figure label={t('fig.satisfaction')} how={how('satisfaction', t('fig.satisfaction.how'))} value={rate(total.satisfiedRate)} extra={t('fig.ratings', { n: formatNumber(total.ratings) })} />
    </ul>
  );
}

/**
 * `/dich-vu-cong/thong-ke`: the province's public-services figures for a period (on time, online,
 * digitised, satisfaction), per agency, and the Decision 766 indicators with their numerators,
 * denominators and points. No personal data: the APIs it reads carry none.
 */
export function StatsPage() {
  const t = usePsStatsT();
  useTitle(t('title'));
  const { kind, period, go } = usePeriod();
  const query = { from: period.from, to: period.to };
  const stats = useApi<StatsResponse>(STATS_API, query);
  const indicators = useApi<IndicatorReport>(INDICATORS_API, { ...query, scope: 'province' });
  const data = stats.data === undefined ? undefined : adaptStats(stats.data);
  return (
    <div class="stack st-page ps-stats-page">
      <PageHead title={t('title')} lead={t('lead')} />
      <PeriodPicker kind={kind} period={period} onKind={(k) => go(k)} onCustom={(p) => go('custom', p)} />
      <p class="st-shown" aria-live="polite">
        {t('period.shown', { from: toDayMonthYear(period.from), to: toDayMonthYear(period.to) })}
      </p>
      <ProblemBox error={stats.error} onRetry={stats.reload} />
      <section class="stack" aria-labelledby="ps-st-province">
        <h2 id="ps-st-province">{t('province.title')}</h2>
        {data ? data.total.received === 0 && data.total.finished === 0 ? <p class="alert alert--info">{t('empty')}</p> : <Headline total={data.total} definitions={data.definitions} /> : !stats.error && <Loading />}
      </section>
      {data && data.agencies.length > 0 && (
        <section class="stack" aria-labelledby="ps-st-agency">
          <h2 id="ps-st-agency">{t('agency.title')}</h2>
          <DataTable
            caption={t('agency.caption')}
            rows={data.agencies}
            rowKey={(a) => a.id}
            columns={[
              { label: t('col.agency'), render: (a) => <span class="st-name">{a.name}</span> },
              { label: t('col.received'), numeric: true, render: (a) => formatNumber(a.received) },
              { label: t('col.finished'), numeric: true, render: (a) => formatNumber(a.finished) },
              { label: t('col.onTime'), numeric: true, render: (a) => formatRate(a.onTimeRate) ?? '—' },
              { label: t('col.online'), numeric: true, render: (a) => formatRate(a.onlineRate) ?? '—' },
              { label: t('col.satisfaction'), numeric: true, render: (a) => formatRate(a.satisfiedRate) ?? '—' },
            ]}
          />
        </section>
      )}
      <section class="stack" aria-labelledby="ps-st-766">
        <h2 id="ps-st-766">{t('ind.title')}</h2>
        <p class="muted">{t('ind.lead')}</p>
        <ProblemBox error={indicators.error} onRetry={indicators.reload} />
        {indicators.data ? <IndicatorsTable report={indicators.data} /> : !indicators.error && <Loading />}
      </section>
      <p class="small">
        {t('api')}{' '}
        <a href={withQuery(STATS_API, query)}>
          <code>{withQuery(STATS_API, query)}</code>
        </a>
      </p>
    </div>
  );
}
