import type { ComponentChildren } from 'preact';
import { useIotT } from './i18n/index.js';

/** The foot of an IoT editor form: save (submits; off while saving), cancel, then any extra action. */
export function FormActions({ busy, onCancel, children }: { busy: boolean; onCancel(): void; children?: ComponentChildren }) {
  const t = useIotT();
  return (
    <div class="row">
      <button type="submit" class="btn" disabled={busy}>
        {t('rules.save')}
      </button>
      <button type="button" class="btn btn--secondary" onClick={onCancel}>
        {t('action.cancel')}
      </button>
      {children}
    </div>
  );
}
