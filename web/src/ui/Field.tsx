import type { ComponentChildren } from 'preact';

let counter = 0;
/** A stable id for a form control (ids must be unique on the page). */
export function newId(prefix = 'f'): string {
  counter += 1;
  return `${prefix}-${counter}`;
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
      <label for={id}>{label}</label>
      {hint && (
        <span class="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
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
      <label for={id}>{label}</label>
      {hint && (
        <span class="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
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
