import { useState } from 'preact/hooks';
import { ApiError, asApiError } from '../../lib/api.js';
import { useApi } from '../../lib/use-api.js';
import { ProblemBox } from '../../ui/Problem.js';
import { useCitizenPsT } from '../i18n/citizen.js';
import type { DossierDetail, EvaluationInput, ProcedureDetail } from '../types.js';
import { Link } from '../../lib/router.js';
import { dossierCommand, dossierUrl, evaluate, pagePaths, postForm, procedureUrl } from './api.js';
import { ACCEPT, formatSize } from './filing/Uploads.js';

interface Props {
  d: DossierDetail;
  onDone(): void;
}

/** Runs one command, keeping its error and busy state. */
function useCommand() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const [done, setDone] = useState(false);
  async function run(task: () => Promise<unknown>, after: () => void): Promise<void> {
    setBusy(true);
    setError(undefined);
    try {
      await task();
      setDone(true);
      after();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, done, run };
}

/** Bổ sung giấy tờ: the clock is paused until the applicant sends what was asked for. */
export function Supplement({ d, onDone }: Props) {
  const t = useCitizenPsT();
  const version = useApi<ProcedureDetail>(`${procedureUrl(d.procedure.code)}/versions/${d.procedure.version}`);
  const [files, setFiles] = useState<Record<string, File>>({});
  const [note, setNote] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const cmd = useCommand();
  const pause = [...d.pauses].reverse().find((p) => p.kind === 'supplement' && !p.endedAt);
  const components = version.data?.components ?? [];
  async function send(e: Event) {
    e.preventDefault();
    const form = new FormData();
    form.append('note', note.trim());
    for (const [code, file] of Object.entries(files)) form.append(code, file, file.name);
    await cmd.run(
      () => postForm(`${dossierUrl(d.id)}/supplement`, form, setProgress),
      () => {
        setProgress(null);
        onDone();
      },
    );
    setProgress(null);
  }
  return (
    <section class="card stack ps-action" aria-labelledby="ps-supplement">
      <h2 id="ps-supplement">{t('supp.title')}</h2>
      {pause && (
        <div class="alert alert--warning">
          <p>{t('supp.asked')}</p>
          {pause.items && pause.items.length > 0 && (
            <ul>
              {pause.items.map((i) => (
                <li key={i}>{i}</li>
              ))}
            </ul>
          )}
          {pause.reason && <p class="ps-text">{pause.reason}</p>}
        </div>
      )}
      <form class="stack" onSubmit={(e) => void send(e)}>
        {components.map((c) => (
          <div class="field" key={c.code}>
            <label for={`ps-supp-${c.code}`}>{c.name}</label>
            <input id={`ps-supp-${c.code}`} type="file" accept={ACCEPT} onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              setFiles((all) => {
                const next = { ...all };
                if (file) next[c.code] = file;
                else delete next[c.code];
                return next;
              });
            }} />
            {files[c.code] && <span class="field__hint">{formatSize(files[c.code]!.size)}</span>}
          </div>
        ))}
        <div class="field">
          <label for="ps-supp-note">{t('supp.note')}</label>
          <textarea id="ps-supp-note" rows={3} maxLength={2000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </div>
        {progress !== null && <progress max={1} value={progress} aria-label={t('supp.sending')} />}
        <ProblemBox error={cmd.error} />
        <button type="submit" class="btn" disabled={cmd.busy || Object.keys(files).length === 0}>
          {cmd.busy ? t('supp.sending') : t('supp.send')}
        </button>
      </form>
    </section>
  );
}

/** After a request to complete the dossier (Mẫu 02): edit it in the filing form, then resubmit. */
export function Resubmit({ d }: { d: DossierDetail }) {
  const t = useCitizenPsT();
  return (
    <section class="card stack ps-action" aria-labelledby="ps-resubmit">
      <h2 id="ps-resubmit">{t('resubmit.title')}</h2>
      <p>{t('resubmit.lead')}</p>
      <p>
        <Link class="btn" href={`${pagePaths.file(d.procedure.code)}?ho-so=${encodeURIComponent(d.id)}`}>
          {t('resubmit.go')}
        </Link>
      </p>
    </section>
  );
}

/** Rút hồ sơ: the applicant asks to withdraw; confirmed in a second step. */
export function Withdraw({ d, onDone }: Props) {
  const t = useCitizenPsT();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const cmd = useCommand();
  if (!open) {
    return (
      <p>
        <button type="button" class="btn btn--secondary" onClick={() => setOpen(true)}>
          {t('wd.open')}
        </button>
      </p>
    );
  }
  return (
    <section class="card stack ps-action" aria-labelledby="ps-withdraw">
      <h2 id="ps-withdraw">{t('wd.title')}</h2>
      <p>{t('wd.lead')}</p>
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void cmd.run(() => dossierCommand(d.id, 'withdraw', { reason: reason.trim() }), onDone);
        }}
      >
        <div class="field">
          <label for="ps-wd-reason">{t('wd.reason')}</label>
          <textarea id="ps-wd-reason" rows={3} maxLength={1000} required value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        </div>
        <ProblemBox error={cmd.error} />
        <div class="row">
          <button type="submit" class="btn btn--danger" disabled={cmd.busy || reason.trim().length < 3}>
            {t('wd.confirm')}
          </button>
          <button type="button" class="btn btn--secondary" onClick={() => setOpen(false)}>
            {t('wd.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

const CRITERIA = ['timeliness', 'contacts', 'attitude', 'clarity'] as const;

function Stars({ name, label, value, onValue }: { name: string; label: string; value: number; onValue(v: number): void }) {
  const t = useCitizenPsT();
  return (
    <fieldset class="ps-stars">
      <legend>{label}</legend>
      {[1, 2, 3, 4, 5].map((n) => (
        <label key={n} class="ps-star">
          <input type="radio" name={name} value={n} checked={value === n} onChange={() => onValue(n)} />
          <span>{t(`eval.level.${n}` as 'eval.level.1')}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** Đánh giá mức độ hài lòng: once per dossier, after the result; shown while the detail's `allowedActions` has `evaluate`. */
export function Evaluation({ d }: { d: DossierDetail }) {
  const t = useCitizenPsT();
  const [rating, setRating] = useState(0);
  const [criteria, setCriteria] = useState<EvaluationInput['criteria']>({ timeliness: 0, contacts: 0, attitude: 0, clarity: 0 });
  const [comment, setComment] = useState('');
  const cmd = useCommand();
  const complete = rating > 0 && CRITERIA.every((c) => criteria[c] > 0);
  if (cmd.done) return <p class="alert alert--success" role="status">{t('eval.thanks')}</p>;
  // Rated meanwhile (another tab or device): the server refuses a second one.
  if (cmd.error?.status === 409) return <p class="alert alert--info" role="status">{t('eval.already')}</p>;
  return (
    <section class="card stack ps-action" aria-labelledby="ps-eval">
      <h2 id="ps-eval">{t('eval.title')}</h2>
      <p class="small muted">{t('eval.lead')}</p>
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void cmd.run(
            () => evaluate(d.id, { rating, criteria, ...(comment.trim() ? { comment: comment.trim() } : {}) }),
            () => {},
          );
        }}
      >
        <Stars name="ps-eval-overall" label={t('eval.overall')} value={rating} onValue={setRating} />
        {CRITERIA.map((c) => (
          <Stars key={c} name={`ps-eval-${c}`} label={t(`eval.${c}`)} value={criteria[c]} onValue={(v) => setCriteria({ ...criteria, [c]: v })} />
        ))}
        <div class="field">
          <label for="ps-eval-comment">{t('eval.comment')}</label>
          <textarea id="ps-eval-comment" rows={3} maxLength={2000} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
        </div>
        <ProblemBox error={cmd.error} />
        <button type="submit" class="btn" disabled={cmd.busy || !complete}>
          {t('eval.send')}
        </button>
      </form>
    </section>
  );
}
