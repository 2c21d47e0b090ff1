import { useState } from 'preact/hooks';
import { api, asApiError, type ApiError } from '../../lib/api.js';
import { formatDateTime, formatNumber } from '../../lib/format.js';
import { useT } from '../../lib/i18n.js';
import { useTitle } from '../../lib/router.js';
import { usePaged } from '../../lib/use-api.js';
import { DataTable } from '../../ui/DataTable.js';
import { PageHead, TextField } from '../../ui/Field.js';
import { ProblemBox } from '../../ui/Problem.js';
import { useAdminT } from '../i18n/index.js';

interface AuditRecord {
  seq: string;
  at: string;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string | null;
  subjectUserId: string | null;
  purpose: string | null;
  ip: string | null;
  hash: string;
}
interface Verification {
  ok: boolean;
  checked: number;
  firstBroken: { seq: string; reason: string; message: string } | null;
}

/** The hash-chained audit trail, newest first, and a check of the whole chain. */
export function Audit() {
  const t = useAdminT();
  const tc = useT();
  useTitle(t('audit.title'));
  const [draft, setDraft] = useState('');
  const [action, setAction] = useState('');
  const records = usePaged<AuditRecord>('/api/v1/audit', { action });
  const [verification, setVerification] = useState<Verification | null>(null);
  const [verifyError, setVerifyError] = useState<ApiError | undefined>();
  const [verifying, setVerifying] = useState(false);

  async function verify() {
    setVerifying(true);
    setVerifyError(undefined);
    try {
      setVerification(await api<Verification>('/api/v1/audit/verify'));
    } catch (e) {
      setVerifyError(asApiError(e));
    } finally {
      setVerifying(false);
    }
  }

  return (
    <div class="stack">
      <PageHead title={t('audit.title')} lead={t('audit.lead')} />
      <section class="card stack" aria-labelledby="verify-title">
        <h2 id="verify-title">{t('audit.verifyTitle')}</h2>
        <div class="verify">
          <button type="button" class="btn" onClick={() => void verify()} disabled={verifying}>
            {verifying ? t('audit.verifying') : t('audit.verify')}
          </button>
          <div aria-live="polite">
            {verification &&
              (verification.ok ? (
                <span class="badge badge--ok">{t('audit.ok', { count: formatNumber(verification.checked) })}</span>
              ) : (
                <span class="badge badge--bad">{t('audit.broken', { seq: verification.firstBroken?.seq ?? '?', count: formatNumber(verification.checked) })}</span>
              ))}
          </div>
        </div>
        {verification?.firstBroken && <p class="field__error">{verification.firstBroken.message}</p>}
        <ProblemBox error={verifyError} />
      </section>
      <form
        class="toolbar"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setAction(draft.trim());
        }}
      >
        <TextField id="audit-action" label={t('audit.filterAction')} hint={t('audit.filterHint')} value={draft} onValue={setDraft} />
        <button class="btn" type="submit">
          {tc('action.search')}
        </button>
      </form>
      <DataTable<AuditRecord>
        caption={t('audit.caption')}
        rows={records.items}
        rowKey={(r) => r.seq}
        loading={records.loading}
        error={records.error}
        onRetry={records.reload}
        hasMore={records.hasMore}
        onMore={records.loadMore}
        columns={[
          { label: '#', numeric: true, render: (r) => r.seq },
          { label: t('audit.at'), render: (r) => <span class="nowrap">{formatDateTime(r.at)}</span> },
          { label: t('audit.actor'), render: (r) => r.actorLabel },
          { label: t('audit.action'), render: (r) => <code>{r.action}</code> },
          { label: t('audit.target'), render: (r) => `${r.targetType}${r.targetId ? ` · ${r.targetId.slice(0, 8)}` : ''}` },
          { label: t('audit.purpose'), render: (r) => r.purpose ?? tc('misc.none') },
          { label: t('audit.hash'), render: (r) => <span class="hash" title={r.hash}>{r.hash.slice(0, 12)}…</span> },
        ]}
      />
    </div>
  );
}
