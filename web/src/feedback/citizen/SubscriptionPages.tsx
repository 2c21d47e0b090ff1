import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { asApiError, type ApiError } from '../../lib/api.js';
import { useBilingual } from '../../lib/i18n.js';
import { Link, useSearchParam, useTitle } from '../../lib/router.js';
import { PageHead } from '../../ui/Field.js';
import { Loading, ProblemBox } from '../../ui/Problem.js';
import { confirmSubscription, unsubscribe, type SubscriptionView } from '../follow/api.js';
import { useFollowT } from '../follow/i18n.js';

/** Paths of the links in the subscription mails (the server writes them; see subscriptions/links.ts). */
export const CONFIRM_PAGE = '/phan-anh/theo-doi/xac-nhan';
export const UNSUBSCRIBE_PAGE = '/phan-anh/theo-doi/huy';

/**
 * Runs the link's action once, when the page opens: a mail link is a click the person already made.
 * (Mail scanners that fetch links do not run scripts, so they confirm or cancel nothing.)
 */
function useTokenAction<T>(action: (token: string) => Promise<T>) {
  const token = useSearchParam('token');
  const [result, setResult] = useState<T | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  useEffect(() => {
    if (!token) return;
    action(token).then(setResult, (e) => setError(asApiError(e)));
  }, [token]);
  return { token, result, error };
}

function Frame({ title, children }: { title: string; children: ComponentChildren }) {
  const t = useFollowT();
  useTitle(title);
  return (
    <div class="stack fb-subscription">
      <PageHead title={title} />
      {children}
      <p>
        <Link href="/phan-anh">{t('back.list')}</Link>
      </p>
    </div>
  );
}

const what = (pick: (p: { vi: string; en: string }) => string, view: SubscriptionView | null | undefined) => (view ? pick(view.label) : '');

export function ConfirmSubscription() {
  const t = useFollowT();
  const pick = useBilingual();
  const { token, result, error } = useTokenAction(confirmSubscription);
  return (
    <Frame title={t('confirm.title')}>
      {!token && <p class="alert alert--error">{t('link.missing')}</p>}
      {token && !result && !error && <Loading label={t('confirm.working')} />}
      <ProblemBox error={error} />
      {result && (
        <div class="alert alert--success" role="status">
          <p>{t('confirm.done', { what: what(pick, result) })}</p>
          {result.trackingCode && (
            <p>
              <Link href={`/phan-anh/${encodeURIComponent(result.trackingCode)}`}>{t('confirm.open')}</Link>
            </p>
          )}
        </div>
      )}
    </Frame>
  );
}

export function Unsubscribe() {
  const t = useFollowT();
  const pick = useBilingual();
  const { token, result, error } = useTokenAction(unsubscribe);
  return (
    <Frame title={t('unsub.title')}>
      {!token && <p class="alert alert--error">{t('link.missing')}</p>}
      {token && !result && !error && <Loading label={t('unsub.working')} />}
      <ProblemBox error={error} />
      {result && (
        <div class="alert alert--success" role="status">
          <p>{result.removed ? t('unsub.done', { what: what(pick, result.subscription) }) : t('unsub.already')}</p>
        </div>
      )}
    </Frame>
  );
}
