import { useState } from 'preact/hooks';
import { asApiError, type ApiError, type Page } from '../../lib/api.js';
import { useBilingual } from '../../lib/i18n.js';
import type { User } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { SelectField, TextField } from '../../ui/Field.js';
import { ProblemBox } from '../../ui/Problem.js';
import type { QueueItem } from './api.js';
import { assignMany, isAssignable, MAX_BULK_ASSIGN, staffPath, type BulkAssignItem, type StaffMember } from './assignment-api.js';
import { useDossierT } from './i18n/index.js';

interface Props {
  user: User;
  /** The rows currently ticked, in the queue's order. */
  selected: QueueItem[];
  /** All rows loaded, for "chọn tất cả". */
  total: number;
  onSelectAll(all: boolean): void;
  /** After a request: the ids that were assigned (to untick and reload). */
  onDone(assigned: string[]): void;
}

/**
 * The head of unit's assign bar above the queue: pick an officer, give a reason when some ticked
 * dossiers already have someone else, and see the server's answer for each dossier.
 */
export function AssignBar({ user, selected, total, onSelectAll, onDone }: Props) {
  const t = useDossierT();
  const pick = useBilingual();
  const staff = useApi<Page<StaffMember>>(user.agencyId ? staffPath(user.agencyId) : null, { limit: 200 });
  const [assigneeId, setAssigneeId] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const [results, setResults] = useState<Array<BulkAssignItem & { code: string | null }>>([]);
  const reassigning = selected.filter((d) => d.assignee && d.assignee.id !== assigneeId).length;
  const reasonMissing = reassigning > 0 && reason.trim().length < 3;
  const tooMany = selected.length > MAX_BULK_ASSIGN;

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const codes = new Map(selected.map((d) => [d.id, d.code]));
      const answer = await assignMany({ dossierIds: selected.map((d) => d.id), assigneeId, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      setResults(answer.results.map((r) => ({ ...r, code: codes.get(r.id) ?? null })));
      onDone(answer.results.filter((r) => r.ok).map((r) => r.id));
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card stack ps-assign-bar" aria-label={t('bulk.title')} onSubmit={submit}>
      <div class="row">
        <label class="row">
          <input type="checkbox" checked={total > 0 && selected.length === total} disabled={total === 0} onChange={(e) => onSelectAll((e.currentTarget as HTMLInputElement).checked)} />
          {t('bulk.selectAll')}
        </label>
        <span class="muted" aria-live="polite">
          {t('bulk.selected', { count: String(selected.length) })}
        </span>
      </div>
      {selected.length > 0 && (
        <fieldset class="form--inline">
          <legend class="visually-hidden">{t('bulk.title')}</legend>
          <SelectField
            id="ps-bulk-assignee"
            label={t('bulk.assignee')}
            value={assigneeId}
            onValue={setAssigneeId}
            required
            options={[{ value: '', label: t('field.assigneeChoose') }, ...(staff.data?.items ?? []).filter(isAssignable).map((s) => ({ value: s.id, label: s.fullName }))]}
          />
          <TextField
            id="ps-bulk-reason"
            label={reassigning > 0 ? t('bulk.reasonRequired') : t('bulk.reasonOptional')}
            hint={reassigning > 0 ? t('bulk.reassignHint', { count: String(reassigning) }) : undefined}
            value={reason}
            onValue={setReason}
            maxLength={2000}
            required={reassigning > 0}
          />
          <button type="submit" class="btn" disabled={busy || !assigneeId || reasonMissing || tooMany}>
            {busy ? t('bulk.busy') : t('bulk.submit', { count: String(selected.length) })}
          </button>
        </fieldset>
      )}
      {tooMany && <p class="alert alert--error">{t('bulk.tooMany', { max: String(MAX_BULK_ASSIGN) })}</p>}
      <ProblemBox error={error ?? staff.error} />
      {results.length > 0 && (
        <div aria-live="polite">
          <p>{t('bulk.summary', { ok: String(results.filter((r) => r.ok).length), failed: String(results.filter((r) => !r.ok).length) })}</p>
          <ul class="plain-list small">
            {results.map((r) => (
              <li key={r.id} class={r.ok ? '' : 'ps-bulk-failed'}>
                <span class="ps-code">{r.code ?? t('queue.noCode')}</span>: {r.ok ? t('bulk.ok') : pick(r.error?.message)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
