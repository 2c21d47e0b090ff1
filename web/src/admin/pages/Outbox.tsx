import { useState } from 'preact/hooks';
import { api, asApiError, type ApiError } from '../../lib/api.js';
import { formatDateTime, formatNumber } from '../../lib/format.js';
import { useTitle } from '../../lib/router.js';
import { usePaged } from '../../lib/use-api.js';
import { DataTable } from '../../ui/DataTable.js';
import { PageHead, SelectField } from '../../ui/Field.js';
import { ProblemBox } from '../../ui/Problem.js';
import { useAdminT } from '../i18n/index.js';

type Status = 'pending' | 'sent' | 'kept' | 'failed';
interface OutboxItem {
  id: string;
  to: string;
  subject: string;
  status: Status;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
}

const BADGE: Record<Status, string> = { pending: 'badge--warn', sent: 'badge--ok', kept: 'badge--muted', failed: 'badge--bad' };

/** Outgoing e-mail: delivery status (addresses are masked by the server), retry of failures. */
export function Outbox() {
  const t = useAdminT();
  useTitle(t('outbox.title'));
  const [status, setStatus] = useState('');
  const mail = usePaged<OutboxItem>('/api/v1/admin/outbox', { status });
  const [error, setError] = useState<ApiError | undefined>();

  async function retry(item: OutboxItem) {
    setError(undefined);
    try {
      await api(`/api/v1/admin/outbox/${item.id}/retry`, { method: 'POST' });
      mail.reload();
    } catch (e) {
      setError(asApiError(e));
    }
  }

  const options = [{ value: '', label: t('outbox.all') }, ...(['pending', 'sent', 'kept', 'failed'] as const).map((s) => ({ value: s, label: t(`outbox.status.${s}`) }))];
  return (
    <div class="stack">
      <PageHead title={t('outbox.title')} lead={t('outbox.lead')} />
      <div class="toolbar">
        <SelectField id="outbox-status" label={t('outbox.status')} value={status} onValue={setStatus} options={options} />
      </div>
      <ProblemBox error={error} />
      <DataTable<OutboxItem>
        caption={t('outbox.caption')}
        rows={mail.items}
        rowKey={(m) => m.id}
        loading={mail.loading}
        error={mail.error}
        onRetry={mail.reload}
        hasMore={mail.hasMore}
        onMore={mail.loadMore}
        columns={[
          { label: t('outbox.created'), render: (m) => <span class="nowrap">{formatDateTime(m.createdAt)}</span> },
          { label: t('outbox.to'), render: (m) => <code>{m.to}</code> },
          { label: t('outbox.subject'), render: (m) => m.subject },
          { label: t('outbox.status'), render: (m) => <span class={`badge ${BADGE[m.status]}`}>{t(`outbox.status.${m.status}`)}</span> },
          { label: t('outbox.attempts'), numeric: true, render: (m) => formatNumber(m.attempts) },
          { label: t('outbox.sent'), render: (m) => formatDateTime(m.sentAt) },
          {
            label: t('outbox.actions'),
            render: (m) =>
              m.status === 'failed' ? (
                <button type="button" class="btn btn--secondary btn--small" onClick={() => void retry(m)}>
                  {t('outbox.retry')}
                </button>
              ) : null,
          },
        ]}
      />
    </div>
  );
}
