import { useEffect, useState } from 'preact/hooks';
import { formatDateTime } from '../../lib/format.js';
import { useBilingual, useLang } from '../../lib/i18n.js';
import { Link } from '../../lib/router.js';
import { fromReportInput, saveDraft, type Draft } from '../draft.js';
import { useFeedbackT } from '../i18n/index.js';
import { flushOutbox, listOutbox, remove, subscribe, watchOutbox, type OutboxEntry } from '../outbox.js';

/**
 * Reports kept on this device: waiting for the network, being sent, sent (with their tracking
 * code, until dismissed) or refused by the server (to correct or delete).
 */
export function OutboxPanel({ onEdit }: { onEdit?: (draft: Draft) => void }) {
  const t = useFeedbackT();
  const pick = useBilingual();
  const { lang } = useLang();
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  const [online, setOnline] = useState(() => navigator.onLine !== false);

  useEffect(() => {
    let live = true;
    const refresh = () => listOutbox().then((list) => live && setEntries(list), () => {});
    const net = () => setOnline(navigator.onLine !== false);
    const unsubscribe = subscribe(() => void refresh());
    window.addEventListener('online', net);
    window.addEventListener('offline', net);
    void refresh();
    watchOutbox();
    return () => {
      live = false;
      unsubscribe();
      window.removeEventListener('online', net);
      window.removeEventListener('offline', net);
    };
  }, []);

  if (entries.length === 0) return null;
  async function edit(entry: OutboxEntry) {
    const draft = fromReportInput(entry.report, entry.photos);
    await saveDraft(draft);
    await remove(entry.id);
    onEdit?.(draft);
  }

  return (
    <section class="card fb-outbox" aria-labelledby="fb-outbox-title">
      <h2 id="fb-outbox-title">{t('outbox.title')}</h2>
      <ul class="plain-list stack" aria-live="polite">
        {entries.map((e) => {
          const name = e.categoryName ? pick(e.categoryName) : e.report.categoryCode;
          return (
            <li key={e.id} class={`fb-outbox__item fb-outbox__item--${e.state}`} data-state={e.state}>
              <p class="fb-outbox__head">
                <strong>{name}</strong>
                <span class={e.state === 'sent' ? 'badge badge--ok' : e.state === 'failed' ? 'badge badge--bad' : 'badge badge--warn'}>{t(`outbox.${e.state}`)}</span>
              </p>
              <p class="small muted">
                {t('outbox.created', { time: formatDateTime(e.createdAt) })}
                {e.photos.length > 0 && ` · ${t('outbox.photos', { n: e.photos.length })}`}
              </p>
              {e.state === 'sent' && e.trackingCode && (
                <p>
                  {t('outbox.sentCode')} <strong class="fb-code">{e.trackingCode}</strong>
                </p>
              )}
              {e.state === 'waiting' && <p class="small">{online ? t('outbox.retrying') : t('outbox.auto')}</p>}
              {e.state === 'failed' && e.error && <p class="field__error">{e.error[lang]}</p>}
              <div class="row">
                {e.state === 'sent' && e.trackingCode && (
                  <Link class="btn btn--small" href={`/phan-anh/${encodeURIComponent(e.trackingCode)}`}>
                    {t('outbox.follow')}
                  </Link>
                )}
                {e.state === 'waiting' && online && (
                  <button type="button" class="btn btn--small" onClick={() => void flushOutbox()}>
                    {t('outbox.sendNow')}
                  </button>
                )}
                {e.state === 'failed' && onEdit && (
                  <button type="button" class="btn btn--small" onClick={() => void edit(e)}>
                    {t('outbox.edit')}
                  </button>
                )}
                {e.state !== 'sending' && (
                  <button type="button" class="btn btn--secondary btn--small" onClick={() => void remove(e.id)}>
                    {e.state === 'sent' ? t('outbox.dismiss') : t('outbox.delete')}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
