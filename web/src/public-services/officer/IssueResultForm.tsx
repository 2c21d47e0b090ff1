import { useState } from 'preact/hooks';
import { SelectField, TextField } from '../../ui/Field.js';
import type { FormProps } from './ActionForms.js';
import { useDossierT } from './i18n/index.js';

type Mode = 'template' | 'file';

/**
 * Ban hành kết quả: either the signed document uploaded (multipart) or the result written from the
 * template (JSON); the server stores the file and its SHA-256 either way.
 */
export function IssueResultForm({ dossier, busy, submit, onCancel, confirm }: FormProps) {
  const t = useDossierT();
  const [mode, setMode] = useState<Mode>('template');
  const [outcome, setOutcome] = useState<'approved' | 'rejected'>('approved');
  const [resultNumber, setResultNumber] = useState('');
  const [title, setTitle] = useState(dossier.procedure.name);
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const ready = resultNumber.trim() && (mode === 'file' ? !!file : title.trim() && text.trim());

  function send() {
    if (!ready) return;
    if (mode === 'template') {
      submit({ outcome, resultNumber: resultNumber.trim(), title: title.trim(), text: text.trim() });
      return;
    }
    const form = new FormData();
    form.set('outcome', outcome);
    form.set('resultNumber', resultNumber.trim());
    form.set('file', file!);
    submit(form);
  }

  return (
    <form
      class="form stack ps-action-form"
      aria-label={confirm}
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <fieldset class="ps-choices">
        <legend>{t('field.resultMode')}</legend>
        {(['template', 'file'] as const).map((m) => (
          <label key={m} class="check">
            <input type="radio" name="ps-result-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
            {t(`result.${m}`)}
          </label>
        ))}
      </fieldset>
      <SelectField id="ps-result-outcome" label={t('field.outcome')} value={outcome} onValue={(v) => setOutcome(v as 'approved' | 'rejected')} options={(['approved', 'rejected'] as const).map((o) => ({ value: o, label: t(`outcome.${o}`) }))} />
      <TextField id="ps-result-number" label={t('field.resultNumber')} value={resultNumber} onValue={setResultNumber} required autoComplete="off" placeholder="123/GKS" />
      {mode === 'template' && <TextField id="ps-result-title" label={t('field.title')} value={title} onValue={setTitle} required />}
      {mode === 'template' ? (
        <div class="field">
          <label for="ps-result-text">{t('field.text')}</label>
          <textarea id="ps-result-text" rows={5} required maxLength={20000} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
        </div>
      ) : (
        <div class="field">
          <label for="ps-result-file">{t('field.file')}</label>
          <input id="ps-result-file" type="file" accept="application/pdf" required onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)} />
        </div>
      )}
      <div class="row">
        <button class="btn" type="submit" disabled={busy || !ready}>
          {confirm}
        </button>
        <button type="button" class="btn btn--secondary" onClick={onCancel}>
          {t('actions.cancel')}
        </button>
      </div>
    </form>
  );
}
