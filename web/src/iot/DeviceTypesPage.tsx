import { useState } from 'preact/hooks';
import { api, asApiError, type ApiError } from '../lib/api.js';
import { formatNumber } from '../lib/format.js';
import { useLang } from '../lib/i18n.js';
import { useTitle } from '../lib/router.js';
import type { User } from '../lib/session.js';
import { DataTable } from '../ui/DataTable.js';
import { PageHead, SelectField, TextField } from '../ui/Field.js';
import { NotFound } from '../ui/Guard.js';
import { ProblemBox } from '../ui/Problem.js';
import { canEditTypes, paths, SECTORS, type DeviceType, type MetricDefinition, type Sector } from './api.js';
import { useDeviceTypes } from './data.js';
import { FormActions } from './FormActions.js';
import { useIotT } from './i18n/index.js';

type TypeInput = Omit<DeviceType, 'id' | 'isBuiltin' | 'deviceCount'>;
const emptyMetric = (): MetricDefinition => ({ key: '', name: { vi: '', en: '' }, unit: '', min: 0, max: 100, precision: 1 });
const emptyType = (): TypeInput => ({ code: '', name: '', nameEn: '', sector: 'environment', metrics: [emptyMetric()], reportIntervalSeconds: 300 });

/** `/can-bo/loai-thiet-bi`: device types and their metrics (system administrators). */
export function DeviceTypesPage({ user }: { user: User }) {
  const t = useIotT();
  const { lang } = useLang();
  useTitle(t('types.title'));
  const types = useDeviceTypes();
  const [editing, setEditing] = useState<DeviceType | 'new' | null>(null);
  if (!canEditTypes(user)) return <NotFound />;
  return (
    <div class="stack iot">
      <PageHead
        title={t('types.title')}
        lead={t('types.lead')}
        actions={
          !editing && (
            <button type="button" class="btn" onClick={() => setEditing('new')}>
              {t('types.new')}
            </button>
          )
        }
      />
      {editing && (
        <TypeEditor
          key={editing === 'new' ? 'new' : editing.id}
          type={editing === 'new' ? null : editing}
          onDone={() => {
            setEditing(null);
            types.reload();
          }}
        />
      )}
      <DataTable
        caption={t('types.caption')}
        rows={types.types}
        rowKey={(ty) => ty.id}
        loading={types.loading}
        error={types.error}
        onRetry={types.reload}
        columns={[
          { label: t('types.code'), render: (ty) => <code>{ty.code}</code> },
          { label: t('types.name'), render: (ty) => (lang === 'en' && ty.nameEn ? ty.nameEn : ty.name) },
          { label: t('device.sector'), render: (ty) => t(`sector.${ty.sector}`) },
          { label: t('types.metrics'), render: (ty) => ty.metrics.map((m) => `${m.name[lang] || m.key} (${m.unit})`).join(', ') },
          { label: t('types.interval'), numeric: true, render: (ty) => formatNumber(ty.reportIntervalSeconds) },
          { label: t('types.devices'), numeric: true, render: (ty) => formatNumber(ty.deviceCount ?? null) },
          {
            label: t('rules.actions'),
            render: (ty) => (
              <button type="button" class="btn btn--secondary btn--small" onClick={() => setEditing(ty)} aria-label={t('types.edit', { name: ty.name })}>
                {t('rules.editShort')}
              </button>
            ),
          },
        ]}
      />
    </div>
  );
}

function TypeEditor({ type, onDone }: { type: DeviceType | null; onDone(): void }) {
  const t = useIotT();
  const [draft, setDraft] = useState<TypeInput>(() =>
    type ? { code: type.code, name: type.name, nameEn: type.nameEn, sector: type.sector, reportIntervalSeconds: type.reportIntervalSeconds, metrics: type.metrics.map((m) => ({ ...m, name: { ...m.name } })) } : emptyType(),
  );
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const patch = (p: Partial<TypeInput>) => setDraft((d) => ({ ...d, ...p }));
  const setMetric = (i: number, m: MetricDefinition) => patch({ metrics: draft.metrics.map((x, j) => (j === i ? m : x)) });

  async function save(e: Event) {
    e.preventDefault();
    setBusy(true);
    try {
      // The code names a type for good: a replacement (PUT) sends everything but it.
      const { code, ...fields } = draft;
      await api(type ? paths.type(type.code) : paths.types, { method: type ? 'PUT' : 'POST', body: type ? fields : { code, ...fields } });
      onDone();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card stack" onSubmit={save} aria-labelledby="iot-type-title">
      <h2 id="iot-type-title">{type ? t('types.edit', { name: type.name }) : t('types.new')}</h2>
      <ProblemBox error={error} />
      <div class="iot-form-grid">
        <TextField id="iot-type-code" label={t('types.code')} value={draft.code} onValue={(code) => patch({ code })} required disabled={!!type} pattern="[a-z][a-z0-9_]{1,39}" hint={t('types.codeHint')} />
        <TextField id="iot-type-name" label={t('types.nameVi')} value={draft.name} onValue={(name) => patch({ name })} required />
        <TextField id="iot-type-name-en" label={t('types.nameEn')} value={draft.nameEn} onValue={(nameEn) => patch({ nameEn })} lang="en" />
        <SelectField id="iot-type-sector" label={t('device.sector')} value={draft.sector} onValue={(v) => patch({ sector: v as Sector })} options={SECTORS.map((s) => ({ value: s, label: t(`sector.${s}`) }))} />
        <TextField id="iot-type-interval" type="number" label={t('types.interval')} value={String(draft.reportIntervalSeconds)} onValue={(v) => patch({ reportIntervalSeconds: Math.max(1, Math.round(Number(v) || 0)) })} />
      </div>
      {draft.metrics.map((m, i) => (
        <fieldset key={i} class="iot-form-grid">
          <legend>{t('types.metricN', { n: i + 1 })}</legend>
          <TextField id={`iot-m-key-${i}`} label={t('types.key')} hint={t('types.keyHint')} value={m.key} onValue={(key) => setMetric(i, { ...m, key })} required pattern="[a-z][a-z0-9_]{0,39}" />
          <TextField id={`iot-m-vi-${i}`} label={t('types.metricVi')} value={m.name.vi} onValue={(vi) => setMetric(i, { ...m, name: { ...m.name, vi } })} required />
          <TextField id={`iot-m-en-${i}`} label={t('types.metricEn')} value={m.name.en} onValue={(en) => setMetric(i, { ...m, name: { ...m.name, en } })} lang="en" />
          <TextField id={`iot-m-unit-${i}`} label={t('types.unit')} value={m.unit} onValue={(unit) => setMetric(i, { ...m, unit })} />
          <TextField id={`iot-m-min-${i}`} type="number" label={t('types.min')} value={String(m.min)} onValue={(v) => setMetric(i, { ...m, min: Number(v) })} />
          <TextField id={`iot-m-max-${i}`} type="number" label={t('types.max')} value={String(m.max)} onValue={(v) => setMetric(i, { ...m, max: Number(v) })} />
          <TextField id={`iot-m-prec-${i}`} type="number" label={t('types.precision')} value={String(m.precision)} onValue={(v) => setMetric(i, { ...m, precision: Math.max(0, Math.min(6, Math.round(Number(v) || 0))) })} />
          {draft.metrics.length > 1 && (
            <button type="button" class="btn btn--link" onClick={() => patch({ metrics: draft.metrics.filter((_, j) => j !== i) })}>
              {t('types.removeMetric')}
            </button>
          )}
        </fieldset>
      ))}
      <p>
        <button type="button" class="btn btn--secondary btn--small" onClick={() => patch({ metrics: [...draft.metrics, emptyMetric()] })}>
          {t('types.addMetric')}
        </button>
      </p>
      <FormActions busy={busy} onCancel={onDone} />
    </form>
  );
}
