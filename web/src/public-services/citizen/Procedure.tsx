import { formatDate } from '../../lib/format.js';
import { Link, useTitle } from '../../lib/router.js';
import { useApi } from '../../lib/use-api.js';
import { PageHead } from '../../ui/Field.js';
import { Loading, ProblemBox } from '../../ui/Problem.js';
import { useCitizenPsT } from '../i18n/citizen.js';
import type { ProcedureDetail } from '../types.js';
import { pagePaths, procedureUrl } from './api.js';
import { OnlineBadge } from './Catalog.js';
import { formatMoney } from './format.js';
import { Breadcrumbs, Facts, timeLimit } from './parts.js';

/** Online filing is offered when the procedure takes online dossiers at all. */
export const canFileOnline = (p: Pick<ProcedureDetail, 'onlineLevel' | 'channels'>) => p.onlineLevel !== 'none' && (p.channels?.includes('online') ?? true);

/** Every constituent part of a procedure (Decree 63 Art. 8), as the public reads it before filing. */
export function Procedure({ code }: { code: string }) {
  const t = useCitizenPsT();
  const res = useApi<ProcedureDetail>(procedureUrl(code));
  const p = res.data;
  useTitle(p?.name ?? t('proc.title'));
  return (
    <div class="stack ps-procedure">
      <Breadcrumbs items={[{ href: pagePaths.catalog, label: t('cat.title') }, { label: p?.name ?? code }]} />
      {res.loading && !p && <Loading />}
      <ProblemBox error={res.error} onRetry={res.reload} />
      {p && (
        <>
          <PageHead
            title={p.name}
            lead={t('proc.codeVersion', { code: p.code, version: p.version })}
            actions={
              <>
                {canFileOnline(p) && (
                  <Link class="btn" href={pagePaths.file(p.code)}>
                    {t('proc.fileOnline')}
                  </Link>
                )}
                <button type="button" class="btn btn--secondary no-print" onClick={() => window.print()}>
                  {t('proc.print')}
                </button>
              </>
            }
          />
          {p.isDemo && <p class="alert alert--info">{t('proc.demo')}</p>}
          <General p={p} />
          <Steps p={p} />
          <Components p={p} />
          <Fees p={p} />
          <section class="card stack" aria-labelledby="ps-legal">
            <h2 id="ps-legal">{t('proc.legalBasis')}</h2>
            {p.legalBasis.length === 0 ? (
              <p class="muted">—</p>
            ) : (
              <ul>
                {p.legalBasis.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            )}
            {p.publication?.decisionNumber && (
              <p class="small muted">
                {t('proc.publication', { number: p.publication.decisionNumber, date: formatDate(p.publication.decisionDate ?? null) })}
              </p>
            )}
          </section>
          {canFileOnline(p) && (
            <p>
              <Link class="btn" href={pagePaths.file(p.code)}>
                {t('proc.fileOnline')}
              </Link>
            </p>
          )}
        </>
      )}
    </div>
  );
}

function General({ p }: { p: ProcedureDetail }) {
  const t = useCitizenPsT();
  return (
    <section class="card stack" aria-labelledby="ps-general">
      <h2 id="ps-general">{t('proc.general')}</h2>
      <Facts
        items={[
          [t('cat.fieldLabel'), p.field],
          [t('cat.level'), t(`level.${p.level}`)],
          [t('cat.agency'), p.agency?.name ?? t('cat.communeCommittee')],
          [t('proc.subjects'), p.subjects.map((s) => t(`subject.${s}`)).join(', ') || '—'],
          [t('proc.channels'), p.channels.map((c) => t(`channel.${c}`)).join('; ') || '—'],
          [t('cat.online'), <OnlineBadge level={p.onlineLevel} />],
          [
            t('proc.time'),
            <>
              {timeLimit(t, p.timeAmount, p.timeUnit)}
              {p.sameDayCutoff && <span class="small muted ps-block">{t('proc.cutoff', { time: p.sameDayCutoff })}</span>}
            </>,
          ],
          [t('proc.result'), `${p.resultName} (${t(`result.${p.resultType}`)})`],
          p.onlinePayment && [t('proc.onlinePayment'), t('proc.onlinePaymentYes')],
          p.effectiveFrom && [t('proc.effectiveFrom'), formatDate(p.effectiveFrom)],
        ]}
      />
    </section>
  );
}

function Steps({ p }: { p: ProcedureDetail }) {
  const t = useCitizenPsT();
  return (
    <section class="card stack" aria-labelledby="ps-steps">
      <h2 id="ps-steps">{t('proc.steps')}</h2>
      {p.steps.length === 0 ? (
        <p class="muted">—</p>
      ) : (
        <ol class="ps-steps">
          {p.steps.map((s, i) => (
            <li key={i} class="ps-text">
              {s}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Components({ p }: { p: ProcedureDetail }) {
  const t = useCitizenPsT();
  return (
    <section class="card stack" aria-labelledby="ps-components">
      <h2 id="ps-components">{t('proc.components')}</h2>
      {p.components.length === 0 ? (
        <p class="muted">{t('proc.noComponents')}</p>
      ) : (
        <ol class="ps-components">
          {p.components.map((c) => (
            <li key={c.code}>
              <p class="ps-components__name">
                {c.name} {c.required ? <span class="badge badge--warn">{t('proc.required')}</span> : <span class="badge badge--muted">{t('proc.optional')}</span>}
              </p>
              <p class="small muted">
                {t('proc.kindCount', { kind: t(`kind.${c.kind}`), count: c.count })}
                {c.reusable && ` · ${t('proc.reusable')}`}
              </p>
              {c.templateUrl && (
                <p class="small">
                  <a href={c.templateUrl} download>
                    {t('proc.template', { name: c.name })}
                  </a>
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Fees({ p }: { p: ProcedureDetail }) {
  const t = useCitizenPsT();
  return (
    <section class="card stack" aria-labelledby="ps-fees">
      <h2 id="ps-fees">{t('proc.fees')}</h2>
      {p.fees.length === 0 ? (
        <p>{t('fee.none')}</p>
      ) : (
        <ul class="plain-list stack">
          {p.fees.map((f) => (
            <li key={f.code}>
              <p>
                <strong>{f.name}</strong>: {Number(f.amount) > 0 ? formatMoney(f.amount) : t('fee.free')} <span class="small muted">({t(`fee.collected.${f.collectedAt}`)})</span>
              </p>
              {f.exemptions.length > 0 && (
                <p class="small">
                  {t('proc.exemptions')}: {f.exemptions.map((e) => e.name).join('; ')}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
