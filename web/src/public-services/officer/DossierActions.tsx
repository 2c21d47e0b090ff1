import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api, asApiError, type ApiError } from '../../lib/api.js';
import type { User } from '../../lib/session.js';
import { ProblemBox } from '../../ui/Problem.js';
import { AdvanceForm, AgencyForm, ApologyForm, AssignForm, CounterPaymentForm, ListForm, NoteForm, ReasonForm, ReturnForm, SupplementForm, type FormProps } from './ActionForms.js';
import { dossierUrl, type DossierDetail } from './api.js';
import { useDossierT } from './i18n/index.js';
import { IssueResultForm } from './IssueResultForm.js';

type FormComponent = (props: FormProps) => JSX.Element;

/** Each action: the command's path under /api/v1/dossiers/:id/ and its form. */
const ACTIONS = {
  receive: { path: 'receive', form: NoteForm },
  request_completion: { path: 'request-completion', form: (p: FormProps) => <ListForm {...p} field="missing" /> },
  refuse: { path: 'refuse', form: (p: FormProps) => <ListForm {...p} field="reasons" />, danger: true },
  assign: { path: 'assign', form: AssignForm },
  accept_transfer: { path: 'accept-transfer', form: (p: FormProps) => <NoteForm {...p} field="comment" /> },
  advance: { path: 'advance', form: AdvanceForm },
  transfer: { path: 'transfer', form: (p: FormProps) => <AgencyForm {...p} kind="transfer" /> },
  consult: { path: 'consult', form: (p: FormProps) => <AgencyForm {...p} kind="consult" /> },
  request_supplement: { path: 'request-supplement', form: SupplementForm },
  request_payment: { path: 'request-payment', form: NoteForm },
  counter_payment: { path: 'payments/counter', form: CounterPaymentForm },
  stop: { path: 'stop', form: ReasonForm, danger: true },
  apology: { path: 'apology', form: ApologyForm },
  issue_result: { path: 'issue-result', form: IssueResultForm },
  return: { path: 'return', form: ReturnForm },
} satisfies Record<string, { path: string; form: FormComponent; danger?: boolean }>;
type ActionName = keyof typeof ACTIONS;
const isAction = (a: string): a is ActionName => a in ACTIONS;

/**
 * The action panel: exactly the commands the server lists in `allowedActions` for this person and
 * this state, plus collecting the fee at the counter while it is unpaid. Errors are the server's,
 * in both languages.
 */
export function DossierActions({ dossier, user, onDone }: { dossier: DossierDetail; user: User; onDone(): void }) {
  const t = useDossierT();
  const [chosen, setChosen] = useState<ActionName | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const allowed = dossier.allowedActions.filter(isAction);
  const collect = dossier.feeStatus === 'unpaid' && Number(dossier.feeTotal ?? 0) > 0 && dossier.allowedActions.length > 0 && !allowed.includes('counter_payment') && user.agencyId;
  const available: ActionName[] = collect ? [...allowed, 'counter_payment'] : allowed;

  async function run(action: ActionName, body: Record<string, unknown> | FormData) {
    setBusy(true);
    setError(undefined);
    setDone(null);
    try {
      await api(`${dossierUrl(dossier.id)}/${ACTIONS[action].path}`, { method: 'POST', body });
      setDone(t(`done.${action}`));
      setChosen(null);
      onDone();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  const Chosen = chosen ? ACTIONS[chosen].form : null;
  return (
    <section class="card stack ps-actions" aria-labelledby="ps-actions">
      <h2 id="ps-actions">{t('actions.title')}</h2>
      {done && (
        <p class="alert alert--success" role="status">
          {done}
        </p>
      )}
      <ProblemBox error={error} />
      {available.length === 0 && <p class="muted">{t('actions.none')}</p>}
      <div class="row ps-action-buttons">
        {available.map((a) => (
          <button
            key={a}
            type="button"
            class={`btn ${'danger' in ACTIONS[a] ? 'btn--danger' : chosen === a ? '' : 'btn--secondary'}`}
            aria-pressed={chosen === a}
            onClick={() => {
              setChosen(chosen === a ? null : a);
              setError(undefined);
            }}
          >
            {t(`action.${a}`)}
          </button>
        ))}
      </div>
      {chosen && Chosen && (
        <Chosen
          key={chosen}
          dossier={dossier}
          user={user}
          busy={busy}
          error={error}
          confirm={chosen === 'receive' ? t('confirm.receive') : `${t('confirm.go')}: ${t(`action.${chosen}`)}`}
          submit={(body) => void run(chosen, body)}
          onCancel={() => setChosen(null)}
        />
      )}
    </section>
  );
}
