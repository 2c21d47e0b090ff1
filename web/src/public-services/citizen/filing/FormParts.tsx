import { formatDateTime } from '../../../lib/format.js';
import { useProvinceCode, useCommunes } from '../../../feedback/province.js';
import { ProblemBox } from '../../../ui/Problem.js';
import { useCitizenPsT } from '../../i18n/citizen.js';
import type { ProcedureFee } from '../../types.js';
import { RequiredMark } from '../form/SchemaForm.js';
import { IDS } from './checks.js';
import type { Filing } from './use-filing.js';

/** For commune-level procedures: the commune (xã, phường, đặc khu) whose People's Committee decides. */
export function CommuneField({ value, onValue, missing }: { value: string; onValue(v: string): void; missing: boolean }) {
  const t = useCitizenPsT();
  const province = useProvinceCode();
  const communes = useCommunes(province.code);
  return (
    <section class="ps-step stack" aria-labelledby="ps-commune-title">
      <h2 id="ps-commune-title">{t('file.commune')}</h2>
      <div class="field">
        <label for={IDS.commune}>
          {t('file.communeLabel')}
          <RequiredMark />
        </label>
        <span class="field__hint" id={`${IDS.commune}-hint`}>
          {t('file.communeHint')}
        </span>
        <select
          id={IDS.commune}
          value={value}
          aria-required="true"
          aria-invalid={missing ? 'true' : undefined}
          aria-describedby={`${IDS.commune}-hint${missing ? ` ${IDS.commune}-error` : ''}`}
          onChange={(e) => onValue(e.currentTarget.value)}
        >
          <option value="">{communes.length === 0 ? t('file.communeLoading') : t('form.choose')}</option>
          {communes.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        {missing && (
          <span class="field__error" id={`${IDS.commune}-error`}>
            {t('file.communeMissing')}
          </span>
        )}
      </div>
    </section>
  );
}

/** Grounds for not paying a fee (đối tượng miễn, giảm); the officer checks the proof at receipt. */
export function Exemptions({ fees, value, onValue }: { fees: ProcedureFee[]; value: string[]; onValue(v: string[]): void }) {
  const t = useCitizenPsT();
  const options = new Map<string, string>();
  for (const f of fees) for (const e of f.exemptions) options.set(e.code, e.name);
  if (options.size === 0) return null;
  const toggle = (code: string, on: boolean) => onValue(on ? [...value.filter((c) => c !== code), code] : value.filter((c) => c !== code));
  return (
    <fieldset class="ps-step stack">
      <legend>{t('file.exemptions')}</legend>
      <p class="field__hint">{t('file.exemptionsHint')}</p>
      {[...options].map(([code, name]) => (
        <label key={code} class="check">
          <input type="checkbox" checked={value.includes(code)} onChange={(e) => toggle(code, e.currentTarget.checked)} />
          <span>{name}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** Where the draft is kept right now: this device, the server, or waiting for the network. */
export function SyncStatus({ filing }: { filing: Filing }) {
  const t = useCitizenPsT();
  const d = filing.draft!;
  const { state, error } = filing.sync;
  let text = '';
  if (state === 'saving') text = t('sync.saving');
  else if (state === 'offline') text = t('sync.offline', { time: formatDateTime(d.savedLocallyAt) });
  else if (!d.dirty && d.savedOnServerAt) text = t('sync.saved', { time: formatDateTime(d.savedOnServerAt) });
  else if (d.savedLocallyAt) text = t('sync.local', { time: formatDateTime(d.savedLocallyAt) });
  return (
    <div class="stack ps-sync">
      {!filing.localOk && <p class="alert alert--warning">{t('sync.noLocal')}</p>}
      <p class={`small ${state === 'offline' ? 'ps-warn' : 'muted'}`} role="status" aria-live="polite">
        {text}
      </p>
      {state === 'error' && error && error.status !== 409 && <ProblemBox error={error} />}
    </div>
  );
}
