import type { ComponentChildren } from 'preact';
import { useStatsT } from './i18n.js';
import { formatCount, formatDays, formatRate, formatStars } from './figures.js';
import type { Figures } from './types.js';

/** The province's figures, each with the sentence that says how it is computed. */
export function Headline({ total }: { total: Figures }) {
  const t = useStatsT();
  const days = formatDays(total.medianWorkingDays);
  const rate = formatRate(total.onTimeRate);
  const stars = formatStars(total.satisfaction.average);
  return (
    <div class="stack">
      <ul class="plain-list st-figures">
        <Figure id="received" label={t('fig.received')} how={t('fig.received.how')} value={formatCount(total.received)} />
        <Figure id="resolved" label={t('fig.resolved')} how={t('fig.resolved.how')} value={formatCount(total.resolved)} />
        <Figure id="on-time" label={t('fig.onTime')} how={t('fig.onTime.how')} value={rate ?? t('fig.none')} extra={rate !== null && <Bar share={total.onTimeRate ?? 0} />} />
        <Figure
          id="median"
          label={t('fig.median')}
          how={t('fig.median.how')}
          value={days === null ? t('fig.none') : days.over30 ? t('fig.over30') : t('fig.days', { n: days.text })}
        />
        <Figure
          id="satisfaction"
          label={t('fig.satisfaction')}
          how={t('fig.satisfaction.how')}
          value={stars === null ? t('fig.none') : t('fig.stars', { avg: stars })}
          extra={<span class="small muted">{t('fig.ratings', { n: formatCount(total.satisfaction.count) })}</span>}
        />
      </ul>
      <Outcomes outcomes={total.outcomes} />
    </div>
  );
}

function Figure({ id, label, how, value, extra }: { id: string; label: string; how: string; value: string; extra?: ComponentChildren }) {
  return (
    <li class="card st-figure">
      <span class="st-figure__label" id={`st-fig-${id}`}>
        {label}
      </span>
      <strong class="st-figure__value">{value}</strong>
      {extra}
      <p class="small muted st-figure__how">{how}</p>
    </li>
  );
}

/** A horizontal bar for a share (0–1); decoration only, the number is beside it in words. */
export function Bar({ share, tone = 'primary' }: { share: number; tone?: 'primary' | 'ok' }) {
  const width = `${Math.max(0, Math.min(1, share)) * 100}%`;
  return (
    <span class={`st-bar st-bar--${tone}`} aria-hidden="true">
      <span class="st-bar__fill" style={{ width }} />
    </span>
  );
}

const OUTCOMES = ['fixed', 'notFixed', 'notOurs', 'duplicate', 'refused'] as const;

/** Closures by outcome: one stacked bar, and the same numbers as a list (the bar is decoration). */
function Outcomes({ outcomes }: { outcomes: Figures['outcomes'] }) {
  const t = useStatsT();
  const total = OUTCOMES.reduce((n, k) => n + outcomes[k], 0);
  return (
    <section class="card stack st-outcomes" aria-labelledby="st-outcomes-title">
      <h3 id="st-outcomes-title">{t('outcomes.title')}</h3>
      {total === 0 ? (
        <p class="muted">{t('outcomes.none')}</p>
      ) : (
        <>
          <div class="st-stack" aria-hidden="true">
            {OUTCOMES.map((k) => outcomes[k] > 0 && <span key={k} class={`st-stack__part st-outcome--${k}`} style={{ width: `${(outcomes[k] / total) * 100}%` }} />)}
          </div>
          <ul class="plain-list st-legend">
            {OUTCOMES.map((k) => (
              <li key={k}>
                <span class={`st-swatch st-outcome--${k}`} aria-hidden="true" />
                {t(`outcomes.${k}`)}: <strong>{formatCount(outcomes[k])}</strong> <span class="muted">({formatRate(outcomes[k] / total)})</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
