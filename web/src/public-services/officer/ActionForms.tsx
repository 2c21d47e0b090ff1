import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { SUB_STATES } from '../../../../src/modules/public-services/statuses.js';
import { useBilingual, useLang } from '../../lib/i18n.js';
import type { User } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import type { ApiError, Page } from '../../lib/api.js';
import { SelectField, TextField } from '../../ui/Field.js';
import { fieldError } from '../../ui/Problem.js';
import { parseDayMonthYear } from '../../feedback/stats/period.js';
import type { AgencyRef, DossierDetail } from './api.js';
import { useDossierT } from './i18n/index.js';

/** What a form hands to the action panel: a JSON body, or a FormData for a file upload. */
export type Submit = (body: Record<string, unknown> | FormData) => void;

export interface FormProps {
  dossier: DossierDetail;
  user: User;
  busy: boolean;
  error: ApiError | undefined;
  submit: Submit;
  onCancel(): void;
  /** The confirm button's label. */
  confirm: string;
}

const collator = new Intl.Collator('vi');
const lines = (text: string) =>
  text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

function Buttons({ busy, confirm, onCancel, disabled, danger }: { busy: boolean; confirm: string; onCancel(): void; disabled?: boolean; danger?: boolean }) {
  const t = useDossierT();
  return (
    <div class="row">
      <button class={`btn${danger ? ' btn--danger' : ''}`} type="submit" disabled={busy || disabled}>
        {confirm}
      </button>
      <button type="button" class="btn btn--secondary" onClick={onCancel}>
        {t('actions.cancel')}
      </button>
    </div>
  );
}

function Area({ id, label, hint, value, onValue, required, error, rows = 3 }: { id: string; label: string; hint?: string; value: string; onValue(v: string): void; required?: boolean; error?: string | undefined; rows?: number }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <span class="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <textarea id={id} rows={rows} required={required} maxLength={4000} value={value} aria-describedby={hint ? `${id}-hint` : undefined} aria-invalid={error ? 'true' : undefined} onInput={(e) => onValue((e.currentTarget as HTMLTextAreaElement).value)} />
      {error && <span class="field__error">{error}</span>}
    </div>
  );
}

function useFieldError(error: ApiError | undefined) {
  const { lang } = useLang();
  return (f: string) => fieldError(error, `body.${f}`, lang) ?? fieldError(error, f, lang);
}

function Form({ label, onSubmit, children }: { label: string; onSubmit(): void; children: ComponentChildren }) {
  return (
    <form
      class="form stack ps-action-form"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}

/** Receive, request payment (an optional `note`) or accept a transfer (an optional `comment`). */
export function NoteForm({ busy, submit, onCancel, confirm, field = 'note' }: FormProps & { field?: 'note' | 'comment' }) {
  const t = useDossierT();
  const [note, setNote] = useState('');
  return (
    <Form label={confirm} onSubmit={() => submit(note.trim() ? { [field]: note.trim() } : {})}>
      <Area id="ps-note" label={field === 'note' ? t('field.note') : t('field.comment')} value={note} onValue={setNote} rows={2} />
      <Buttons busy={busy} confirm={confirm} onCancel={onCancel} />
    </Form>
  );
}

/** A list, one item a line: missing documents (Mẫu 02) or reasons for refusal (Mẫu 03). */
export function ListForm({ busy, submit, onCancel, confirm, error, field }: FormProps & { field: 'missing' | 'reasons' }) {
  const t = useDossierT();
  const err = useFieldError(error);
  const [text, setText] = useState('');
  const label = field === 'missing' ? t('field.missing') : t('field.reasons');
  const hint = field === 'missing' ? t('field.missingHint') : t('field.reasonsHint');
  return (
    <Form label={confirm} onSubmit={() => submit({ [field]: lines(text) })}>
      <Area id={`ps-${field}`} label={label} hint={hint} value={text} onValue={setText} required rows={4} error={err(field)} />
      <Buttons busy={busy} confirm={confirm} onCancel={onCancel} disabled={lines(text).length === 0} danger={field === 'reasons'} />
    </Form>
  );
}

/** Phân công: an officer takes it; an agency admin gives it to anyone of the agency's staff. */
export function AssignForm({ dossier, user, busy, submit, onCancel, confirm }: FormProps) {
  const t = useDossierT();
  const agencyId = dossier.handlingAgency?.id ?? user.agencyId;
  const canList = user.role === 'agency_admin' || user.role === 'system_admin';
  const staff = useApi<Page<{ id: string; fullName: string }>>(canList && agencyId ? `/api/v1/agencies/${agencyId}/staff` : null, { limit: 200 });
  const [userId, setUserId] = useState('');
  // Reassigning (the dossier has someone else) needs a reason; the server checks it too.
  const [reason, setReason] = useState('');
  const reassign = !!dossier.assignee;
  const withReason = (id: string) => (reassign ? { userId: id, reason: reason.trim() } : { userId: id });
  // Taking a colleague's dossier is a reassignment too: the same reason, or the server answers 400.
  const reasonMissing = reassign && reason.trim().length < 3;
  const canTake = dossier.assignee?.id !== user.id;
  return (
    <Form label={confirm} onSubmit={() => userId && submit(withReason(userId))}>
      {reassign && (canTake || canList) && <TextField id="ps-assign-reason" label={t('bulk.reasonRequired')} value={reason} onValue={setReason} maxLength={2000} required />}
      {canTake && (
        <div class="row">
          <button type="button" class="btn" disabled={busy || reasonMissing} title={reasonMissing ? t('bulk.reasonRequired') : undefined} onClick={() => submit(withReason(user.id))}>
            {t('assign.me')}
          </button>
        </div>
      )}
      {canList && (
        <>
          <SelectField
            id="ps-assignee"
            label={t('field.assignee')}
            value={userId}
            onValue={setUserId}
            options={[{ value: '', label: t('field.assigneeChoose') }, ...(staff.data?.items ?? []).filter((s) => s.id !== dossier.assignee?.id).map((s) => ({ value: s.id, label: s.fullName }))]}
          />
          <Buttons busy={busy} confirm={confirm} onCancel={onCancel} disabled={!userId || reasonMissing} />
        </>
      )}
    </Form>
  );
}

const ADVANCE_TO = ['assigned', 'appraisal', 'awaiting_signature', 'signed'] as const;

/** Moves the dossier to the next internal step (thẩm định, trình ký, đã ký), with an internal comment. */
export function AdvanceForm({ dossier, busy, submit, onCancel, confirm }: FormProps) {
  const t = useDossierT();
  const pick = useBilingual();
  const next = ADVANCE_TO.find((s, i) => i > ADVANCE_TO.indexOf(dossier.subState as (typeof ADVANCE_TO)[number])) ?? 'appraisal';
  const [subState, setSubState] = useState<string>(next);
  const [comment, setComment] = useState('');
  return (
    <Form label={confirm} onSubmit={() => submit({ subState, ...(comment.trim() ? { comment: comment.trim() } : {}) })}>
      <SelectField id="ps-substate" label={t('field.subState')} value={subState} onValue={setSubState} options={ADVANCE_TO.map((s) => ({ value: s, label: pick(SUB_STATES[s]) }))} />
      <Area id="ps-comment" label={t('field.comment')} value={comment} onValue={setComment} rows={2} />
      <Buttons busy={busy} confirm={confirm} onCancel={onCancel} />
    </Form>
  );
}

function useAgencies(exclude: Array<string | undefined>) {
  const agencies = useApi<Page<AgencyRef>>('/api/v1/agencies', { limit: 200 });
  return (agencies.data?.items ?? []).filter((a) => !exclude.includes(a.id)).sort((a, b) => collator.compare(a.name, b.name));
}

/** Liên thông (agency, hours for the step, note) or xin ý kiến (agency, question, hours to answer). */
export function AgencyForm({ dossier, busy, submit, onCancel, confirm, error, kind }: FormProps & { kind: 'transfer' | 'consult' }) {
  const t = useDossierT();
  const err = useFieldError(error);
  const targets = useAgencies([dossier.handlingAgency?.id]);
  const [agencyId, setAgencyId] = useState('');
  const [hours, setHours] = useState('16');
  const [text, setText] = useState('');
  const textField = kind === 'transfer' ? 'note' : 'question';
  return (
    <Form label={confirm} onSubmit={() => submit({ agencyId, hours: Number(hours), [textField]: text.trim() })}>
      <SelectField id={`ps-${kind}-agency`} label={t('field.agency')} value={agencyId} onValue={setAgencyId} required options={[{ value: '', label: t('field.agencyChoose') }, ...targets.map((a) => ({ value: a.id, label: a.name }))]} />
      <TextField id={`ps-${kind}-hours`} type="number" inputMode="numeric" label={t('field.hours')} value={hours} onValue={setHours} required error={err('hours')} />
      <Area id={`ps-${kind}-text`} label={kind === 'transfer' ? t('field.transferNote') : t('field.question')} value={text} onValue={setText} required error={err(textField)} />
      <Buttons busy={busy} confirm={confirm} onCancel={onCancel} disabled={!agencyId || !text.trim() || !(Number(hours) > 0)} />
    </Form>
  );
}

/** Yêu cầu bổ sung: the items and the reason; a second request is allowed but counts as late, so it says so. */
export function SupplementForm({ dossier, busy, submit, onCancel, confirm, error }: FormProps) {
  const t = useDossierT();
  const err = useFieldError(error);
  const [items, setItems] = useState('');
  const [reason, setReason] = useState('');
  const second = dossier.supplementRequests >= 1;
  return (
    <Form label={confirm} onSubmit={() => submit({ items: lines(items), reason: reason.trim() })}>
      <p class={second ? 'alert alert--warning' : 'small muted'} role={second ? 'alert' : undefined}>
        {second ? t('supplement.second') : t('supplement.first')}
      </p>
      <Area id="ps-items" label={t('field.items')} hint={t('field.itemsHint')} value={items} onValue={setItems} required rows={3} error={err('items')} />
      <Area id="ps-reason" label={t('field.reason')} value={reason} onValue={setReason} required error={err('reason')} />
      <Buttons busy={busy} confirm={confirm} onCancel={onCancel} disabled={lines(items).length === 0 || !reason.trim()} />
    </Form>
  );
}

/** Dừng xử lý: a reason (Mẫu 05). */
export function ReasonForm({ busy, submit, onCancel, confirm, error }: FormProps) {
  const t = useDossierT();
  const err = useFieldError(error);
  const [reason, setReason] = useState('');
  return (
    <Form label={confirm} onSubmit={() => submit({ reason: reason.trim() })}>
      <Area id="ps-stop-reason" label={t('field.reason')} value={reason} onValue={setReason} required error={err('reason')} />
      <Buttons busy={busy} confirm={confirm} onCancel={onCancel} disabled={!reason.trim()} danger />
    </Form>
  );
}

/** Thư xin lỗi (Mẫu 04): a reason and the new date, typed dd/mm/yyyy, sent as the end of that office day. */
export function ApologyForm({ busy, submit, onCancel, confirm, error }: FormProps) {
  const t = useDossierT();
  const err = useFieldError(error);
  const [reason, setReason] = useState('');
  const [date, setDate] = useState('');
  const [tried, setTried] = useState(false);
  const iso = parseDayMonthYear(date);
  return (
    <Form
      label={confirm}
      onSubmit={() => {
        setTried(true);
        if (iso) submit({ reason: reason.trim(), newDueAt: new Date(`${iso}T17:00:00+07:00`).toISOString() });
      }}
    >
      <p class="small muted">{t('apology.note')}</p>
      <Area id="ps-apology-reason" label={t('field.reason')} value={reason} onValue={setReason} required error={err('reason')} />
      <TextField id="ps-apology-date" label={t('field.newDueAt')} value={date} onValue={setDate} required inputMode="numeric" placeholder="dd/mm/yyyy" error={tried && !iso ? t('field.newDueInvalid') : err('newDueAt')} />
      <Buttons busy={busy} confirm={confirm} onCancel={onCancel} disabled={!reason.trim()} />
    </Form>
  );
}

/** Thu phí tại quầy: the amount (the fee total by default) and the receipt number. */
export function CounterPaymentForm({ dossier, busy, submit, onCancel, confirm, error }: FormProps) {
  const t = useDossierT();
  const err = useFieldError(error);
  const [amount, setAmount] = useState(String(Number(dossier.feeTotal ?? 0)));
  const [receiptNumber, setReceiptNumber] = useState('');
  return (
    <Form label={confirm} onSubmit={() => submit({ amount: Number(amount), receiptNumber: receiptNumber.trim() })}>
      <TextField id="ps-pay-amount" type="number" inputMode="numeric" label={t('field.amount')} value={amount} onValue={setAmount} required error={err('amount')} />
      <TextField id="ps-pay-receipt" label={t('field.receiptNumber')} value={receiptNumber} onValue={setReceiptNumber} required error={err('receiptNumber')} />
      <Buttons busy={busy} confirm={confirm} onCancel={onCancel} disabled={!receiptNumber.trim() || !(Number(amount) > 0)} />
    </Form>
  );
}

/** Trả kết quả: how it is handed over. */
export function ReturnForm({ dossier, busy, submit, onCancel, confirm }: FormProps) {
  const t = useDossierT();
  const [method, setMethod] = useState(dossier.channel === 'online' ? 'online' : 'counter');
  const [note, setNote] = useState('');
  return (
    <Form label={confirm} onSubmit={() => submit({ method, ...(note.trim() ? { note: note.trim() } : {}) })}>
      <SelectField id="ps-return-method" label={t('field.method')} value={method} onValue={setMethod} options={(['counter', 'post', 'online'] as const).map((m) => ({ value: m, label: t(`method.${m}`) }))} />
      <Area id="ps-return-note" label={t('field.note')} value={note} onValue={setNote} rows={2} />
      <Buttons busy={busy} confirm={confirm} onCancel={onCancel} />
    </Form>
  );
}
