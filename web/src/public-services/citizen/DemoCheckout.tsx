import { useState } from 'preact/hooks';
import { api, asApiError, type ApiError } from '../../lib/api.js';
import { formatDateTime } from '../../lib/format.js';
import { Link, navigate, useSearchParam, useTitle } from '../../lib/router.js';
import { useApi } from '../../lib/use-api.js';
import { PageHead } from '../../ui/Field.js';
import { Loading, ProblemBox } from '../../ui/Problem.js';
import { useCitizenPsT } from '../i18n/citizen.js';
import { dossierUrl, pagePaths } from './api.js';
import { formatMoney } from './format.js';
import { Facts } from './parts.js';

/** The demo gateway's checkout (GET /api/v1/payments/demo-gateway/checkout): nothing about the applicant. */
interface CheckoutView {
  state: 'open' | 'paid' | 'cancelled';
  amount: number;
  dossierCode: string | null;
  procedureName: string;
  merchantName: string;
  bankName: string;
  demo: true;
  expiresAt: string;
  returnUrl: string;
  paidAt: string | null;
}

interface CheckoutResult {
  state: 'paid' | 'cancelled';
  paymentId: string | null;
  dossierCode: string | null;
  returnUrl: string;
}

const CHECKOUT = '/api/v1/payments/demo-gateway/checkout';

/** The return address as a path of this site, so the link stays in the app whatever PUBLIC_URL says. */
function localPath(url: string): string {
  try {
    const u = new URL(url, window.location.href);
    return `${u.pathname}${u.search}${u.hash}`;
  } catch {
    return pagePaths.mine;
  }
}

/**
 * Trang thanh toán thử nghiệm: the demo payment gateway's own page, reached from "Thanh toán trực
 * tuyến" with `?token=`. No money moves; "pay" is recorded exactly as a real gateway's signed notice.
 */
export function DemoCheckout() {
  const t = useCitizenPsT();
  const token = useSearchParam('token');
  useTitle(t('checkout.title'));
  const res = useApi<CheckoutView>(token ? CHECKOUT : null, token ? { token } : undefined);
  const [result, setResult] = useState<CheckoutResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();

  async function act(action: 'pay' | 'cancel') {
    setBusy(true);
    setError(undefined);
    try {
      setResult(await api<CheckoutResult>(`${CHECKOUT}/${action}`, { method: 'POST', body: { token } }));
      // Read it again for the time of payment; the answer above already decides what is shown.
      res.reload();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  const v = res.data;
  const state = result?.state ?? v?.state;
  const back = localPath(result?.returnUrl ?? v?.returnUrl ?? pagePaths.mine);
  return (
    <div class="stack ps-checkout">
      <PageHead title={t('checkout.title')} lead={t('checkout.lead')} />
      <p class="alert alert--warning" data-testid="demo-gateway-label">
        <strong>{t('checkout.demoLabel')}</strong> {t('checkout.demoNote')}
      </p>
      {!token && <p class="alert alert--error">{t('checkout.noToken')}</p>}
      {res.loading && !v && <Loading />}
      <ProblemBox error={res.error} />
      {v && (
        <section class="card stack" aria-labelledby="ps-checkout-order">
          <h2 id="ps-checkout-order">{t('checkout.order')}</h2>
          <p class="ps-payment__amount">
            <strong>{formatMoney(v.amount)}</strong>
          </p>
          <Facts
            items={[
              [t('checkout.dossierCode'), <span class="ps-code">{v.dossierCode ?? '—'}</span>],
              [t('checkout.procedure'), v.procedureName],
              [t('checkout.merchant'), v.merchantName],
              [t('pay.bank'), v.bankName],
              state === 'open' && [t('checkout.expires'), formatDateTime(v.expiresAt)],
            ]}
          />
          <ProblemBox error={error} />
          {state === 'open' && (
            <div class="row">
              <button type="button" class="btn" disabled={busy} onClick={() => void act('pay')}>
                {t('checkout.pay')}
              </button>
              <button type="button" class="btn btn--secondary" disabled={busy} onClick={() => void act('cancel')}>
                {t('checkout.cancel')}
              </button>
            </div>
          )}
          {state === 'paid' && (
            <div class="alert alert--success" role="status">
              <p>
                <strong>{t('checkout.paid', { amount: formatMoney(v.amount) })}</strong>
              </p>
              {v.paidAt && <p>{t('checkout.paidAt', { date: formatDateTime(v.paidAt) })}</p>}
            </div>
          )}
          {state === 'cancelled' && (
            <p class="alert alert--info" role="status">
              {t('checkout.cancelled')}
            </p>
          )}
          {state !== 'open' && (
            <p>
              <Link class="btn" href={back}>
                {t('checkout.back')}
              </Link>
            </p>
          )}
        </section>
      )}
    </div>
  );
}

/**
 * "Thanh toán trực tuyến" on the owner's dossier: opens a payment with the configured gateway and
 * goes to its page (the demo gateway's is the page above); it comes back to the dossier.
 */
export function OnlinePayButton({ dossierId }: { dossierId: string }) {
  const t = useCitizenPsT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  async function start() {
    setBusy(true);
    setError(undefined);
    try {
      const { redirectUrl } = await api<{ provider: string; redirectUrl: string }>(`${dossierUrl(dossierId)}/payments/gateway`, {
        method: 'POST',
        body: { returnUrl: pagePaths.dossier(dossierId) },
      });
      navigate(redirectUrl);
    } catch (e) {
      setError(asApiError(e));
      setBusy(false);
    }
  }
  return (
    <div class="stack">
      <p>
        <button type="button" class="btn" disabled={busy} onClick={() => void start()}>
          {t('checkout.start')}
        </button>
      </p>
      <ProblemBox error={error} />
    </div>
  );
}
