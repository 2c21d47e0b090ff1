import { useMemo, useState } from 'preact/hooks';
import { useBilingual } from '../../lib/i18n.js';
import { Bar } from './Headline.js';
import { formatCount, formatDays, formatRate, formatStars, SORT_KEYS, sortItems, type SortKey } from './figures.js';
import { useStatsT, type StatsMessages } from './i18n.js';
import type { GroupBy, StatsItem } from './types.js';

/** Rows shown before "show all": a phone screen or two of cards. */
const FIRST_ROWS = 10;
const HEADINGS: Record<SortKey, keyof StatsMessages> = {
  name: 'table.name',
  received: 'table.received',
  resolved: 'table.resolved',
  onTime: 'table.onTime',
  median: 'table.median',
  satisfaction: 'table.satisfaction',
};
/** The direction a column first sorts in: names A→Z, a shorter median first, other figures largest first. */
const FIRST_DESCENDING: Record<SortKey, boolean> = { name: false, received: true, resolved: true, onTime: true, median: false, satisfaction: true };

/** One grouping's figures as a sortable table (cards on phones), with bars for volume and on-time rate. */
export function StatsTable({ group, items }: { group: GroupBy; items: StatsItem[] }) {
  const t = useStatsT();
  const pick = useBilingual();
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'received', descending: true });
  const [all, setAll] = useState(false);
  const nameOf = (item: StatsItem) => (typeof item.name === 'string' ? item.name : pick(item.name));
  const rows = useMemo(() => sortItems(items, sort.key, sort.descending, nameOf), [items, sort, pick]);
  const most = Math.max(1, ...items.map((i) => i.received));
  const shown = all ? rows : rows.slice(0, FIRST_ROWS);
  const sortBy = (key: SortKey) => setSort((s) => (s.key === key ? { key, descending: !s.descending } : { key, descending: FIRST_DESCENDING[key] }));
  const caption = t(`table.caption.${group}`);

  if (items.length === 0) return <p class="muted">{t('table.empty')}</p>;
  return (
    <div class="stack">
      <div class="st-sortbar">
        <label for={`st-sort-${group}`}>{t('table.sortBy')}</label>
        <select id={`st-sort-${group}`} value={sort.key} onChange={(e) => sortBy((e.currentTarget as HTMLSelectElement).value as SortKey)}>
          {SORT_KEYS.map((k) => (
            <option key={k} value={k}>
              {t(HEADINGS[k])}
            </option>
          ))}
        </select>
        <button type="button" class="btn btn--secondary btn--small" onClick={() => setSort((s) => ({ ...s, descending: !s.descending }))}>
          {t('table.reverse', { order: sort.descending ? t('table.sortDesc') : t('table.sortAsc') })}
        </button>
      </div>
      <div class="table-wrap" tabIndex={0} role="region" aria-label={caption}>
        <table class="responsive st-table">
          <caption>
            {caption}
            <span class="visually-hidden"> — {t('table.sortHint')}</span>
          </caption>
          <thead>
            <tr>
              {SORT_KEYS.map((k) => (
                <th key={k} scope="col" class={k === 'name' ? undefined : 'num'} aria-sort={sort.key === k ? (sort.descending ? 'descending' : 'ascending') : undefined}>
                  <button type="button" class="st-sort" onClick={() => sortBy(k)}>
                    {t(HEADINGS[k])}
                    <span aria-hidden="true" class="st-sort__mark">
                      {sort.key === k ? (sort.descending ? '▼' : '▲') : '↕'}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((item) => (
              <Row key={item.key} item={item} name={nameOf(item)} most={most} />
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > FIRST_ROWS && (
        <button type="button" class="btn btn--secondary" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('table.showFewer') : t('table.showAll', { n: formatCount(rows.length) })}
        </button>
      )}
    </div>
  );
}

function Row({ item, name, most }: { item: StatsItem; name: string; most: number }) {
  const t = useStatsT();
  const rate = formatRate(item.onTimeRate);
  const days = formatDays(item.medianWorkingDays);
  const stars = formatStars(item.satisfaction.average);
  return (
    <tr>
      <td data-label={t('table.name')} class="st-name">
        {name}
      </td>
      <td data-label={t('table.received')} class="num">
        <span class="st-cell">
          {formatCount(item.received)}
          <Bar share={item.received / most} />
        </span>
      </td>
      <td data-label={t('table.resolved')} class="num">
        {formatCount(item.resolved)}
      </td>
      <td data-label={t('table.onTime')} class="num">
        <span class="st-cell">
          {rate ?? <None />}
          {item.onTimeRate !== null && <Bar share={item.onTimeRate} tone="ok" />}
        </span>
      </td>
      <td data-label={t('table.median')} class="num">
        {days === null ? <None /> : days.over30 ? t('fig.over30') : t('fig.daysShort', { n: days.text })}
      </td>
      <td data-label={t('table.satisfaction')} class="num">
        {stars === null ? <None /> : `${t('fig.stars', { avg: stars })} · ${t('fig.ratingsShort', { n: formatCount(item.satisfaction.count) })}`}
      </td>
    </tr>
  );
}

/** An empty figure: a dash to the eye, words to a screen reader. */
function None() {
  const t = useStatsT();
  return (
    <>
      <span aria-hidden="true">—</span>
      <span class="visually-hidden">{t('fig.none')}</span>
    </>
  );
}
