import { useState } from 'preact/hooks';
import { asApiError, type ApiError } from '../../lib/api.js';
import { formatDateTime } from '../../lib/format.js';
import { navigate, useTitle } from '../../lib/router.js';
import { useApi } from '../../lib/use-api.js';
import { PageHead, TextField } from '../../ui/Field.js';
import { Loading, ProblemBox } from '../../ui/Problem.js';
import { useCitizenPsT } from '../i18n/citizen.js';
import type { TrackVerified, TrackView } from '../types.js';
import { pagePaths, trackDocumentUrl, trackUrl, verifyTracking } from './api.js';
import { formatMoney } from './format.js';
import { Breadcrumbs, DueDate, Facts, StatusChip, Timeline } from './parts.js';

/** Tra cứu hồ sơ: anyone with the code sees where a dossier is — and nothing personal. */
export function Track({ code }: { code: string | null }) {
  const t = useCitizenPsT();
  useTitle(code ? t('track.titleCode', { code }) : t('track.title'));
  return (
    <div class="stack ps-track">
      <Breadcrumbs items={[{ href: pagePaths.catalog, label: t('cat.title') }, { label: t('track.title') }]} />
      <PageHead title={code ? t('track.titleCode', { code }) : t('track.title')} lead={t('track.lead')} />
      <Lookup initial={code ?? ''} />
      {code && <TrackResult key={code} code={code} />}
    </div>
  );
}

function Lookup({ initial }: { initial: string }) {
  const t = useCitizenPsT();
  const [value, setValue] = useState(initial);
  return (
    <form
      class="card form--inline ps-lookup"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        const code = value.trim().toUpperCase();
        if (code) navigate(pagePaths.track(code));
      }}
    >
      <TextField id="ps-track-code" label={t('track.code')} hint={t('track.codeHint')} value={value} onValue={setValue} autoComplete="off" maxLength={60} />
      <button type="submit" class="btn">
        {t('track.go')}
      </button>
    </form>
  );
}

function TrackResult({ code }: { code: string }) {
  const t = useCitizenPsT();
  const res = useApi<TrackView>(trackUrl(code));
  const [verified, setVerified] = useState<TrackVerified | null>(null);
  const d = verified ?? res.data;
  if (res.loading && !d) return <Loading />;
  if (res.error) {
    return res.error.status === 404 ? <p class="alert alert--warning">{t('track.notFound', { code })}</p> : <ProblemBox error={res.error} onRetry={res.reload} />;
  }
  if (!d) return null;
  return (
    <>
      <section class="card stack" aria-labelledby="ps-track-status">
        <h2 id="ps-track-status" class="ps-status-line">
          {t('track.status')} <StatusChip status={d.status} label={d.statusLabel} />
        </h2>
        <Facts
          items={[
            [t('track.procedure'), d.procedure.name],
            d.agency && [
              t('track.agency'),
              <>
                {d.agency.name}
                {d.agency.phone && (
                  <span class="ps-block small">
                    {t('track.phone')} <a href={`tel:${d.agency.phone.replace(/[^0-9+]/g, '')}`}>{d.agency.phone}</a>
                  </span>
                )}
              </>,
            ],
            [t('track.receivedAt'), formatDateTime(d.receivedAt)],
            [t('track.dueAt'), <DueDate facts={d} />],
            d.finishedAt && [t('track.finishedAt'), formatDateTime(d.finishedAt)],
            d.returnedAt && [t('track.returnedAt'), formatDateTime(d.returnedAt)],
            d.payment && Number(d.payment.amount) > 0 && [t('track.payment'), `${formatMoney(d.payment.amount)} · ${t(`fee.${d.payment.status}` as 'fee.paid')}`],
          ]}
        />
        {d.payment && d.payment.status === 'unpaid' && Number(d.payment.amount) > 0 && <p class="small muted">{t('track.payOnline')}</p>}
      </section>
      {verified ? <Verified v={verified} /> : <VerifyForm code={code} onVerified={setVerified} />}
      <section class="card stack" aria-labelledby="ps-track-timeline">
        <h2 id="ps-track-timeline">{t('track.timeline')}</h2>
        <Timeline items={d.timeline.map((e) => ({ at: e.at, status: e.status, label: e.statusLabel, note: e.note }))} />
      </section>
    </>
  );
}

/** The phone number on the dossier unlocks the applicant's name and the documents, briefly. */
function VerifyForm({ code, onVerified }: { code: string; onVerified(v: TrackVerified): void }) {
  const t = useCitizenPsT();
  const [phone, setPhone] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  async function verify(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onVerified(await verifyTracking(code, phone.trim()));
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section class="card stack" aria-labelledby="ps-verify">
      <h2 id="ps-verify">{t('track.verifyTitle')}</h2>
      <p class="small muted">{t('track.verifyLead')}</p>
      <form class="form--inline" onSubmit={(e) => void verify(e)}>
        <TextField id="ps-verify-phone" label={t('track.verifyPhone')} type="tel" inputMode="tel" autoComplete="tel" value={phone} onValue={setPhone} required maxLength={15} />
        <button type="submit" class="btn btn--secondary" disabled={busy || phone.trim().length < 8}>
          {t('track.verifyGo')}
        </button>
      </form>
      <ProblemBox error={error} />
    </section>
  );
}

function Verified({ v }: { v: TrackVerified }) {
  const t = useCitizenPsT();
  return (
    <section class="card stack ps-verified" aria-labelledby="ps-verified">
      <h2 id="ps-verified">{t('track.verifiedTitle')}</h2>
      <Facts items={[[t('track.applicant'), v.applicant.name]]} />
      {v.resultAvailable && <p class="alert alert--success">{t('track.resultAvailable')}</p>}
      {v.documents.length === 0 ? (
        <p class="muted">{t('track.noDocuments')}</p>
      ) : (
        <ul class="ps-docs">
          {v.documents.map((doc) => (
            <li key={doc.id}>
              <a href={doc.url || trackDocumentUrl(v.code, doc.id, v.accessToken)} download>
                {t(`doc.${doc.kind}` as 'doc.receipt')}
                {doc.number && ` — ${doc.number}`}
              </a>
            </li>
          ))}
        </ul>
      )}
      <p class="small muted">{t('track.verifiedNote')}</p>
    </section>
  );
}
