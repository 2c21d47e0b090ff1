import { useState } from 'preact/hooks';
import { api, asApiError, type ApiError } from '../../lib/api.js';
import { useApi } from '../../lib/use-api.js';
import { SelectField } from '../../ui/Field.js';
import { ProblemBox } from '../../ui/Problem.js';
import { dossierUrl, type DossierDetail, type ProcedureDetail } from './api.js';
import { useDossierT } from './i18n/index.js';

/** Số hóa: an officer adds the scan of a paper component to a received dossier (the server marks it digitised). */
export function ScanUpload({ d, onDone }: { d: DossierDetail; onDone(): void }) {
  const t = useDossierT();
  const procedure = useApi<ProcedureDetail>(`/api/v1/procedures/${encodeURIComponent(d.procedure.code)}`);
  const [componentCode, setComponentCode] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const [done, setDone] = useState(false);
  const options = procedure.data?.components ?? [];
  if (options.length === 0) return null;
  return (
    <form
      class="form stack ps-action-form"
      aria-label={t('scan.title')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!componentCode || !file) return;
        const body = new FormData();
        body.set('componentCode', componentCode);
        body.set('file', file);
        setBusy(true);
        setError(undefined);
        setDone(false);
        api(`${dossierUrl(d.id)}/components`, { method: 'POST', body }).then(
          () => {
            setBusy(false);
            setDone(true);
            onDone();
          },
          (x: unknown) => {
            setBusy(false);
            setError(asApiError(x));
          },
        );
      }}
    >
      <h3>{t('scan.title')}</h3>
      {done && (
        <p class="alert alert--success" role="status">
          {t('scan.done')}
        </p>
      )}
      <ProblemBox error={error} />
      <SelectField id="ps-scan-component" label={t('comp.name')} value={componentCode} onValue={setComponentCode} options={[{ value: '', label: t('scan.choose') }, ...options.map((c) => ({ value: c.code, label: c.name }))]} />
      <div class="field">
        <label for="ps-scan-file">{t('scan.file')}</label>
        <input id="ps-scan-file" type="file" accept="application/pdf,image/*" onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)} />
      </div>
      <div class="row">
        <button type="submit" class="btn btn--secondary" disabled={busy || !componentCode || !file}>
          {t('scan.submit')}
        </button>
      </div>
    </form>
  );
}
