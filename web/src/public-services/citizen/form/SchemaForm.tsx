import { useCitizenPsT } from '../../i18n/citizen.js';
import { setIn, type FieldProblem, type FieldSpec, type RawRecord, type RawValue } from './schema.js';

interface Props {
  fields: FieldSpec[];
  value: RawRecord;
  onChange(next: RawRecord): void;
  problems: Map<string, FieldProblem>;
  /** Prefix for element ids (unique on the page). */
  idPrefix: string;
}

/** The procedure's own form, drawn from its JSON Schema (see schema.ts for the subset). */
export function SchemaForm({ fields, value, onChange, problems, idPrefix }: Props) {
  return (
    <div class="stack ps-schema">
      {fields.map((f) => (
        <SchemaField key={f.path} spec={f} value={value[f.name]} problems={problems} idPrefix={idPrefix} onValue={(v) => onChange(setIn(value, [f.name], v))} />
      ))}
    </div>
  );
}

interface FieldProps {
  spec: FieldSpec;
  value: RawValue | undefined;
  onValue(v: RawValue): void;
  problems: Map<string, FieldProblem>;
  idPrefix: string;
}

export const idOf = (prefix: string, path: string) => `${prefix}-${path.replace(/[^A-Za-z0-9_-]/g, '_')}`;

function SchemaField({ spec, value, onValue, problems, idPrefix }: FieldProps) {
  if (spec.kind === 'object') {
    const record = (value && typeof value === 'object' && !Array.isArray(value) ? value : {}) as RawRecord;
    return (
      <fieldset class="ps-fieldset">
        <legend>{spec.title}</legend>
        {spec.description && <p class="field__hint">{spec.description}</p>}
        <SchemaForm fields={spec.children ?? []} value={record} onChange={onValue} problems={problems} idPrefix={idPrefix} />
      </fieldset>
    );
  }
  if (spec.kind === 'array') return <ArrayField spec={spec} value={value} onValue={onValue} problems={problems} idPrefix={idPrefix} />;
  const id = idOf(idPrefix, spec.path);
  const problem = problems.get(spec.path);
  if (spec.kind === 'boolean') return <CheckField id={id} spec={spec} checked={value === true} onValue={onValue} problem={problem} />;
  return (
    <div class="field">
      <label for={id}>
        {spec.title}
        {spec.required && <RequiredMark />}
      </label>
      {spec.description && (
        <span class="field__hint" id={`${id}-hint`}>
          {spec.description}
        </span>
      )}
      <Control id={id} spec={spec} value={typeof value === 'string' ? value : ''} onValue={onValue} invalid={!!problem} />
      <ProblemText id={id} spec={spec} problem={problem} />
    </div>
  );
}

export function RequiredMark() {
  const t = useCitizenPsT();
  return (
    <>
      <span class="ps-required" aria-hidden="true">
        {' *'}
      </span>
      <span class="visually-hidden"> ({t('form.required')})</span>
    </>
  );
}

function ProblemText({ id, spec, problem }: { id: string; spec: FieldSpec; problem: FieldProblem | undefined }) {
  const t = useCitizenPsT();
  if (!problem) return null;
  return (
    <span class="field__error" id={`${id}-error`}>
      {t(`form.err.${problem.key}`, { limit: problem.limit ?? '', field: spec.title })}
    </span>
  );
}

function describedBy(id: string, spec: FieldSpec, invalid: boolean): string | undefined {
  return [spec.description ? `${id}-hint` : '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

interface ControlProps {
  id: string;
  spec: FieldSpec;
  value: string;
  onValue(v: string): void;
  invalid: boolean;
  label?: string;
}

/** One input for a leaf field (also the items of an array). */
function Control({ id, spec, value, onValue, invalid, label }: ControlProps) {
  const t = useCitizenPsT();
  const common = {
    id,
    name: id,
    'aria-invalid': invalid ? ('true' as const) : undefined,
    'aria-describedby': describedBy(id, spec, invalid),
    'aria-required': spec.required ? ('true' as const) : undefined,
    'aria-label': label,
  };
  const onInput = (e: Event) => onValue((e.currentTarget as HTMLInputElement).value);
  if (spec.kind === 'select') {
    return (
      <select {...common} value={value} onChange={onInput}>
        <option value="">{t('form.choose')}</option>
        {spec.options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  if (spec.kind === 'textarea') return <textarea {...common} rows={4} maxLength={spec.maxLength} value={value} onInput={onInput} />;
  const numeric = spec.kind === 'integer' || spec.kind === 'number';
  // Preact types <input> as a union keyed by a literal `type`; ours is chosen at run time.
  const type = { type: spec.kind === 'date' ? 'date' : spec.kind === 'email' ? 'email' : 'text' } as { type: 'text' };
  return (
    <input
      {...common}
      {...type}
      value={value}
      maxLength={spec.maxLength}
      inputMode={numeric ? (spec.kind === 'integer' ? 'numeric' : 'decimal') : spec.kind === 'email' ? 'email' : undefined}
      autoComplete={spec.kind === 'email' ? 'email' : 'off'}
      onInput={onInput}
    />
  );
}

function CheckField({ id, spec, checked, onValue, problem }: { id: string; spec: FieldSpec; checked: boolean; onValue(v: boolean): void; problem: FieldProblem | undefined }) {
  return (
    <div class="field">
      <label class="check" for={id}>
        <input
          type="checkbox"
          id={id}
          checked={checked}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={describedBy(id, spec, !!problem)}
          onChange={(e) => onValue(e.currentTarget.checked)}
        />
        <span>
          {spec.title}
          {spec.required && <RequiredMark />}
        </span>
      </label>
      {spec.description && (
        <span class="field__hint" id={`${id}-hint`}>
          {spec.description}
        </span>
      )}
      <ProblemText id={id} spec={spec} problem={problem} />
    </div>
  );
}

/** A list of simple items: one input each, with add and remove. */
function ArrayField({ spec, value, onValue, problems, idPrefix }: FieldProps) {
  const t = useCitizenPsT();
  const items = (Array.isArray(value) ? value : []).map((v) => (typeof v === 'string' ? v : ''));
  const id = idOf(idPrefix, spec.path);
  const full = spec.maxItems !== undefined && items.length >= spec.maxItems;
  const problem = problems.get(spec.path);
  return (
    <fieldset class="ps-fieldset" aria-describedby={describedBy(id, spec, !!problem)}>
      <legend>
        {spec.title}
        {spec.required && <RequiredMark />}
      </legend>
      {spec.description && (
        <p class="field__hint" id={`${id}-hint`}>
          {spec.description}
        </p>
      )}
      {items.length === 0 && <p class="small muted">{t('form.noItems')}</p>}
      <ol class="ps-array">
        {items.map((item, i) => {
          const itemId = `${id}-${i}`;
          const itemProblem = problems.get(`${spec.path}/${i}`);
          return (
            <li key={i} class="ps-array__item">
              <Control
                id={itemId}
                spec={{ ...spec.item!, title: spec.title, required: false }}
                value={item}
                invalid={!!itemProblem}
                label={t('form.item', { field: spec.title, n: i + 1 })}
                onValue={(v) => onValue(items.map((x, j) => (j === i ? v : x)))}
              />
              <button type="button" class="btn btn--link btn--small" onClick={() => onValue(items.filter((_, j) => j !== i))}>
                {t('form.removeItem')}
                <span class="visually-hidden"> {t('form.item', { field: spec.title, n: i + 1 })}</span>
              </button>
              <ProblemText id={itemId} spec={spec.item!} problem={itemProblem} />
            </li>
          );
        })}
      </ol>
      {!full && (
        <button type="button" class="btn btn--secondary btn--small" onClick={() => onValue([...items, ''])}>
          {t('form.addItem')}
        </button>
      )}
      <ProblemText id={id} spec={spec} problem={problem} />
    </fieldset>
  );
}
