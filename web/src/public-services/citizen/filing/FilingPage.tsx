import { useMemo, useRef, useState } from 'preact/hooks';
import { asApiError, type ApiError } from '../../../lib/api.js';
import { Link, navigate, useSearchParam, useTitle } from '../../../lib/router.js';
import { signInUrl, type User } from '../../../lib/session.js';
import { useApi } from '../../../lib/use-api.js';
import { PageHead } from '../../../ui/Field.js';
import { Loading, ProblemBox } from '../../../ui/Problem.js';
import { useCitizenPsT } from '../../i18n/citizen.js';
import type { ProcedureDetail } from '../../types.js';
import { pagePaths, procedureUrl } from '../api.js';
import { fieldsOf, type FieldSpec } from '../form/schema.js';
import { SchemaForm } from '../form/SchemaForm.js';
import { Breadcrumbs, StatusChip, timeLimit } from '../parts.js';
import { canFileOnline } from '../Procedure.js';
import { ApplicantBlock } from './ApplicantBlock.js';
import { countProblems, IDS, problemsOf, type Problems } from './checks.js';
import { CommuneField, Exemptions, SyncStatus } from './FormParts.js';
import { ErrorSummary } from './ErrorSummary.js';
import { Uploads } from './Uploads.js';
import { useFiling } from './use-filing.js';

/** Nộp hồ sơ trực tuyến: signed in only; others are sent to sign in and brought back here. */
export function FilingPage({ code, user }: { code: string; user: User | null | undefined }) {
  const t = useCitizenPsT();
  const res = useApi<ProcedureDetail>(user ? procedureUrl(code) : null);
  const p = res.data;
  useTitle(t('file.title', { name: p?.name ?? code }));
  const crumbs = <Breadcrumbs items={[{ href: pagePaths.catalog, label: t('cat.title') }, { href: pagePaths.procedure(code), label: p?.name ?? code }, { label: t('file.crumb') }]} />;
  if (user === undefined) return <Loading />;
  if (user === null) {
    return (
      <div class="stack">
        {crumbs}
        <section class="card stack">
          <h1>{t('file.signInTitle')}</h1>
          <p>{t('file.signInBody')}</p>
          <p>
            <a class="btn" href={signInUrl()}>
              {t('file.signIn')}
            </a>
          </p>
        </section>
      </div>
    );
  }
  return (
    <div class="stack ps-filing">
      {crumbs}
      <PageHead title={p ? p.name : t('file.crumb')} lead={p ? t('file.lead', { time: timeLimit(t, p.timeAmount, p.timeUnit) }) : undefined} />
      {res.loading && !p && <Loading />}
      <ProblemBox error={res.error} onRetry={res.reload} />
      {p && !canFileOnline(p) && (
        <div class="alert alert--info">
          <p>{t('file.notOnline')}</p>
          <p>
            <Link href={pagePaths.procedure(p.code)}>{t('file.seeProcedure')}</Link>
          </p>
        </div>
      )}
      {p && canFileOnline(p) && <FilingForm user={user} procedure={p} />}
    </div>
  );
}

function FilingForm({ user, procedure }: { user: User; procedure: ProcedureDetail }) {
  const t = useCitizenPsT();
  const fields = useMemo<FieldSpec[]>(() => fieldsOf(procedure.formSchema), [procedure]);
  const resumeId = useSearchParam('ho-so');
  const filing = useFiling(user, procedure, fields, resumeId);
  const [tried, setTried] = useState(false);
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<ApiError | undefined>();
  const summary = useRef<HTMLDivElement>(null);
  const { draft } = filing;

  if (filing.alreadySubmitted) {
    const d = filing.alreadySubmitted;
    return (
      <div class="alert alert--info" role="status">
        <p>
          {t('file.alreadySubmitted')} <StatusChip status={d.status} label={d.statusLabel} />
        </p>
        <p>
          <Link href={pagePaths.dossier(d.id)}>{t('file.openDossier')}</Link>
        </p>
      </div>
    );
  }
  if (!draft) return <Loading label={t('file.restoring')} />;
  const problems: Problems | null = tried ? problemsOf(draft, procedure, fields) : null;

  async function submit(e: Event) {
    e.preventDefault();
    setTried(true);
    setSendError(undefined);
    if (countProblems(problemsOf(draft!, procedure, fields)) > 0) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setSending(true);
    try {
      const filed = await filing.submit();
      navigate(`${pagePaths.dossier(filed.id)}?moi=1`);
    } catch (error) {
      setSendError(asApiError(error));
      setSending(false);
      requestAnimationFrame(() => summary.current?.focus());
    }
  }

  return (
    <form class="stack ps-form" noValidate onSubmit={(e) => void submit(e)}>
      {filing.resubmission && <p class="alert alert--warning">{t('file.resubmission')}</p>}
      {filing.restored && !filing.resubmission && (
        <div class="alert alert--info" role="status">
          <p>{t('file.restored')}</p>
          <button type="button" class="btn btn--secondary btn--small" onClick={filing.discard}>
            {t('file.startOver')}
          </button>
        </div>
      )}
      <div ref={summary} tabIndex={-1} class="ps-summary-anchor">
        {problems && countProblems(problems) > 0 && <ErrorSummary problems={problems} fields={fields} procedure={procedure} />}
        {sendError && <SendProblem error={sendError} />}
      </div>
      <ApplicantBlock draft={draft} subjects={procedure.subjects} user={user} problems={problems?.applicant ?? null} update={filing.update} />
      {procedure.level === 'commune' && <CommuneField value={draft.communeCode} onValue={(communeCode) => filing.update({ communeCode })} missing={!!problems?.commune} />}
      {fields.length > 0 && (
        <section class="ps-step stack" aria-labelledby="ps-form-title">
          <h2 id="ps-form-title">{t('file.form')}</h2>
          <p class="field__hint">{t('file.formHint')}</p>
          <SchemaForm fields={fields} value={draft.form} onChange={(form) => filing.update({ form })} problems={problems?.form ?? new Map()} idPrefix={IDS.formPrefix} />
        </section>
      )}
      <Uploads components={procedure.components} filing={filing} missing={problems?.components ?? null} />
      <Exemptions fees={procedure.fees} value={draft.exemptionCodes} onValue={(exemptionCodes) => filing.update({ exemptionCodes })} />
      <div class="ps-submit">
        <SyncStatus filing={filing} />
        <button type="submit" class="btn" disabled={sending || Object.values(filing.uploads).some((u) => u.state === 'uploading')}>
          {sending ? t('file.sending') : filing.resubmission ? t('file.resubmit') : t('file.submit')}
        </button>
        <p class="small muted">{t('file.submitNote')}</p>
      </div>
    </form>
  );
}

function SendProblem({ error }: { error: ApiError }) {
  const t = useCitizenPsT();
  return (
    <div class="stack">
      {error.status === 0 && <p class="alert alert--warning">{t('file.offlineSubmit')}</p>}
      <ProblemBox error={error} />
    </div>
  );
}
