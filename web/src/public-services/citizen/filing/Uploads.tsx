import { formatNumber } from '../../../lib/format.js';
import { useLang } from '../../../lib/i18n.js';
import { useCitizenPsT } from '../../i18n/citizen.js';
import type { ProcedureComponent } from '../../types.js';
import { IDS } from './checks.js';
import type { Filing } from './use-filing.js';

/** What the platform's file service takes (it checks the bytes, not the name). */
export const ACCEPT = '.pdf,.jpg,.jpeg,.png,.webp,.heic,application/pdf,image/*';

export function formatSize(bytes: number): string {
  if (!bytes) return '';
  if (bytes < 1024 * 1024) return `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${formatNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`;
}

interface Props {
  components: ProcedureComponent[];
  filing: Filing;
  missing: string[] | null;
}

/** Thành phần hồ sơ: one file per component, sent to the server draft as soon as it is chosen. */
export function Uploads({ components, filing, missing }: Props) {
  const t = useCitizenPsT();
  if (components.length === 0) return null;
  const kept = Object.values(filing.uploads).filter((u) => u.state === 'failed' && u.kept).length;
  return (
    <section class="ps-step stack" aria-labelledby="ps-components-title">
      <h2 id="ps-components-title">{t('file.components')}</h2>
      <p class="field__hint">{t('file.componentsHint')}</p>
      {kept > 1 && (
        <p>
          <button type="button" class="btn btn--small" onClick={filing.retryKept}>
            {t('file.retryAll')}
          </button>
        </p>
      )}
      <ul class="plain-list stack">
        {components.map((c) =>
          // A file attached before the procedure said so stays visible, so it can be removed.
          c.filledByForm && !filing.draft?.uploads[c.code] ? <FilledByForm key={c.code} c={c} /> : <ComponentUpload key={c.code} c={c} filing={filing} missing={!!missing?.includes(c.code)} />,
        )}
      </ul>
    </section>
  );
}

/** The declaration the online form stands for (tờ khai điện tử): its answers are given above, no file. */
function FilledByForm({ c }: { c: ProcedureComponent }) {
  const t = useCitizenPsT();
  return (
    <li class="ps-upload">
      <p class="ps-upload__name">{c.name}</p>
      <p class="ps-upload__done">
        <span aria-hidden="true">✎ </span>
        {t('file.byForm')}
      </p>
      <p class="small muted">{t('file.byFormHint')}</p>
    </li>
  );
}

function ComponentUpload({ c, filing, missing }: { c: ProcedureComponent; filing: Filing; missing: boolean }) {
  const t = useCitizenPsT();
  const { lang } = useLang();
  const id = IDS.component(c.code);
  const done = filing.draft?.uploads[c.code];
  const progress = filing.uploads[c.code];
  const choose = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (file) void filing.upload(c.code, file);
  };
  return (
    <li class={`ps-upload${missing ? ' ps-upload--missing' : ''}`}>
      <p class="ps-upload__name">
        {c.name} {c.required ? <span class="badge badge--warn">{t('proc.required')}</span> : <span class="badge badge--muted">{t('proc.optional')}</span>}
      </p>
      <p class="small muted">
        {t('proc.kindCount', { kind: t(`kind.${c.kind}`), count: c.count })}
        {c.reusable && ` · ${t('proc.reusable')}`}
        {c.templateUrl && (
          <>
            {' · '}
            <a href={c.templateUrl} download>
              {t('file.template')}
            </a>
          </>
        )}
      </p>
      {done && !progress && (
        <p class="ps-upload__done" role="status">
          <span aria-hidden="true">✓ </span>
          {t('file.uploaded', { name: done.fileName, size: formatSize(done.size) })}
        </p>
      )}
      {progress?.state === 'uploading' && (
        <div class="ps-upload__progress" role="status">
          <progress max={1} value={progress.progress} aria-label={t('file.uploading', { name: progress.file.name })} />
          <span class="small">{t('file.uploadingPct', { name: progress.file.name, pct: Math.round(progress.progress * 100) })}</span>
        </div>
      )}
      {progress?.state === 'failed' && (
        <div class={`alert ${progress.kept ? 'alert--warning' : 'alert--error'}`} role="alert">
          <p>{progress.kept ? t('file.pending', { name: progress.file.name }) : t('file.failed', { name: progress.file.name })}</p>
          {progress.kept && <p class="small">{t('file.pendingHint')}</p>}
          {progress.error && <p class="small">{progress.error.messages[lang]}</p>}
          <p class="row">
            <button type="button" class="btn btn--small" onClick={() => void filing.upload(c.code, progress.file)}>
              {t('file.retry')}
            </button>
            <button type="button" class="btn btn--secondary btn--small" onClick={() => filing.cancelUpload(c.code)}>
              {t('file.cancel')}
            </button>
          </p>
        </div>
      )}
      {progress?.state !== 'uploading' && (
        <div class="ps-upload__pick">
          <input class="visually-hidden" type="file" id={id} accept={ACCEPT} aria-describedby={missing ? `${id}-error` : undefined} onChange={(e) => choose(e.currentTarget)} />
          <label for={id} class="btn btn--secondary btn--small">
            {done ? t('file.replace') : t('file.choose')}
            <span class="visually-hidden"> — {c.name}</span>
          </label>
          {done && (
            <button type="button" class="btn btn--link btn--small" onClick={() => void filing.removeUpload(c.code).catch(() => {})}>
              {t('file.remove')}
              <span class="visually-hidden"> — {c.name}</span>
            </button>
          )}
        </div>
      )}
      {missing && (
        <span class="field__error" id={`${id}-error`}>
          {t('file.missing')}
        </span>
      )}
    </li>
  );
}
