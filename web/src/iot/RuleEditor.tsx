import { useState } from 'preact/hooks';
import { api, asApiError, type ApiError } from '../lib/api.js';
import { useLang } from '../lib/i18n.js';
import { SelectField, TextField } from '../ui/Field.js';
import { ProblemBox } from '../ui/Problem.js';
import { FormActions } from './FormActions.js';
import { paths, type DeviceSummary, type DeviceType, type Op, type Rule, type Severity } from './api.js';
import { useIotT } from './i18n/index.js';
import { metricName, ROMAN } from './labels.js';
import { fromRule, newCondition, newLevel, newRule, toRuleInput, type EditCondition, type EditLevel, type EditRule, type Kind } from './rule-model.js';

const OPS: Op[] = ['gt', 'gte', 'lt', 'lte'];
const KINDS: Kind[] = ['threshold', 'rate', 'no_data'];
const SEVERITIES: Severity[] = ['info', 'warning', 'critical'];
type Option = { value: string; label: string };

interface Props {
  rule: Rule | null;
  types: DeviceType[];
  devices: DeviceSummary[];
  onDone(): void;
}

/** One rule: its target, minimum duration, notifications, and levels I–III of AND/OR conditions. */
export function RuleEditor({ rule, types, devices, onDone }: Props) {
  const t = useIotT();
  const { lang } = useLang();
  const [draft, setDraft] = useState<EditRule>(() => (rule ? fromRule(rule) : newRule()));
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const device = devices.find((d) => d.code === draft.deviceCode.trim());
  const typeCode = draft.target === 'device' ? device?.typeCode : draft.typeCode;
  const metrics: Option[] = (types.find((ty) => ty.code === typeCode)?.metrics ?? []).map((m) => ({ value: m.key, label: `${metricName(m, m.key, lang)} (${m.unit})` }));
  const patch = (p: Partial<EditRule>) => setDraft((d) => ({ ...d, ...p }));
  const setLevel = (i: number, level: EditLevel) => patch({ levels: draft.levels.map((l, j) => (j === i ? level : l)) });

  async function save(e: Event) {
    e.preventDefault();
    setBusy(true);
    try {
      await api(rule ? paths.rule(rule.id) : paths.rules, { method: rule ? 'PUT' : 'POST', body: toRuleInput(draft, ROMAN) });
      onDone();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!rule || !window.confirm(t('rules.confirmDelete', { name: rule.name[lang] }))) return;
    try {
      await api(paths.rule(rule.id), { method: 'DELETE' });
      onDone();
    } catch (err) {
      setError(asApiError(err));
    }
  }

  const freeLevels = [1, 2, 3].filter((n) => !draft.levels.some((l) => l.level === n));
  return (
    <form class="card stack iot-rule-editor" onSubmit={save} aria-labelledby="iot-rule-title">
      <h2 id="iot-rule-title">{rule ? t('rules.edit', { name: rule.name[lang] }) : t('rules.new')}</h2>
      <ProblemBox error={error} />
      {draft.flattened && <p class="alert alert--warning">{t('rules.flattened')}</p>}
      <div class="iot-form-grid">
        <TextField id="iot-rule-name" label={t('rules.nameVi')} value={draft.nameVi} onValue={(nameVi) => patch({ nameVi })} required maxLength={200} />
        <TextField id="iot-rule-name-en" label={t('rules.nameEn')} value={draft.nameEn} onValue={(nameEn) => patch({ nameEn })} maxLength={200} lang="en" />
      </div>
      <fieldset class="stack">
        <legend>{t('rules.target')}</legend>
        <div class="row">
          <label class="check">
            <input type="radio" name="iot-rule-target" checked={draft.target === 'type'} onChange={() => patch({ target: 'type' })} /> {t('rules.type')}
          </label>
          <label class="check">
            <input type="radio" name="iot-rule-target" checked={draft.target === 'device'} onChange={() => patch({ target: 'device' })} /> {t('rules.device')}
          </label>
        </div>
        {draft.target === 'type' ? (
          <SelectField id="iot-rule-type" label={t('devices.type')} value={draft.typeCode} onValue={(typeCode) => patch({ typeCode })} required options={[{ value: '', label: '—' }, ...types.map((ty) => ({ value: ty.code, label: lang === 'en' && ty.nameEn ? ty.nameEn : ty.name }))]} />
        ) : (
          <div class="field">
            <label for="iot-rule-device">{t('device.code')}</label>
            <input id="iot-rule-device" list="iot-rule-devices" required value={draft.deviceCode} onInput={(e) => patch({ deviceCode: (e.currentTarget as HTMLInputElement).value })} />
            <datalist id="iot-rule-devices">
              {devices.slice(0, 2000).map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name}
                </option>
              ))}
            </datalist>
          </div>
        )}
      </fieldset>
      <div class="iot-form-grid">
        <TextField id="iot-rule-duration" type="number" label={t('rules.duration')} hint={t('rules.durationHint')} value={draft.forSeconds} onValue={(forSeconds) => patch({ forSeconds })} />
      </div>
      <div class="row">
        <label class="check">
          <input type="checkbox" checked={draft.enabled} onChange={(e) => patch({ enabled: (e.currentTarget as HTMLInputElement).checked })} /> {t('rules.enabled')}
        </label>
        <label class="check">
          <input type="checkbox" checked={draft.notifyInApp} onChange={(e) => patch({ notifyInApp: (e.currentTarget as HTMLInputElement).checked })} /> {t('rules.notifyInApp')}
        </label>
        <label class="check">
          <input type="checkbox" checked={draft.notifyEmail} onChange={(e) => patch({ notifyEmail: (e.currentTarget as HTMLInputElement).checked })} /> {t('rules.notifyEmail')}
        </label>
      </div>
      {draft.levels.map((l, i) => (
        <LevelEditor key={l.level} level={l} metrics={metrics} onChange={(next) => setLevel(i, next)} onRemove={draft.levels.length > 1 ? () => patch({ levels: draft.levels.filter((_, j) => j !== i) }) : null} />
      ))}
      {freeLevels.length > 0 && (
        <p>
          <button type="button" class="btn btn--secondary btn--small" onClick={() => patch({ levels: [...draft.levels, newLevel(freeLevels[0]!, metrics[0]?.value)].sort((a, b) => a.level - b.level) })}>
            {t('rules.addLevel', { level: ROMAN[freeLevels[0]!]! })}
          </button>
        </p>
      )}
      <FormActions busy={busy} onCancel={onDone}>
        {rule && (
          <button type="button" class="btn btn--danger" onClick={() => void remove()}>
            {t('rules.delete')}
          </button>
        )}
      </FormActions>
    </form>
  );
}

function LevelEditor({ level, metrics, onChange, onRemove }: { level: EditLevel; metrics: Option[]; onChange(l: EditLevel): void; onRemove: (() => void) | null }) {
  const t = useIotT();
  const id = `iot-level-${level.level}`;
  const setCondition = (i: number, c: EditCondition) => onChange({ ...level, conditions: level.conditions.map((x, j) => (j === i ? c : x)) });
  return (
    <fieldset class={`stack iot-level-box iot-level-box--${level.level}`}>
      <legend>{t('alarm.levelN', { level: ROMAN[level.level] ?? String(level.level) })}</legend>
      <div class="iot-form-grid">
        <TextField id={`${id}-label`} label={t('rules.levelLabel')} hint={t('rules.levelLabelHint')} value={level.labelVi} onValue={(labelVi) => onChange({ ...level, labelVi })} maxLength={200} />
        <SelectField id={`${id}-severity`} label={t('rules.severity')} value={level.severity} onValue={(v) => onChange({ ...level, severity: v as Severity })} options={SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))} />
        {level.conditions.length > 1 && <SelectField id={`${id}-combine`} label={t('rules.combine')} value={level.combine} onValue={(v) => onChange({ ...level, combine: v as 'all' | 'any' })} options={[{ value: 'all', label: t('rules.and') }, { value: 'any', label: t('rules.or') }]} />}
      </div>
      {level.conditions.map((c, i) => (
        <ConditionRow key={i} id={`${id}-${i}`} n={i + 1} condition={c} metrics={metrics} onChange={(next) => setCondition(i, next)} onRemove={level.conditions.length > 1 ? () => onChange({ ...level, conditions: level.conditions.filter((_, j) => j !== i) }) : null} />
      ))}
      <div class="row">
        <button type="button" class="btn btn--secondary btn--small" onClick={() => onChange({ ...level, conditions: [...level.conditions, newCondition(metrics[0]?.value)] })}>
          {t('rules.addCondition')}
        </button>
        {onRemove && (
          <button type="button" class="btn btn--link" onClick={onRemove}>
            {t('rules.removeLevel')}
          </button>
        )}
      </div>
    </fieldset>
  );
}

function ConditionRow({ id, n, condition: c, metrics, onChange, onRemove }: { id: string; n: number; condition: EditCondition; metrics: Option[]; onChange(c: EditCondition): void; onRemove: (() => void) | null }) {
  const t = useIotT();
  const set = (p: Partial<EditCondition>) => onChange({ ...c, ...p });
  const ops = c.kind === 'rate' ? (['gte', 'lte'] as Op[]) : OPS;
  return (
    <div class="form--inline iot-condition" role="group" aria-label={t('rules.conditionN', { n })}>
      <SelectField id={`${id}-kind`} label={t('rules.kind')} value={c.kind} onValue={(v) => set({ kind: v as Kind })} options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
      {c.kind !== 'no_data' && <SelectField id={`${id}-metric`} label={t('rules.metric')} value={c.metric} onValue={(metric) => set({ metric })} required options={[{ value: '', label: '—' }, ...metrics]} />}
      {c.kind !== 'no_data' && <SelectField id={`${id}-op`} label={t('rules.operator')} value={c.op} onValue={(v) => set({ op: v as Op })} options={ops.map((o) => ({ value: o, label: t(`op.${o}`) }))} />}
      {c.kind === 'threshold' && <TextField id={`${id}-value`} type="number" label={t('rules.threshold')} value={c.value} onValue={(value) => set({ value })} required />}
      {c.kind === 'threshold' && <TextField id={`${id}-hyst`} type="number" label={t('rules.hysteresis')} value={c.hysteresis} onValue={(hysteresis) => set({ hysteresis })} />}
      {c.kind === 'rate' && <TextField id={`${id}-rate`} type="number" label={t('rules.perHour')} value={c.perHour} onValue={(perHour) => set({ perHour })} required />}
      {c.kind === 'rate' && <TextField id={`${id}-window`} type="number" label={t('rules.window')} value={c.windowMinutes} onValue={(windowMinutes) => set({ windowMinutes })} required />}
      {c.kind === 'no_data' && <TextField id={`${id}-minutes`} type="number" label={t('rules.noDataMinutes')} value={c.minutes} onValue={(minutes) => set({ minutes })} required />}
      {onRemove && (
        <button type="button" class="btn btn--link" onClick={onRemove}>
          {t('rules.removeCondition')}
        </button>
      )}
    </div>
  );
}
