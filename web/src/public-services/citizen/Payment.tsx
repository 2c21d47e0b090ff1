import { formatDateTime } from '../../lib/format.js';
import { useApi } from '../../lib/use-api.js';
import { CopyButton } from '../../ui/CopyButton.js';
import { Loading, ProblemBox } from '../../ui/Problem.js';
import { useCitizenPsT } from '../i18n/citizen.js';
import type { PaymentView } from '../types.js';
import { paymentUrl } from './api.js';
import { OnlinePayButton } from './DemoCheckout.js';
import { formatMoney } from './format.js';
import { Facts } from './parts.js';

/**
 * Phí, lệ phí of the owner's dossier: the amount, what it is for, and a VietQR code any Vietnamese
 * banking app can scan; the transfer content carries the reference that matches it to the dossier.
 */
export function PaymentBlock({ dossierId }: { dossierId: string }) {
  const t = useCitizenPsT();
  const res = useApi<PaymentView>(paymentUrl(dossierId));
  const p = res.data;
  return (
    <section class="card stack ps-payment" aria-labelledby="ps-payment">
      <h2 id="ps-payment">{t('pay.title')}</h2>
      {res.loading && !p && <Loading />}
      <ProblemBox error={res.error} onRetry={res.reload} />
      {p && (
        <>
          <p class="ps-payment__amount">
            <strong>{formatMoney(p.amount)}</strong> <span class={`badge ${p.status === 'paid' ? 'badge--ok' : p.status === 'unpaid' ? 'badge--warn' : 'badge--muted'}`}>{t(`fee.${p.status}` as 'fee.paid')}</span>
          </p>
          {p.lines.length > 0 && (
            <ul class="small">
              {p.lines.map((l, i) => (
                <li key={l.code || i}>
                  {l.name}: {l.exemptedBy ? `${t('fee.exempt')} (${l.exemptedBy})` : formatMoney(l.amount)}
                </li>
              ))}
            </ul>
          )}
          {p.status === 'unpaid' && p.onlinePayment && <OnlinePayButton dossierId={dossierId} />}
          {p.status === 'unpaid' && p.vietqr && <VietQrBlock p={p} />}
          {p.payments.length > 0 && (
            <div>
              <h3>{t('pay.history')}</h3>
              <ul class="small">
                {p.payments.map((x, i) => (
                  <li key={x.providerRef ?? i}>{t('pay.paid', { amount: formatMoney(x.amount), date: formatDateTime(x.paidAt), method: t(`pay.method.${x.method}` as 'pay.method.counter') })}</li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function VietQrBlock({ p }: { p: PaymentView }) {
  const t = useCitizenPsT();
  const q = p.vietqr!;
  const content = q.purpose || p.reference || '';
  // The server draws the QR as SVG; shown as an image, so its markup never enters the page.
  const src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(q.qrSvg)}`;
  return (
    <div class="ps-vietqr">
      <img class="ps-vietqr__code" src={src} width={220} height={220} alt={t('pay.qrAlt', { amount: formatMoney(p.amount), bank: q.bankName })} />
      <div class="stack">
        {q.demo && <p class="alert alert--warning">{t('pay.demo')}</p>}
        <p>{t('pay.scan')}</p>
        <Facts
          items={[
            [t('pay.bank'), q.bankName],
            [
              t('pay.account'),
              <>
                <span id="ps-pay-account" class="ps-code">
                  {q.accountNumber}
                </span>{' '}
                <CopyButton text={q.accountNumber} targetId="ps-pay-account" />
              </>,
            ],
            [t('pay.accountName'), q.accountName],
            [t('pay.amount'), formatMoney(p.amount)],
            [
              t('pay.content'),
              <>
                <span id="ps-pay-content" class="ps-code">
                  {content}
                </span>{' '}
                <CopyButton text={content} targetId="ps-pay-content" />
              </>,
            ],
          ]}
        />
        <p class="small muted">{t('pay.contentNote')}</p>
      </div>
    </div>
  );
}
