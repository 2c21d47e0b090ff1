import { useRef } from 'preact/hooks';
import { withQuery } from '../../lib/api.js';
import { useLang } from '../../lib/i18n.js';
import { Link, navigate, useSearchParam, useTitle } from '../../lib/router.js';
import { useApi } from '../../lib/use-api.js';
import { PageHead } from '../../ui/Field.js';
import { Loading, ProblemBox } from '../../ui/Problem.js';
import { Headline } from './Headline.js';
import { useStatsT } from './i18n.js';
import { isIsoDay, PERIOD_KINDS, presetPeriod, toDayMonthYear, type Period, type PeriodKind } from './period.js';
import { PeriodPicker } from './PeriodPicker.js';
import { StatsTable } from './StatsTable.js';
import { GROUPS, type Figures, type GroupBy, type StatsResponse } from './types.js';
import './stats.css';

const STATS_API = '/api/v1/feedback/stats';
export const STATS_PATH = '/phan-anh/thong-ke';

/** The page's choices live in the address (?period=&from=&to=&group=), so a view can be shared. */
function useChoices() {
  const kindParam = useSearchParam('period');
  const groupParam = useSearchParam('group');
  const fromParam = useSearchParam('from');
  const toParam = useSearchParam('to');
  const kind: PeriodKind = PERIOD_KINDS.includes(kindParam as PeriodKind) ? (kindParam as PeriodKind) : '12m';
  const group: GroupBy = GROUPS.includes(groupParam as GroupBy) ? (groupParam as GroupBy) : 'agency';
  const custom = kind === 'custom' && isIsoDay(fromParam) && isIsoDay(toParam) && fromParam <= toParam ? { from: fromParam, to: toParam } : null;
  const period: Period = custom ?? presetPeriod(kind === 'custom' ? '12m' : kind);
  const go = (next: { kind?: PeriodKind; group?: GroupBy; period?: Period }) => {
    const k = next.kind ?? kind;
    const p = next.period ?? period;
    navigate(withQuery(STATS_PATH, { period: k, group: next.group ?? group, ...(k === 'custom' ? { from: p.from, to: p.to } : {}) }), { replace: true });
  };
  return { kind, group, period, go };
}

/** Public statistics (thống kê phản ánh): the province's figures for a period, then by agency, commune or category. */
export function StatsPage() {
  const t = useStatsT();
  const { lang } = useLang();
  useTitle(t('title'));
  const { kind, group, period, go } = useChoices();
  const query = { groupBy: group, from: period.from, to: period.to };
  const stats = useApi<StatsResponse>(STATS_API, query);
  // The province's figures do not depend on the grouping: keep them while another grouping loads.
  const kept = useRef<{ period: string; total: Figures } | null>(null);
  const periodKey = `${period.from}/${period.to}`;
  if (stats.data && stats.data.from === period.from && stats.data.to === period.to) kept.current = { period: periodKey, total: stats.data.total };
  const total = kept.current?.period === periodKey ? kept.current.total : null;

  return (
    <div class="stack st-page">
      <PageHead
        title={t('title')}
        lead={t('lead')}
        actions={
          <Link class="btn btn--secondary" href="/phan-anh">
            {t('backToList')}
          </Link>
        }
      />
      <PeriodPicker kind={kind} period={period} onKind={(k) => go({ kind: k })} onCustom={(p) => go({ kind: 'custom', period: p })} />
      <p class="st-shown" aria-live="polite">
        {t('period.shown', { from: toDayMonthYear(period.from), to: toDayMonthYear(period.to) })}
      </p>
      <ProblemBox error={stats.error} onRetry={stats.reload} />
      <section class="stack" aria-labelledby="st-province">
        <h2 id="st-province">{t('province.title')}</h2>
        {total ? total.received === 0 && total.resolved === 0 ? <p class="alert alert--info">{t('empty')}</p> : <Headline total={total} /> : !stats.error && <Loading />}
      </section>
      <section class="stack" aria-labelledby="st-groups">
        <h2 id="st-groups">{t('group.title')}</h2>
        <fieldset class="st-period">
          <legend>{t('group.legend')}</legend>
          <div class="st-choices">
            {GROUPS.map((g) => (
              <label key={g} class="st-choice">
                <input type="radio" name="st-group" value={g} checked={group === g} onChange={() => go({ group: g })} />
                <span>{t(`group.${g}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {stats.data && stats.data.groupBy === group ? <StatsTable key={group} group={group} items={stats.data.items} /> : !stats.error && <Loading />}
      </section>
      {stats.data && (
        <details class="card st-definitions">
          <summary>{t('definitions.title')}</summary>
          <p>{t('definitions.note')}</p>
          <ul>
            {Object.entries(stats.data.definitions[lang]).map(([key, text]) => (
              <li key={key}>{text}</li>
            ))}
          </ul>
          <p class="small">
            {t('definitions.api')}{' '}
            <a href={withQuery(STATS_API, query)}>
              <code>{withQuery(STATS_API, query)}</code>
            </a>
          </p>
        </details>
      )}
    </div>
  );
}
