import { useState } from 'preact/hooks';
import { asApiError, type ApiError } from '../../lib/api.js';
import { useLang } from '../../lib/i18n.js';
import type { User } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { TextField } from '../../ui/Field.js';
import { fieldError, ProblemBox } from '../../ui/Problem.js';
import { followUrl, setFollowing, subscribe, type SubscribeInput } from '../follow/api.js';
import { useFollowT } from '../follow/i18n.js';

/** "Theo dõi qua thư điện tử" on a report's page: one click when signed in, else an address to confirm. */
export function FollowReport({ reportId, user }: { reportId: string; user: User | null | undefined }) {
  const t = useFollowT();
  // Undefined while the session loads: wait rather than show the address form to a signed-in person.
  if (user === undefined) return null;
  return (
    <section class="card card--flat stack" aria-labelledby="fb-follow">
      <h2 id="fb-follow">{t('follow.title')}</h2>
      {user ? <FollowToggle reportId={reportId} email={user.email} /> : <SubscribeForm input={(email) => ({ email, scope: 'report', reportId })} lead={t('follow.lead')} submit={t('follow.submit')} idPrefix="fb-follow" />}
    </section>
  );
}

function FollowToggle({ reportId, email }: { reportId: string; email: string }) {
  const t = useFollowT();
  const state = useApi<{ following: boolean }>(followUrl(reportId));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const following = state.data?.following ?? false;

  async function toggle() {
    setBusy(true);
    setError(undefined);
    try {
      await setFollowing(reportId, !following);
      state.reload();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p class="muted" role="status">
        {following ? t('follow.following', { email }) : t('follow.signedInLead')}
      </p>
      <ProblemBox error={error ?? state.error} />
      <div class="row">
        <button type="button" class={following ? 'btn btn--secondary' : 'btn'} disabled={busy || !state.data} onClick={toggle}>
          {following ? t('follow.off') : t('follow.on')}
        </button>
      </div>
    </>
  );
}

/** An address and a button; after sending, the same words whatever the server knew (it says nothing either). */
export function SubscribeForm({ input, lead, submit, idPrefix, disabled }: { input(email: string): SubscribeInput; lead: string; submit: string; idPrefix: string; disabled?: boolean }) {
  const t = useFollowT();
  const { lang } = useLang();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();

  async function send(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await subscribe(input(email.trim()));
      setSentTo(email.trim());
      setEmail('');
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="form stack" onSubmit={send}>
      <p class="muted">{lead}</p>
      <TextField id={`${idPrefix}-email`} label={t('follow.email')} type="email" autoComplete="email" inputMode="email" required maxLength={254} value={email} onValue={setEmail} error={fieldError(error, 'body.email', lang)} />
      <ProblemBox error={error} />
      {sentTo && (
        <div class="alert alert--success" role="status">
          <p>{t('follow.sent', { email: sentTo })}</p>
        </div>
      )}
      <div class="row">
        <button class="btn" type="submit" disabled={busy || disabled}>
          {submit}
        </button>
      </div>
    </form>
  );
}
