import { useEffect, useState } from 'preact/hooks';
import { withQuery } from '../../lib/api.js';
import { Link, navigate, useSearchParam, useTitle } from '../../lib/router.js';
import { useApi, usePaged } from '../../lib/use-api.js';
import { PageHead, SelectField } from '../../ui/Field.js';
import { Loading, ProblemBox } from '../../ui/Problem.js';
import { useCitizenPsT } from '../i18n/citizen.js';
import type { ProcedureSummary } from '../types.js';
import { pagePaths, PROCEDURES } from './api.js';
import { formatMoney } from './format.js';
import { timeLimit } from './parts.js';

type Filter = 'q' | 'field' | 'level' | 'online';

/** The filters live in the address, so a search can be shared, bookmarked and gone back to. */
function useFilters(): Record<Filter, string> {
  return { q: useSearchParam('q') ?? '', field: useSearchParam('field') ?? '', level: useSearchParam('level') ?? '', online: useSearchParam('online') ?? '' };
}

function setFilter(current: Record<Filter, string>, change: Partial<Record<Filter, string>>): void {
  navigate(withQuery(pagePaths.catalog, { ...current, ...change }), { replace: true });
}

/** Danh mục thủ tục hành chính: search by name, code or field, with or without diacritics. */
export function Catalog() {
  const t = useCitizenPsT();
  useTitle(t('cat.title'));
  const filters = useFilters();
  const [typed, setTyped] = useState(filters.q);
  // The server folds diacritics and case; the page only waits for a pause in typing.
  useEffect(() => {
    if (typed.trim() === filters.q) return;
    const timer = setTimeout(() => setFilter(filters, { q: typed.trim() }), 350);
    return () => clearTimeout(timer);
  }, [typed]);
  // Back and forward change the address, not the box: bring the box along.
  useEffect(() => {
    setTyped((now) => (now.trim() === filters.q ? now : filters.q));
  }, [filters.q]);
  const active = [filters.field, filters.level, filters.online].filter(Boolean).length;
  const fields = useApi<{ items: Array<{ field: string; count: number }> }>(`${PROCEDURES}/fields`);
  const list = usePaged<ProcedureSummary>(PROCEDURES, { q: filters.q, field: filters.field, level: filters.level, onlineLevel: filters.online, limit: 20 });

  return (
    <div class="stack ps-catalog">
      <PageHead title={t('cat.title')} lead={t('cat.lead')} />
      <ul class="row plain-list ps-quick">
        <li>
          <Link class="btn btn--secondary btn--small" href={pagePaths.track()}>
            {t('cat.trackLink')}
          </Link>
        </li>
        <li>
          <Link class="btn btn--secondary btn--small" href={pagePaths.mine}>
            {t('cat.mineLink')}
          </Link>
        </li>
        <li>
          <Link class="btn btn--secondary btn--small" href={`${pagePaths.catalog}/thong-ke`}>
            {t('cat.statsLink')}
          </Link>
        </li>
      </ul>
      <form
        class="card stack"
        role="search"
        aria-label={t('cat.searchLabel')}
        onSubmit={(e) => {
          e.preventDefault();
          setFilter(filters, { q: typed.trim() });
        }}
      >
        <div class="field">
          <label for="ps-q">{t('cat.search')}</label>
          <span class="field__hint" id="ps-q-hint">
            {t('cat.searchHint')}
          </span>
          <div class="ps-searchbox">
            <input id="ps-q" type="search" value={typed} aria-describedby="ps-q-hint" onInput={(e) => setTyped(e.currentTarget.value)} autoComplete="off" />
            <button type="submit" class="btn">
              {t('cat.searchGo')}
            </button>
          </div>
        </div>
        <details class="ps-filter-box" open={active > 0 || undefined}>
          <summary>{active > 0 ? t('cat.filtersActive', { n: active }) : t('cat.filters')}</summary>
          <div class="ps-filters">
            <SelectField
              id="ps-field"
              label={t('cat.field')}
              value={filters.field}
              onValue={(v) => setFilter(filters, { field: v })}
              options={[{ value: '', label: t('cat.allFields') }, ...(fields.data?.items ?? []).map((f) => ({ value: f.field, label: `${f.field} (${f.count})` }))]}
            />
            <SelectField
              id="ps-level"
              label={t('cat.level')}
              value={filters.level}
              onValue={(v) => setFilter(filters, { level: v })}
              options={[
                { value: '', label: t('cat.allLevels') },
                { value: 'province', label: t('level.province') },
                { value: 'commune', label: t('level.commune') },
              ]}
            />
            <SelectField
              id="ps-online"
              label={t('cat.online')}
              value={filters.online}
              onValue={(v) => setFilter(filters, { online: v })}
              options={[
                { value: '', label: t('cat.allOnline') },
                { value: 'full', label: t('online.full') },
                { value: 'partial', label: t('online.partial') },
                { value: 'none', label: t('online.none') },
              ]}
            />
          </div>
        </details>
      </form>
      <section class="stack" aria-labelledby="ps-results" aria-busy={list.loading ? 'true' : undefined}>
        <h2 id="ps-results">{filters.q ? t('cat.resultsFor', { q: filters.q }) : t('cat.results')}</h2>
        <ProblemBox error={list.error} onRetry={list.reload} />
        {!list.loading && !list.error && list.items.length === 0 && <p class="card card--flat">{t('cat.empty')}</p>}
        <ul class="plain-list stack ps-results">
          {list.items.map((p) => (
            <ProcedureCard key={p.code} p={p} />
          ))}
        </ul>
        {list.loading && <Loading />}
        {list.hasMore && !list.loading && (
          <button type="button" class="btn btn--secondary" onClick={list.loadMore}>
            {t('cat.more')}
          </button>
        )}
      </section>
    </div>
  );
}

export function OnlineBadge({ level }: { level: ProcedureSummary['onlineLevel'] }) {
  const t = useCitizenPsT();
  const tone = level === 'full' ? 'badge--ok' : level === 'partial' ? '' : 'badge--muted';
  return <span class={`badge ${tone}`}>{t(`online.${level}`)}</span>;
}

function ProcedureCard({ p }: { p: ProcedureSummary }) {
  const t = useCitizenPsT();
  const fee = Number(p.feeTotal);
  return (
    <li class="card ps-result">
      <h3>
        <Link href={pagePaths.procedure(p.code)}>{p.name}</Link>
      </h3>
      <p class="ps-result__meta">
        <OnlineBadge level={p.onlineLevel} /> <span class="badge badge--muted">{t(`level.${p.level}`)}</span> <span class="small muted">{t('cat.code', { code: p.code })}</span>
      </p>
      <dl class="ps-facts ps-facts--tight">
        <div>
          <dt>{t('cat.agency')}</dt>
          <dd>{p.agency?.name ?? t('cat.communeCommittee')}</dd>
        </div>
        <div>
          <dt>{t('cat.fieldLabel')}</dt>
          <dd>{p.field}</dd>
        </div>
        <div>
          <dt>{t('cat.time')}</dt>
          <dd>{timeLimit(t, p.timeAmount, p.timeUnit)}</dd>
        </div>
        <div>
          <dt>{t('cat.fee')}</dt>
          <dd>{fee > 0 ? formatMoney(fee) : t('fee.free')}</dd>
        </div>
      </dl>
    </li>
  );
}
