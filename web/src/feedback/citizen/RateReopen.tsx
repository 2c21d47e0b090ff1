import { useState } from 'preact/hooks';
import { asApiError, type ApiError } from '../../lib/api.js';
import { ProblemBox } from '../../ui/Problem.js';
import { rate, reopen } from '../api.js';
import { useFeedbackT } from '../i18n/index.js';
import { ReasonForm } from '../ReasonForm.js';

const STARS = [1, 2, 3, 4, 5] as const;

/** The reporter's rating of the result: 1–5 as radio buttons (keyboard and screen-reader friendly). */
export function RateReport({ id, onDone }: { id: string; onDone(): void }) {
  const t = useFeedbackT();
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const [missing, setMissing] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (!stars) {
      setMissing(true);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await rate(id, stars, comment);
      onDone();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card" aria-labelledby="fb-rate">
      <h2 id="fb-rate">{t('rate.title')}</h2>
      <form class="form" onSubmit={submit}>
        <fieldset class="fb-stars" aria-describedby={missing ? 'fb-stars-error' : undefined}>
          <legend>{t('rate.question')}</legend>
          {STARS.map((n) => (
            <label key={n} class="fb-star">
              <input type="radio" name="fb-stars" value={n} checked={stars === n} onChange={() => (setStars(n), setMissing(false))} />
              <span aria-hidden="true">{'★'.repeat(n)}</span>
              <span>{t(`rate.${n}`)}</span>
            </label>
          ))}
          {missing && (
            <p class="field__error" id="fb-stars-error">
              {t('rate.missing')}
            </p>
          )}
        </fieldset>
        <div class="field">
          <label for="fb-rate-comment">{t('rate.comment')}</label>
          <textarea id="fb-rate-comment" rows={3} maxLength={1000} value={comment} onInput={(e) => setComment((e.currentTarget as HTMLTextAreaElement).value)} />
        </div>
        <ProblemBox error={error} />
        <div class="row">
          <button class="btn" type="submit" disabled={busy}>
            {t('rate.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** "It is not fixed": the report goes back to the agency's queue, with the reporter's reason. */
export function ReopenReport({ id, onDone }: { id: string; onDone(): void }) {
  const t = useFeedbackT();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();

  async function submit() {
    setBusy(true);
    setError(undefined);
    try {
      await reopen(id, reason);
      setOpen(false);
      onDone();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card card--flat" aria-labelledby="fb-reopen">
      <h2 id="fb-reopen">{t('reopen.title')}</h2>
      <p class="muted">{t('reopen.lead')}</p>
      {!open ? (
        <button type="button" class="btn btn--secondary" onClick={() => setOpen(true)}>
          {t('reopen.open')}
        </button>
      ) : (
        <ReasonForm
          id="fb-reopen-reason"
          label={t('reopen.reason')}
          value={reason}
          onValue={setReason}
          rows={3}
          maxLength={2000}
          busy={busy}
          submitLabel={t('reopen.submit')}
          cancelLabel={t('reopen.cancel')}
          onSubmit={() => void submit()}
          onCancel={() => setOpen(false)}
        >
          <ProblemBox error={error} />
        </ReasonForm>
      )}
    </section>
  );
}
