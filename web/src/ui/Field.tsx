import type { ComponentChildren } from 'preact';

let counter = 0;
/** A stable id for a form control (ids must be unique on the page). */
export function newId(prefix = 'f'): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** A control's label and optional hint; the control points at the hint with `aria-describedby`. */
function FieldLabel({ id, label, hint }: { id: string; label: string; hint: string | undefined }) {
  return (
    <>
      <label for={id}>{label}</label>
      {hint && (
        <span class="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
    </>
  );
}

interface InputProps {
  id: string;
  label: string;
  value: string;
  onValue(value: string): void;
  hint?: string;
  error?: string | undefined;
  type?: 'text' | 'email' | 'password' | 'search' | 'tel' | 'date' | 'number' | 'url';
  autoComplete?: string;
  inputMode?: 'text' | 'email' | 'tel' | 'numeric' | 'search' | 'url';
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  lang?: string;
  disabled?: boolean;
  placeholder?: string;
}

/** A labelled text input with an optional hint and error, wired for screen readers. */
export function TextField({ id, label, value, onValue, hint, error, type = 'text', ...rest }: InputProps) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  // Preact types <input> as a union keyed by a literal `type`; ours is chosen at run time.
  const attributes = { type, ...rest } as { type: 'text' };
  return (
    <div class="field">
      <FieldLabel id={id} label={label} hint={hint} />
      <input
        id={id}
        name={id}
        value={value}
        onInput={(e) => onValue((e.currentTarget as HTMLInputElement).value)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described}
        {...attributes}
      />
      {error && (
        <span class="field__error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

interface SelectProps {
  id: string;
  label: string;
  value: string;
  onValue(value: string): void;
  options: Array<{ value: string; label: string }>;
  hint?: string;
  required?: boolean;
  disabled?: boolean;
}

export function SelectField({ id, label, value, onValue, options, hint, required, disabled }: SelectProps) {
  return (
    <div class="field">
      <FieldLabel id={id} label={label} hint={hint} />
      <select
        id={id}
        name={id}
        value={value}
        required={required}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onValue((e.currentTarget as HTMLSelectElement).value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function PageHead({ title, lead, actions }: { title: string; lead?: ComponentChildren; actions?: ComponentChildren }) {
  return (
    <div class="page-head">
      <div>
        <h1>{title}</h1>
        {lead && <p class="muted">{lead}</p>}
      </div>
      {actions && <div class="page-head__actions">{actions}</div>}
    </div>
  );
}

/** A card of label/value pairs under its own heading (a profile's or a device's details). */
export function DetailsCard({ id, title, rows, listClass }: { id: string; title: string; rows: Array<[string, string]>; listClass: string }) {
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <dl class={listClass}>
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
