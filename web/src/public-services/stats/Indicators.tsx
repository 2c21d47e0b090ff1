import { formatNumber } from '../../lib/format.js';
import { useBilingual } from '../../lib/i18n.js';
import { usePsStatsT } from './i18n.js';
import type { IndicatorReport } from './types.js';

const percent = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });
const points = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
export const formatRate = (r: number | null | undefined) => (r === null || r === undefined ? null : percent.format(r));

/** The Decision 766 indicators with numerator, denominator, ratio and points, then the groups and the total. */
export function IndicatorsTable({ report }: { report: IndicatorReport }) {
  const t = usePsStatsT();
  const pick = useBilingual();
  const groups = new Map(report.groups.map((g) => [g.group, g]));
  const byGroup = [...new Set(report.items.map((i) => i.group))];
  return (
    <div class="stack">
      <div class="table-wrap" tabIndex={0} role="region" aria-label={t('ind.caption')}>
        <table class="responsive ps-ind">
          <caption>{t('ind.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ind.code')}</th>
              <th scope="col">{t('ind.name')}</th>
              <th scope="col" class="num">
                {t('ind.numerator')}
              </th>
              <th scope="col" class="num">
                {t('ind.denominator')}
              </th>
              <th scope="col" class="num">
                {t('ind.ratio')}
              </th>
              <th scope="col" class="num">
                {t('ind.points')}
              </th>
              <th scope="col">{t('ind.note')}</th>
            </tr>
          </thead>
          {byGroup.map((g) => (
            <tbody key={g}>
              <tr class="ps-ind__group">
                <th scope="rowgroup" colSpan={7}>
                  {t('ind.group', { group: g, name: pick(groups.get(g)?.name) })}
                </th>
              </tr>
              {report.items
                .filter((i) => i.group === g)
                .map((i) => (
                  <tr key={i.code}>
                    <td data-label={t('ind.code')}>{i.code}</td>
                    <td data-label={t('ind.name')}>{pick(i.name)}</td>
                    <td data-label={t('ind.numerator')} class="num">
                      {i.computable ? formatNumber(i.numerator) : '—'}
                    </td>
                    <td data-label={t('ind.denominator')} class="num">
                      {i.computable ? formatNumber(i.denominator) : '—'}
                    </td>
                    <td data-label={t('ind.ratio')} class="num">
                      {i.computable ? (formatRate(i.ratio) ?? (i.value !== null && i.value !== undefined ? points.format(i.value) : '—')) : t('ind.notComputable')}
                    </td>
                    <td data-label={t('ind.points')} class="num">
                      {i.points === null ? '—' : points.format(i.points)}
                      {i.maxPoints !== null && ` / ${points.format(i.maxPoints)}`}
                    </td>
                    <td data-label={t('ind.note')} class="small">
                      {pick(i.note)}
                      {i.unconfirmed && <span class="badge badge--muted">{t('ind.unconfirmed')}</span>}
                    </td>
                  </tr>
                ))}
            </tbody>
          ))}
        </table>
      </div>
      <dl class="ps-ind-groups" aria-label={t('ind.groups')}>
        {report.groups.map((g) => (
          <div key={g.group} class="card">
            <dt>{t('ind.group', { group: g.group, name: pick(g.name) })}</dt>
            <dd>{t('ind.totalValue', { points: points.format(g.points), max: points.format(g.maxPoints), computable: points.format(g.computableMaxPoints) })}</dd>
          </div>
        ))}
        <div class="card ps-ind-total">
          <dt>{t('ind.total')}</dt>
          <dd>{t('ind.totalValue', { points: points.format(report.total.points), max: points.format(report.total.maxPoints), computable: points.format(report.total.computableMaxPoints) })}</dd>
        </div>
      </dl>
    </div>
  );
}
