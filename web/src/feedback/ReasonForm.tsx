import type { ComponentChildren } from 'preact';

interface Props {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onValue(value: string): void;
  rows: number;
  maxLength: number;
  /** The server's message for this field, if it refused it. */
  error?: string | undefined;
  busy: boolean;
  submitLabel: string;
  /** `btn--danger` for a hide; the plain button otherwise. */
  submitClass?: string;
  cancelLabel: string;
  onSubmit(): void;
  onCancel(): void;
  formClass?: string;
  ariaLabel?: string;
  /** Shown between the reason and the buttons (e.g. the server's error). */
  children?: ComponentChildren;
}

/** Lý do: a required reason (at least 3 characters) with confirm and cancel, as hiding and reopening ask for one. */
export function ReasonForm({ id, label, hint, value, onValue, rows, maxLength, error, busy, submitLabel, submitClass = 'btn', cancelLabel, onSubmit, onCancel, formClass = 'form', ariaLabel, children }: Props) {
  return (
    <form
      class={formClass}
      aria-label={ariaLabel}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <div class="field">
        <label for={id}>{label}</label>
        {hint && <span class="field__hint">{hint}</span>}
        <textarea id={id} rows={rows} required minLength={3} maxLength={maxLength} value={value} onInput={(e) => onValue((e.currentTarget as HTMLTextAreaElement).value)} />
        {error && <span class="field__error">{error}</span>}
      </div>
      {children}
      <div class="row">
        <button class={submitClass} type="submit" disabled={busy || value.trim().length < 3}>
          {submitLabel}
        </button>
        <button type="button" class="btn btn--secondary" onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </form>
  );
}
