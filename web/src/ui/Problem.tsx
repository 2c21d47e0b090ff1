import type { ApiError } from '../lib/api.js';
import { useLang, useT } from '../lib/i18n.js';

/**
 * An error from the server in both languages: the current one first, the other beneath it,
 * plus any field errors.
 */
export function ProblemBox({ error, onRetry }: { error: ApiError | undefined | null; onRetry?: () => void }) {
  const { lang } = useLang();
  const t = useT();
  if (!error) return null;
  const other = lang === 'vi' ? 'en' : 'vi';
  return (
    <div class="alert alert--error" role="alert">
      <p>
        <strong lang={lang}>{error.messages[lang]}</strong>
      </p>
      {error.messages[other] !== error.messages[lang] && (
        <p class="alert__alt" lang={other}>
          {error.messages[other]}
        </p>
      )}
      {error.fieldErrors.length > 0 && (
        <>
          <p>{t('error.fields')}</p>
          <ul>
            {error.fieldErrors.map((f) => (
              <li key={f.field}>
                <code>{f.field}</code>: {f.message[lang]}
              </li>
            ))}
          </ul>
        </>
      )}
      {onRetry && (
        <p>
          <button type="button" class="btn btn--secondary btn--small" onClick={onRetry}>
            {t('state.retry')}
          </button>
        </p>
      )}
    </div>
  );
}

export function Loading({ label }: { label?: string }) {
  const t = useT();
  return (
    <div class="loading" role="status">
      <span class="spinner" aria-hidden="true" />
      <span>{label ?? t('state.loading')}</span>
    </div>
  );
}

/** The error of a field, for `aria-describedby`. */
export function fieldError(error: ApiError | undefined | null, field: string, lang: 'vi' | 'en'): string | undefined {
  const match = error?.fieldErrors.find((f) => f.field === field || f.field === `/${field}` || f.field.endsWith(`.${field}`));
  return match?.message[lang];
}
