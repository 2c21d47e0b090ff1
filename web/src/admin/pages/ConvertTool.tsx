import { useState } from 'preact/hooks';
import { api, asApiError, type ApiError } from '../../lib/api.js';
import { DataTable } from '../../ui/DataTable.js';
import { TextField } from '../../ui/Field.js';
import { ProblemBox } from '../../ui/Problem.js';
import { useAdminT } from '../i18n/index.js';

interface Conversion {
  oldCode: string | null;
  oldName: string;
  oldDistrict: string;
  oldProvince: string;
  note: string;
  newCode: string;
  newName: string;
}

/** Old (pre-July-2025) commune → the commune it became. */
export function ConvertTool() {
  const t = useAdminT();
  const [oldCode, setOldCode] = useState('');
  const [items, setItems] = useState<Conversion[] | null>(null);
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setItems(null);
    try {
      const result = await api<{ items: Conversion[] }>('/api/v1/admin-units/convert', { query: { oldCode: oldCode.trim() } });
      setItems(result.items);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card stack" aria-labelledby="convert-title">
      <div>
        <h2 id="convert-title">{t('units.convert')}</h2>
        <p class="muted">{t('units.convertLead')}</p>
      </div>
      <form class="toolbar" onSubmit={submit}>
        <TextField id="convert-code" label={t('units.oldCode')} inputMode="numeric" pattern="[0-9]{1,5}" required value={oldCode} onValue={setOldCode} />
        <button class="btn" type="submit" disabled={busy}>
          {t('units.convertSubmit')}
        </button>
      </form>
      <ProblemBox error={error} />
      {items && (
        <DataTable<Conversion>
          caption={t('units.convertResult', { code: oldCode.trim() })}
          rows={items}
          rowKey={(c) => `${c.oldCode}-${c.newCode}`}
          columns={[
            { label: t('units.old'), render: (c) => `${c.oldName}, ${c.oldDistrict}, ${c.oldProvince}` },
            { label: t('units.new'), render: (c) => <strong>{c.newName}</strong> },
            { label: t('units.code'), render: (c) => <code>{c.newCode}</code> },
            { label: t('units.note'), render: (c) => c.note },
          ]}
        />
      )}
    </section>
  );
}
