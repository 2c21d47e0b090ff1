import { useBilingual } from '../../lib/i18n.js';
import { useFeedbackT } from '../i18n/index.js';
import type { Category, CategoryAttribute } from '../types.js';

interface Props {
  category: Category;
  values: Record<string, string | string[]>;
  onChange(values: Record<string, string | string[]>): void;
  errors: Record<string, string>;
}

/** The category's extra questions, one control per Open311 datatype. */
export function AttributeFields({ category, values, onChange, errors }: Props) {
  const t = useFeedbackT();
  if (category.attributes.length === 0) return null;
  return (
    <fieldset class="stack">
      <legend>{t('attrs.legend')}</legend>
      {category.attributes.map((a) => (
        <Attribute key={a.code} attribute={a} value={values[a.code]} error={errors[`attr.${a.code}`]} onValue={(v) => onChange({ ...values, [a.code]: v })} />
      ))}
    </fieldset>
  );
}

function Attribute({ attribute: a, value, error, onValue }: { attribute: CategoryAttribute; value: string | string[] | undefined; error?: string | undefined; onValue(v: string | string[]): void }) {
  const t = useFeedbackT();
  const pick = useBilingual();
  const id = `fb-attr-${a.code}`;
  const label = `${pick(a.description)}${a.required ? ` ${t('attrs.required')}` : ''}`;
  const text = typeof value === 'string' ? value : '';
  const described = error ? `${id}-error` : undefined;
  const errorLine = error && (
    <span class="field__error" id={`${id}-error`}>
      {error}
    </span>
  );

  if (a.datatype === 'multivaluelist') {
    const chosen = Array.isArray(value) ? value : [];
    return (
      <fieldset id={id} tabIndex={-1} aria-describedby={described}>
        <legend>{label}</legend>
        {(a.values ?? []).map((v) => (
          <label key={v.key} class="check">
            <input type="checkbox" checked={chosen.includes(v.key)} onChange={(e) => onValue((e.currentTarget as HTMLInputElement).checked ? [...chosen, v.key] : chosen.filter((k) => k !== v.key))} />
            {pick(v.name)}
          </label>
        ))}
        {errorLine}
      </fieldset>
    );
  }

  const common = { id, name: id, required: a.required, 'aria-invalid': error ? ('true' as const) : undefined, 'aria-describedby': described };
  const onInput = (e: Event) => onValue((e.currentTarget as HTMLInputElement).value);
  let control;
  if (a.datatype === 'singlevaluelist') {
    control = (
      <select {...common} value={text} onChange={onInput}>
        <option value="">{t('attrs.choose')}</option>
        {(a.values ?? []).map((v) => (
          <option key={v.key} value={v.key}>
            {pick(v.name)}
          </option>
        ))}
      </select>
    );
  } else if (a.datatype === 'text') {
    control = <textarea {...common} rows={3} value={text} onInput={onInput} />;
  } else if (a.datatype === 'number') {
    control = <input {...common} type="number" inputMode="decimal" value={text} onInput={onInput} />;
  } else if (a.datatype === 'datetime') {
    control = <input {...common} type="datetime-local" value={text} onInput={onInput} />;
  } else {
    control = <input {...common} type="text" value={text} onInput={onInput} />;
  }
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {control}
      {errorLine}
    </div>
  );
}
