import { useState } from 'preact/hooks';
import { asApiError, type ApiError } from '../../lib/api.js';
import { useLang } from '../../lib/i18n.js';
import { SelectField, TextField } from '../../ui/Field.js';
import { fieldError, ProblemBox } from '../../ui/Problem.js';
import { act, type ActionInput } from '../api.js';
import type { DraftPhoto } from '../draft.js';
import { useDeskT } from '../i18n/desk.js';
import { PhotoPicker } from '../PhotoPicker.js';
import type { ActionName, CloseOutcome, ReportDetail, ReportStatus } from '../types.js';
import { fillTemplate, type ResponseTemplate, type TemplateAction } from './desk-api.js';

export interface AgencyOption {
  id: string;
  name: string;
}

/** From which states each action may be taken (the server checks the same table). */
const ALLOWED_FROM: Record<Exclude<ActionName, 'note'>, ReportStatus[]> = {
  accept: ['new'],
  refuse: ['new'],
  start: ['accepted'],
  resolve: ['accepted', 'in_progress'],
  close: ['new', 'accepted', 'in_progress', 'resolved'],
  transfer: ['new', 'accepted', 'in_progress'],
};
const ONE_CLICK = new Set<ActionName>(['accept', 'start']);
const collator = new Intl.Collator('vi');
const MAX_RESULT_PHOTOS = 5;

/** Fills the action's text from one of the agency's or the province's templates (mẫu trả lời). */
function TemplatePicker({ id, templates, action, report, onPick }: { id: string; templates: ResponseTemplate[]; action: TemplateAction; report: ReportDetail; onPick(text: string): void }) {
  const t = useDeskT();
  const [value, setValue] = useState('');
  const list = templates.filter((x) => x.action === action);
  if (list.length === 0) return null;
  return (
    <SelectField
      id={id}
      label={t('template.label')}
      hint={t('template.hint')}
      value={value}
      onValue={(v) => {
        setValue(v);
        const chosen = list.find((x) => x.id === v);
        if (chosen) onPick(fillTemplate(chosen.body, report));
      }}
      options={[{ value: '', label: t('template.choose') }, ...list.map((x) => ({ value: x.id, label: x.title }))]}
    />
  );
}

/** The officer's actions on a report: one-click ones, and those that need a reason or a result. */
export function Actions({ report, agencies, templates = [], onDone }: { report: ReportDetail; agencies: AgencyOption[]; templates?: ResponseTemplate[]; onDone(): void }) {
  const t = useDeskT();
  const { lang } = useLang();
  const [chosen, setChosen] = useState<ActionName | null>(null);
  const [reason, setReason] = useState('');
  const [resultText, setResultText] = useState('');
  const [outcome, setOutcome] = useState<CloseOutcome>(report.status === 'resolved' ? 'fixed' : 'not_fixed');
  const [agencyId, setAgencyId] = useState('');
  const [duplicateOf, setDuplicateOf] = useState('');
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<DraftPhoto[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const available = (Object.keys(ALLOWED_FROM) as Array<keyof typeof ALLOWED_FROM>).filter((a) => ALLOWED_FROM[a].includes(report.status));
  const err = (f: string) => fieldError(error, `body.${f}`, lang);

  async function run(input: ActionInput) {
    setBusy(true);
    setError(undefined);
    setDone(null);
    try {
      await act(report.id, input, input.action === 'resolve' ? photos : []);
      setDone(t(`done.${input.action}`));
      setChosen(null);
      setReason('');
      setResultText('');
      setNote('');
      setPhotos([]);
      onDone();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  function choose(a: ActionName) {
    setChosen(chosen === a ? null : a);
    if (a === 'close') setOutcome(report.status === 'resolved' ? 'fixed' : 'not_fixed');
  }

  function submit(event: Event) {
    event.preventDefault();
    if (!chosen) return;
    const input: ActionInput = { action: chosen };
    if (chosen === 'refuse' || chosen === 'transfer' || (chosen === 'close' && outcome !== 'fixed')) input.reason = reason.trim();
    if (chosen === 'resolve') input.resultText = resultText.trim();
    if (chosen === 'close') input.outcome = outcome;
    if (chosen === 'close' && outcome === 'duplicate') input.duplicateOf = duplicateOf.trim().toUpperCase();
    if (chosen === 'transfer') input.agencyId = agencyId;
    void run(input);
  }

  const outcomes: CloseOutcome[] = report.status === 'resolved' ? ['fixed', 'not_fixed'] : ['not_fixed', 'not_ours', 'duplicate'];
  const targets = agencies.filter((a) => a.id !== report.agencyId).sort((a, b) => collator.compare(a.name, b.name));

  return (
    <section class="card stack" aria-labelledby="fb-actions">
      <h2 id="fb-actions">{t('actions.title')}</h2>
      {done && (
        <p class="alert alert--success" role="status">
          {done}
        </p>
      )}
      <ProblemBox error={error} />
      {available.length === 0 && <p class="muted">{t('actions.none')}</p>}
      <div class="row">
        {available.map((a) =>
          ONE_CLICK.has(a) ? (
            <button key={a} type="button" class="btn" disabled={busy} onClick={() => void run({ action: a })}>
              {t(`action.${a}`)}
            </button>
          ) : (
            <button key={a} type="button" class={`btn ${a === 'refuse' ? 'btn--danger' : 'btn--secondary'}`} aria-pressed={chosen === a} onClick={() => choose(a)}>
              {t(`action.${a}`)}
            </button>
          ),
        )}
      </div>
      {chosen && (
        <form class="form stack fb-action-form" onSubmit={submit} aria-label={t(`action.${chosen}`)}>
          {chosen === 'resolve' && <TemplatePicker key="resolve" id="fb-template-resolve" templates={templates} action="resolve" report={report} onPick={setResultText} />}
          {chosen === 'resolve' && (
            <div class="field">
              <label for="fb-result">{t('field.resultText')}</label>
              <span class="field__hint">{t('field.resultHint')}</span>
              <textarea id="fb-result" rows={4} required minLength={3} maxLength={4000} value={resultText} onInput={(e) => setResultText((e.currentTarget as HTMLTextAreaElement).value)} />
              {err('resultText') && <span class="field__error">{err('resultText')}</span>}
            </div>
          )}
          {chosen === 'resolve' && <PhotoPicker id="fb-result-photos" photos={photos} max={MAX_RESULT_PHOTOS} onChange={setPhotos} legend={t('field.resultPhotos')} hint={t('field.resultPhotosHint')} />}
          {chosen === 'close' && (
            <SelectField id="fb-outcome" label={t('field.outcome')} value={outcome} onValue={(v) => setOutcome(v as CloseOutcome)} options={outcomes.map((o) => ({ value: o, label: t(`outcome.${o}`) }))} />
          )}
          {chosen === 'close' && outcome === 'duplicate' && <TextField id="fb-duplicate" label={t('field.duplicateOf')} value={duplicateOf} onValue={setDuplicateOf} required placeholder="PA-26-000123" error={err('duplicateOf')} />}
          {chosen === 'transfer' && (
            <SelectField id="fb-agency" label={t('field.agency')} value={agencyId} onValue={setAgencyId} required options={[{ value: '', label: t('field.agencyChoose') }, ...targets.map((a) => ({ value: a.id, label: a.name }))]} />
          )}
          {(chosen === 'refuse' || chosen === 'transfer' || (chosen === 'close' && outcome !== 'fixed')) && <TemplatePicker key={chosen} id={`fb-template-${chosen}`} templates={templates} action={chosen} report={report} onPick={setReason} />}
          {(chosen === 'refuse' || chosen === 'transfer' || (chosen === 'close' && outcome !== 'fixed')) && (
            <div class="field">
              <label for="fb-reason">{t('field.reason')}</label>
              <span class="field__hint">{t('field.reasonHint')}</span>
              <textarea id="fb-reason" rows={3} required minLength={3} maxLength={2000} value={reason} onInput={(e) => setReason((e.currentTarget as HTMLTextAreaElement).value)} />
              {err('reason') && <span class="field__error">{err('reason')}</span>}
            </div>
          )}
          <div class="row">
            <button class={`btn${chosen === 'refuse' ? ' btn--danger' : ''}`} type="submit" disabled={busy || (chosen === 'transfer' && !agencyId)}>
              {t(`confirm.${chosen}`)}
            </button>
            <button type="button" class="btn btn--secondary" onClick={() => setChosen(null)}>
              {t('actions.cancel')}
            </button>
          </div>
        </form>
      )}
      <form
        class="form stack fb-note"
        onSubmit={(e) => {
          e.preventDefault();
          if (note.trim()) void run({ action: 'note', note: note.trim() });
        }}
      >
        <TemplatePicker id="fb-template-note" templates={templates} action="note" report={report} onPick={setNote} />
        <div class="field">
          <label for="fb-note">{t('field.note')}</label>
          <span class="field__hint">{t('field.noteHint')}</span>
          <textarea id="fb-note" rows={2} maxLength={4000} value={note} onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)} />
        </div>
        <div class="row">
          <button class="btn btn--secondary" type="submit" disabled={busy || !note.trim()}>
            {t('action.note')}
          </button>
        </div>
      </form>
    </section>
  );
}
