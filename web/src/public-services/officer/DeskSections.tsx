import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { SUB_STATES, statusLabel } from '../../../../src/modules/public-services/statuses.js';
import { api, asApiError, type ApiError } from '../../lib/api.js';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.js';
import { useBilingual } from '../../lib/i18n.js';
import { ProblemBox } from '../../ui/Problem.js';
import { agencyName, documentUrl, dossierUrl, fileUrl, type DossierDetail, type PaymentView } from './api.js';
import { useDossierT } from './i18n/index.js';
import { ScanUpload } from './ScanUpload.js';

type T = ReturnType<typeof useDossierT>;

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Chủ hồ sơ: personal data, shown to staff only (the server audits the read). */
export function ApplicantCard({ d }: { d: DossierDetail }) {
  const t = useDossierT();
  const a = d.applicant;
  if (!a) return null;
  const rows: Array<[string, string | undefined]> = [
    [t('desk.name'), a.name],
    [t('desk.idNumber'), a.idNumber],
    [t('desk.organisation'), a.organisation],
    [t('desk.taxCode'), a.taxCode],
    [t('desk.address'), a.address],
  ];
  return (
    <section class="card stack ps-applicant" aria-labelledby="ps-applicant">
      <h2 id="ps-applicant">{t('desk.applicant')}</h2>
      <dl class="ps-details">
        <Row label={t('desk.applicantKind')}>{t(`kind.${d.applicantKind}` as 'kind.citizen')}</Row>
        {rows.filter(([, v]) => v).map(([label, v]) => (
          <Row key={label} label={label}>
            {v}
          </Row>
        ))}
        {a.phone && <Row label={t('desk.phone')}><a href={`tel:${a.phone.replace(/[^\d+]/g, '')}`}>{a.phone}</a></Row>}
        {a.email && <Row label={t('desk.email')}><a href={`mailto:${a.email}`}>{a.email}</a></Row>}
        {d.onBehalf && <Row label={t('desk.onBehalf')}>✓</Row>}
      </dl>
      <p class="small muted">{t('desk.applicantNote')}</p>
    </section>
  );
}

function show(value: unknown, yesNo: (v: boolean) => string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return yesNo(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The e-form's answers, field by field (labels from the form's schema when it gives titles). */
export function FormDataCard({ data, titles }: { data: Record<string, unknown> | null; titles?: Record<string, string> }) {
  const t = useDossierT();
  const entries = Object.entries(data ?? {});
  const yesNo = (v: boolean) => (v ? t('desk.yes') : t('desk.no'));
  // The schema's order, then anything else the form holds.
  const order = Object.keys(titles ?? {});
  entries.sort(([a], [b]) => (order.indexOf(a) + 1 || 1e6) - (order.indexOf(b) + 1 || 1e6));
  return (
    <section class="card stack" aria-labelledby="ps-form">
      <h2 id="ps-form">{t('desk.formData')}</h2>
      {entries.length === 0 ? (
        <p class="muted">{t('desk.noFormData')}</p>
      ) : (
        <dl class="ps-details">
          {entries.map(([k, v]) => (
            <Row key={k} label={titles?.[k] ?? k}>
              <span class="ps-value">{show(v, yesNo)}</span>
            </Row>
          ))}
        </dl>
      )}
    </section>
  );
}

/** The components with links to their files; staff of an open dossier may add scans of paper ones. */
export function ComponentsCard({ d, canScan, onDone }: { d: DossierDetail; canScan: boolean; onDone(): void }) {
  const t = useDossierT();
  return (
    <section class="card stack" aria-labelledby="ps-components">
      <h2 id="ps-components">{t('desk.components')}</h2>
      {d.components.length === 0 ? (
        <p class="muted">{t('desk.noComponents')}</p>
      ) : (
        <ul class="plain-list ps-list">
          {d.components.map((c) => (
            <li key={c.id}>
              <strong>{c.name ?? c.componentCode}</strong>
              <span class="small muted">
                {' '}
                · {t(`kindc.${c.kind}` as 'kindc.copy')} · {t('comp.addedIn')}: {t(`added.${c.addedIn}` as 'added.receipt')}
                {c.digitised && ` · ${t('comp.digitised')}`}
                {c.reusedFrom && ` · ${t('comp.reused')}`}
              </span>
              <div>
                {c.fileId ? (
                  <a href={fileUrl(c.fileId)} target="_blank" rel="noopener">
                    {t('comp.open')}
                  </a>
                ) : (
                  <span class="muted">{t('comp.noFile')}</span>
                )}
                {c.sha256 && <code class="small ps-hash"> {c.sha256.slice(0, 12)}…</code>}
              </div>
            </li>
          ))}
        </ul>
      )}
      {canScan && <ScanUpload d={d} onDone={onDone} />}
    </section>
  );
}

export function DocumentsCard({ d }: { d: DossierDetail }) {
  const t = useDossierT();
  return (
    <section class="card stack" aria-labelledby="ps-documents">
      <h2 id="ps-documents">{t('desk.documents')}</h2>
      {d.documents.length === 0 ? (
        <p class="muted">{t('desk.noDocuments')}</p>
      ) : (
        <ul class="plain-list ps-list">
          {d.documents.map((doc) => (
            <li key={doc.id}>
              <a href={documentUrl(d.id, doc.id)} target="_blank" rel="noopener">
                {t(`doc.${doc.kind}` as 'doc.receipt')}
              </a>
              <span class="small muted">
                {doc.number ? ` · ${doc.number}` : ''} · {formatDateTime(doc.createdAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {d.code && (
        <p>
          <a href={`${dossierUrl(d.id)}/control-sheet`} target="_blank" rel="noopener">
            {t('desk.controlSheet')}
          </a>
        </p>
      )}
    </section>
  );
}

export function PaymentCard({ d, payment }: { d: DossierDetail; payment: PaymentView | undefined }) {
  const t = useDossierT();
  if (!d.feeStatus || (d.feeStatus === 'none' && !Number(d.feeTotal ?? 0))) return null;
  return (
    <section class="card stack" aria-labelledby="ps-payment">
      <h2 id="ps-payment">{t('desk.payment')}</h2>
      <dl class="ps-details">
        <Row label={t('pay.total')}>{formatNumber(Number(payment?.amount ?? d.feeTotal ?? 0))} đ</Row>
        <Row label={t('pay.status')}>
          <span class={`badge ${d.feeStatus === 'paid' ? 'badge--ok' : d.feeStatus === 'unpaid' ? 'badge--warn' : 'badge--muted'}`}>{t(`pay.${d.feeStatus}` as 'pay.paid')}</span>
        </Row>
        {d.paymentReference && <Row label={t('pay.reference')}><code>{d.paymentReference}</code></Row>}
      </dl>
      {payment?.payments && payment.payments.length > 0 && (
        <ul class="plain-list small">
          {payment.payments.map((p, i) => (
            <li key={i}>
              {t('pay.history')}: {formatNumber(Number(p.amount))} đ · {p.method} · {formatDateTime(p.paidAt)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function PausesCard({ d }: { d: DossierDetail }) {
  const t = useDossierT();
  if (d.pauses.length === 0) return null;
  return (
    <section class="card stack" aria-labelledby="ps-pauses">
      <h2 id="ps-pauses">{t('desk.pauses')}</h2>
      <ul class="plain-list ps-list">
        {d.pauses.map((p, i) => (
          <li key={p.id ?? i}>
            <strong>{t(`pause.${p.kind}` as 'pause.supplement')}</strong>{' '}
            <span class="small">{t('pause.range', { from: formatDateTime(p.startedAt), to: p.endedAt ? formatDateTime(p.endedAt) : t('pause.open') })}</span>
            <p class="ps-text">{p.reason}</p>
            {p.items && p.items.length > 0 && (
              <ul>
                {p.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function AnswerForm({ dossierId, consultationId, onDone }: { dossierId: string; consultationId: string; onDone(): void }) {
  const t = useDossierT();
  const [answer, setAnswer] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const id = `ps-answer-${consultationId}`;
  return (
    <form
      class="form stack"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        setError(undefined);
        api(`${dossierUrl(dossierId)}/consultations/${encodeURIComponent(consultationId)}/answer`, { method: 'POST', body: { answer: answer.trim() } }).then(
          () => {
            setBusy(false);
            onDone();
          },
          (err: unknown) => {
            setBusy(false);
            setError(asApiError(err));
          },
        );
      }}
    >
      <ProblemBox error={error} />
      <div class="field">
        <label for={id}>{t('consult.answerLabel')}</label>
        <textarea id={id} rows={3} required maxLength={4000} value={answer} onInput={(e) => setAnswer((e.currentTarget as HTMLTextAreaElement).value)} />
      </div>
      <div class="row">
        <button type="submit" class="btn btn--secondary" disabled={busy || !answer.trim()}>
          {t('consult.send')}
        </button>
      </div>
    </form>
  );
}

/** Xin ý kiến: each question, its deadline and the answer; the consulted agency answers here. */
export function ConsultationsCard({ d, myAgencyId, onDone }: { d: DossierDetail; myAgencyId: string | null; onDone(): void }) {
  const t = useDossierT();
  if (d.consultations.length === 0) return null;
  return (
    <section class="card stack" aria-labelledby="ps-consultations">
      <h2 id="ps-consultations">{t('desk.consultations')}</h2>
      <ul class="plain-list ps-list">
        {d.consultations.map((c) => {
          const to = c.toAgency?.id ?? c.toAgencyId;
          return (
            <li key={c.id} class="stack">
              <p>
                <strong>{agencyName(c.toAgency)}</strong> · <span class="small">{t('consult.due', { date: formatDateTime(c.dueAt) })}</span>
              </p>
              <p class="ps-text">{c.question}</p>
              {c.answer ? <p class="ps-text ps-answer">{c.answer}</p> : <p class="muted">{t('consult.waiting')}</p>}
              {!c.answer && myAgencyId && to === myAgencyId && <AnswerForm dossierId={d.id} consultationId={c.id} onDone={onDone} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function eventText(t: T, pick: (p: { vi: string; en: string }) => string, e: DossierDetail['events'][number]): string {
  const status = pick(statusLabel(e.toStatus));
  const sub = e.subState && e.subState in SUB_STATES ? pick(SUB_STATES[e.subState as keyof typeof SUB_STATES]) : null;
  return sub ? `${status} — ${sub}` : status;
}

/** Quá trình xử lý: every event, with internal comments marked as such. */
export function TimelineCard({ d }: { d: DossierDetail }) {
  const t = useDossierT();
  const pick = useBilingual();
  return (
    <section class="card stack" aria-labelledby="ps-timeline">
      <h2 id="ps-timeline">{t('desk.timeline')}</h2>
      <ol class="ps-timeline">
        {d.events.map((e, i) => (
          <li key={i} class="ps-timeline__item">
            <p class="ps-timeline__head">
              <strong>{eventText(t, pick, e)}</strong>
              <span class="small muted nowrap">{formatDateTime(e.at)}</span>
            </p>
            <p class="small">
              {e.actorLabel}
              {agencyName(e.agency) && ` · ${agencyName(e.agency)}`}
              {agencyName(e.toAgency) && ` → ${agencyName(e.toAgency)}`}
              {e.stepDueAt && ` · ${t('queue.stepDue', { date: formatDateTime(e.stepDueAt) })}`}
            </p>
            {e.publicNote && <p class="ps-text">{pick(e.publicNote)}</p>}
            {e.comment && (
              <p class="ps-text ps-internal">
                <span class="badge badge--muted">{t('desk.internal')}</span> {e.comment}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
