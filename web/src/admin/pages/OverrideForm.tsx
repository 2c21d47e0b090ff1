import { useState } from 'preact/hooks';
import { api, asApiError, type ApiError } from '../../lib/api.js';
import { useLang, useT } from '../../lib/i18n.js';
import { SelectField, TextField } from '../../ui/Field.js';
import { fieldError, ProblemBox } from '../../ui/Problem.js';
import { useAdminT } from '../i18n/index.js';

/** Enters one official decision: an extra day off, a swapped working day, … */
export function OverrideForm({ onCreated }: { onCreated(): void }) {
  const t = useAdminT();
  const tc = useT();
  const { lang } = useLang();
  const [date, setDate] = useState('');
  const [kind, setKind] = useState('day_off');
  const [nameVi, setNameVi] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [source, setSource] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const err = (f: string) => fieldError(error, f, lang);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api('/api/v1/calendar/overrides', { method: 'POST', body: { date, kind, name: { vi: nameVi.trim(), en: nameEn.trim() }, source: source.trim() } });
      setDate('');
      setNameVi('');
      setNameEn('');
      setSource('');
      onCreated();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  const kinds = (['day_off', 'working_day', 'national_day_second'] as const).map((k) => ({ value: k, label: t(`calendar.override.${k}`) }));
  return (
    <details class="panel-form">
      <summary>{t('calendar.add')}</summary>
      <form class="form form--wide" onSubmit={submit}>
        <ProblemBox error={error} />
        <div class="form-grid">
          <TextField id="ov-date" label={t('calendar.date')} type="date" required value={date} onValue={setDate} error={err('date')} />
          <SelectField id="ov-kind" label={t('calendar.kind')} value={kind} onValue={setKind} options={kinds} />
          <TextField id="ov-name-vi" label={t('calendar.nameVi')} required minLength={2} value={nameVi} onValue={setNameVi} lang="vi" />
          <TextField id="ov-name-en" label={t('calendar.nameEn')} required minLength={2} value={nameEn} onValue={setNameEn} lang="en" />
          <TextField id="ov-source" label={t('calendar.source')} hint={t('calendar.sourceHint')} required minLength={3} value={source} onValue={setSource} error={err('source')} />
        </div>
        <div class="row">
          <button class="btn" type="submit" disabled={busy}>
            {busy ? tc('state.saving') : t('calendar.addSubmit')}
          </button>
        </div>
      </form>
    </details>
  );
}
