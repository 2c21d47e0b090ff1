import { useState } from 'preact/hooks';
import { asApiError, type ApiError } from '../../lib/api.js';
import { formatDate } from '../../lib/format.js';
import type { User } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { SelectField } from '../../ui/Field.js';
import { ProblemBox } from '../../ui/Problem.js';
import { BASE } from '../api.js';
import { useDeskT } from '../i18n/desk.js';
import type { ReportDetail } from '../types.js';
import { assign, unassign, type Handling, type StaffRef } from './desk-api.js';

/**
 * Who handles the report inside the agency (phân công): an officer takes an unassigned report or
 * lets go of their own; an agency admin gives it to anyone of the agency. Leaders only read it.
 */
export function Assignment({ report, user, handling, onChanged }: { report: ReportDetail; user: User; handling: Handling; onChanged(): void }) {
  const t = useDeskT();
  const staff = useApi<{ items: StaffRef[] }>(handling.canAssignOthers ? `${BASE}/assignees` : null, { agencyId: user.role === 'system_admin' ? report.agencyId : undefined });
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const [done, setDone] = useState(false);
  const { assignee } = handling;
  const open = report.status !== 'closed';

  async function run(call: () => Promise<unknown>) {
    setBusy(true);
    setError(undefined);
    setDone(false);
    try {
      await call();
      setDone(true);
      setChosen('');
      onChanged();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card stack fb-assignment" aria-labelledby="fb-assignment">
      <h2 id="fb-assignment">{t('assign.title')}</h2>
      <p>{assignee ? t('assign.current', { name: assignee.fullName, date: formatDate(handling.assignedAt) }) : <span class="muted">{t('assign.none')}</span>}</p>
      {done && (
        <p class="alert alert--success" role="status">
          {t('assign.done')}
        </p>
      )}
      <ProblemBox error={error} />
      {handling.canAct && open && (
        <div class="row">
          {!assignee && (
            <button type="button" class="btn" disabled={busy} onClick={() => void run(() => assign(report.id, user.id))}>
              {t('assign.take')}
            </button>
          )}
          {assignee && (assignee.id === user.id || handling.canAssignOthers) && (
            <button type="button" class="btn btn--secondary" disabled={busy} onClick={() => void run(() => unassign(report.id))}>
              {assignee.id === user.id ? t('assign.release') : t('assign.remove')}
            </button>
          )}
        </div>
      )}
      {handling.canAssignOthers && open && (
        <form
          class="form stack"
          onSubmit={(e) => {
            e.preventDefault();
            if (chosen) void run(() => assign(report.id, chosen));
          }}
        >
          <SelectField
            id="fb-assignee"
            label={t('assign.to')}
            value={chosen}
            onValue={setChosen}
            options={[{ value: '', label: t('assign.choose') }, ...(staff.data?.items ?? []).filter((s) => s.id !== assignee?.id).map((s) => ({ value: s.id, label: s.fullName }))]}
          />
          <div class="row">
            <button type="submit" class="btn btn--secondary" disabled={busy || !chosen}>
              {t('assign.submit')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
