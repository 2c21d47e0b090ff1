import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import { SUB_STATES } from '../../../../src/modules/public-services/statuses.js';
import { formatDateTime } from '../../lib/format.js';
import { useBilingual } from '../../lib/i18n.js';
import { Link, useTitle } from '../../lib/router.js';
import type { User } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { PageHead } from '../../ui/Field.js';
import { Loading, ProblemBox } from '../../ui/Problem.js';
import { agencyName, DESK_PATH, dossierUrl, type DossierDetail, type PaymentView } from './api.js';
import { ApplicantCard, ComponentsCard, ConsultationsCard, DocumentsCard, FormDataCard, PausesCard, PaymentCard, TimelineCard } from './DeskSections.js';
import { DossierActions } from './DossierActions.js';
import { StatusBadge } from './Due.js';
import { useDossierT } from './i18n/index.js';
import { isReader } from './Queue.js';

const UNITS: Record<string, { vi: string; en: string }> = {
  working_days: { vi: 'ngày làm việc', en: 'working days' },
  working_hours: { vi: 'giờ làm việc', en: 'working hours' },
  calendar_days: { vi: 'ngày', en: 'calendar days' },
  months: { vi: 'tháng', en: 'months' },
};

function fieldTitles(schema: Record<string, unknown> | undefined): Record<string, string> {
  const props = (schema?.properties ?? {}) as Record<string, { title?: string }>;
  return Object.fromEntries(Object.entries(props).flatMap(([k, v]) => (v.title ? [[k, v.title]] : [])));
}

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Summary({ d }: { d: DossierDetail }) {
  const t = useDossierT();
  const pick = useBilingual();
  const sub = d.subState && d.subState in SUB_STATES ? pick(SUB_STATES[d.subState as keyof typeof SUB_STATES]) : null;
  return (
    <section class="card stack" aria-labelledby="ps-summary">
      <h2 id="ps-summary">{t('desk.summary')}</h2>
      <dl class="ps-details">
        <Row label={t('desk.procedure')}>
          {d.procedure.name} <span class="small muted">({d.procedure.code}, {t('desk.version', { version: d.procedure.version })})</span>
        </Row>
        <Row label={t('desk.timeLimit')}>
          {Number(d.procedure.timeAmount) === 0 ? t('desk.sameDay') : `${String(Number(d.procedure.timeAmount))} ${pick(UNITS[d.procedure.timeUnit]) || d.procedure.timeUnit}`}
        </Row>
        <Row label={t('desk.channel')}>{t(`channel.${d.channel}` as 'channel.online')}</Row>
        {sub && <Row label={t('desk.subState')}>{sub}</Row>}
        <Row label={t('desk.submittedAt')}>{formatDateTime(d.submittedAt)}</Row>
        {d.receivedAt && <Row label={t('desk.receivedAt')}>{formatDateTime(d.receivedAt)}</Row>}
        {d.dueAt && (
          <Row label={t('desk.dueAt')}>
            <strong>{formatDateTime(d.dueAt)}</strong>
            {d.dueExplanation && <span class="small muted ps-explain">{pick(d.dueExplanation)}</span>}
          </Row>
        )}
        {d.extendedDueAt && <Row label={t('desk.extendedDueAt')}>{formatDateTime(d.extendedDueAt)}</Row>}
        {d.pausedSince && <Row label={t('desk.pausedSince')}>{formatDateTime(d.pausedSince)}</Row>}
        {d.supplementRequests > 0 && <Row label={t('desk.supplements')}>{d.supplementRequests}</Row>}
        {d.receivingAgency && <Row label={t('desk.receiving')}>{agencyName(d.receivingAgency)}</Row>}
        {d.handlingAgency && <Row label={t('desk.handling')}>{agencyName(d.handlingAgency)}</Row>}
        <Row label={t('desk.assignee')}>{d.assignee?.name ?? <span class="muted">{t('queue.unassigned')}</span>}</Row>
        {d.finishedAt && <Row label={t('desk.finishedAt')}>{formatDateTime(d.finishedAt)}</Row>}
        {d.outcome && <Row label={t('desk.outcome')}>{t(`outcome.${d.outcome}` as 'outcome.approved')}</Row>}
        {d.resultNumber && <Row label={t('desk.resultNumber')}>{d.resultNumber}</Row>}
        {d.resultSha256 && <Row label={t('desk.resultHash')}><code class="ps-hash">{d.resultSha256}</code></Row>}
        {d.returnedAt && <Row label={t('desk.returnedAt')}>{formatDateTime(d.returnedAt)}</Row>}
      </dl>
      {d.supplementRequests > 1 && <p class="alert alert--warning">{t('desk.secondSupplement')}</p>}
    </section>
  );
}

/**
 * `/can-bo/ho-so/:id`: one dossier at the desk. Everything the server returns for staff (the read
 * is audited there), and the action panel driven by the server's `allowedActions`.
 */
export function DossierDesk({ id, user }: { id: string; user: User }) {
  const t = useDossierT();
  const dossier = useApi<DossierDetail>(dossierUrl(id));
  const d = dossier.data;
  const payment = useApi<PaymentView>(d && d.feeStatus && d.feeStatus !== 'none' ? `${dossierUrl(id)}/payment` : null);
  // The form's field titles come from the procedure version the dossier was filed on.
  const version = useApi<{ formSchema: Record<string, unknown> }>(d ? `/api/v1/procedures/${encodeURIComponent(d.procedure.code)}/versions/${d.procedure.version}` : null);
  const titles = useMemo(() => fieldTitles(version.data?.formSchema), [version.data]);
  useTitle(d ? (d.code ? t('desk.title', { code: d.code }) : t('desk.titleNoCode')) : t('queue.title'));
  const reload = () => {
    dossier.reload();
    payment.reload();
  };
  return (
    <div class="stack ps-desk">
      <p>
        <Link href={DESK_PATH}>← {t('desk.back')}</Link>
      </p>
      {dossier.loading && !d && <Loading />}
      <ProblemBox error={dossier.error} onRetry={dossier.reload} />
      {d && (
        <>
          <PageHead title={d.code ? t('desk.title', { code: d.code }) : t('desk.titleNoCode')} lead={d.procedure.name} actions={<StatusBadge label={d.statusLabel} status={d.status} />} />
          <div class="ps-desk__grid">
            <div class="stack ps-desk__main">
              <Summary d={d} />
              <FormDataCard data={d.formData} titles={titles} />
              <ComponentsCard d={d} canScan={d.allowedActions.includes('add_scan')} onDone={reload} />
              <DocumentsCard d={d} />
              <PausesCard d={d} />
              <ConsultationsCard d={d} myAgencyId={user.agencyId ?? null} onDone={reload} />
            </div>
            <div class="stack ps-desk__side">
              {isReader(user) && d.allowedActions.length === 0 ? <p class="alert alert--info">{t('desk.readOnly')}</p> : <DossierActions dossier={d} user={user} onDone={reload} />}
              <ApplicantCard d={d} />
              <PaymentCard d={d} payment={payment.data} />
              <TimelineCard d={d} />
            </div>
          </div>
        </>
      )}
    </div>
  );
}
