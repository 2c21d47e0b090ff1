import { formatDateTime } from '../../lib/format.js';
import { useBilingual } from '../../lib/i18n.js';
import { Link, useSearchParam, useTitle } from '../../lib/router.js';
import { useApi } from '../../lib/use-api.js';
import { CopyButton } from '../../ui/CopyButton.js';
import { PageHead } from '../../ui/Field.js';
import { Loading, ProblemBox } from '../../ui/Problem.js';
import { useCitizenPsT } from '../i18n/citizen.js';
import type { DossierDetail } from '../types.js';
import { documentUrl, dossierUrl, pagePaths } from './api.js';
import { Evaluation, Resubmit, Supplement, Withdraw } from './DossierActions.js';
import { PaymentBlock } from './Payment.js';
import { Breadcrumbs, DueDate, Facts, StatusChip, Timeline } from './parts.js';

/** The owner's own dossier: where it is, its papers, what to pay, and what they can do next. */
export function Dossier({ id }: { id: string }) {
  const t = useCitizenPsT();
  const pick = useBilingual();
  const res = useApi<DossierDetail>(dossierUrl(id));
  const fresh = useSearchParam('moi') === '1';
  const d = res.data;
  useTitle(d ? d.procedure.name : t('dossier.title'));
  const can = (action: string) => !!d?.allowedActions.includes(action);
  return (
    <div class="stack ps-dossier">
      <Breadcrumbs items={[{ href: pagePaths.catalog, label: t('cat.title') }, { href: pagePaths.mine, label: t('mine.title') }, { label: d?.code ?? t('dossier.title') }]} />
      {res.loading && !d && <Loading />}
      <ProblemBox error={res.error} onRetry={res.reload} />
      {d && (
        <>
          <PageHead title={d.procedure.name} lead={d.code ? t('dossier.code', { code: d.code }) : t('dossier.noCode')} actions={<StatusChip status={d.status} label={d.statusLabel} />} />
          {fresh && d.status >= 1 && <Submitted d={d} />}
          {d.subState === 'completion_requested' && d.status === 1 && (
            <div class="alert alert--warning" role="status">
              <p>
                <strong>{t('dossier.completionRequested')}</strong>
              </p>
              {lastNote(d) && <p class="ps-text">{pick(lastNote(d)!)}</p>}
            </div>
          )}
          <Summary d={d} />
          {d.documents.length > 0 && <Documents d={d} />}
          {(Number(d.feeTotal ?? 0) > 0 || d.feeStatus === 'unpaid' || d.feeStatus === 'paid') && <PaymentBlock dossierId={d.id} />}
          {can('supplement') && <Supplement d={d} onDone={res.reload} />}
          {can('resubmit') && <Resubmit d={d} />}
          {/* The server offers it to the applicant after the result, until they have rated it. */}
          {can('evaluate') && <Evaluation d={d} />}
          <section class="card stack" aria-labelledby="ps-dossier-timeline">
            <h2 id="ps-dossier-timeline">{t('track.timeline')}</h2>
            <Timeline items={d.events.map((e) => ({ at: e.at, status: e.toStatus, note: e.publicNote }))} />
          </section>
          {can('withdraw') && <Withdraw d={d} onDone={res.reload} />}
        </>
      )}
    </div>
  );
}

function lastNote(d: DossierDetail) {
  return [...d.events].reverse().find((e) => e.publicNote)?.publicNote ?? null;
}

function Submitted({ d }: { d: DossierDetail }) {
  const t = useCitizenPsT();
  return (
    <div class="alert alert--success" role="status">
      <p>
        <strong>{t('dossier.submitted')}</strong> {t('dossier.submittedAt', { date: formatDateTime(d.submittedAt) })}
      </p>
      <p>{d.code ? t('dossier.submittedCode') : t('dossier.submittedNext')}</p>
      {d.code && (
        <p>
          <Link href={pagePaths.track(d.code)}>{t('dossier.trackLink')}</Link>
        </p>
      )}
    </div>
  );
}

function Summary({ d }: { d: DossierDetail }) {
  const t = useCitizenPsT();
  const a = d.applicant;
  return (
    <section class="card stack" aria-labelledby="ps-dossier-facts">
      <h2 id="ps-dossier-facts">{t('dossier.facts')}</h2>
      <Facts
        items={[
          d.code && [
            t('dossier.codeLabel'),
            <>
              <span id="ps-dossier-code" class="ps-code">
                {d.code}
              </span>{' '}
              <CopyButton text={d.code} targetId="ps-dossier-code" /> <Link href={pagePaths.track(d.code)}>{t('dossier.trackShort')}</Link>
            </>,
          ],
          [t('dossier.channel'), t(`channel.${d.channel}`)],
          d.receivingAgency && [t('dossier.receivingAgency'), d.receivingAgency.name],
          d.handlingAgency && d.handlingAgency.id !== d.receivingAgency?.id && [t('dossier.handlingAgency'), d.handlingAgency.name],
          [t('dossier.submittedAtLabel'), formatDateTime(d.submittedAt)],
          [t('track.receivedAt'), formatDateTime(d.receivedAt)],
          [t('track.dueAt'), <DueDate facts={{ ...d, paused: !!d.pausedSince }} />],
          d.finishedAt && [t('track.finishedAt'), formatDateTime(d.finishedAt)],
          d.outcome && [t('dossier.outcome'), t(`outcome.${d.outcome}` as 'outcome.approved')],
          d.resultNumber && [t('dossier.resultNumber'), d.resultNumber],
          d.returnedAt && [t('track.returnedAt'), `${formatDateTime(d.returnedAt)}${d.deliveryMethod ? ` (${t(`channel.${d.deliveryMethod}`)})` : ''}`],
          a && [t('dossier.applicant'), [a.organisation, a.name, a.phone].filter(Boolean).join(' · ') + (d.onBehalf ? ` — ${t('dossier.onBehalf')}` : '')],
        ]}
      />
      {d.components.length > 0 && (
        <details class="ps-details">
          <summary>{t('dossier.components', { n: d.components.length })}</summary>
          <ul class="small">
            {d.components.map((c) => (
              <li key={c.id}>
                {c.name ?? c.componentCode}
                {c.reusedFrom && ` · ${t('dossier.reused')}`}
                {c.addedIn === 'supplement' && ` · ${t('dossier.addedInSupplement')}`}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function Documents({ d }: { d: DossierDetail }) {
  const t = useCitizenPsT();
  return (
    <section class="card stack" aria-labelledby="ps-dossier-docs">
      <h2 id="ps-dossier-docs">{t('dossier.documents')}</h2>
      <ul class="ps-docs">
        {d.documents.map((doc) => (
          <li key={doc.id}>
            <a href={documentUrl(d.id, doc.id)} download>
              {t(`doc.${doc.kind}` as 'doc.receipt')}
              {doc.number && ` — ${doc.number}`}
            </a>{' '}
            <span class="small muted">{formatDateTime(doc.createdAt)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
