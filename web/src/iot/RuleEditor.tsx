import { useState } from 'preact/hooks';
import { api, asApiError, type ApiError } from '../lib/api.js';
import { useLang } from '../lib/i18n.js';
import { SelectField, TextField } from '../ui/Field.js';
import { ProblemBox } from '../ui/Problem.js';
import { paths, type ConditionKind, type Device, type DeviceType, type Operator, type Rule, type RuleCondition, type RuleInput, type RuleLevel } from './api.js';
import { useIotT } from './i18n/index.js';
import { metricName, ROMAN } from './labels.js';

const OPERATORS: Operator[] = ['>', '>=', '<', '<='];
const KINDS: ConditionKind[] = ['threshold', 'rate', 'no_data'];

export const emptyRule = (): RuleInput => ({ name: '', deviceId: null, deviceTypeId: null, enabled: true, hysteresis: 0, minDurationSeconds: 0, levels: [{ level: 1, combine: 'and', conditions: [{ kind: 'threshold', metric: '', operator: '>=', value: 0 }] }] });

interface Props {
  rule: Rule | null;
  types: DeviceType[];
  devices: Device[];
  onDone(): void;
}

/** One rule: its target, hysteresis and duration, and up to three levels of AND/OR conditions. */
export function RuleEditor({ rule, types, devices, onDone }: Props) {
  const t = useIotT();
  const { lang } = useLang();
  const [draft, setDraft] = useState<RuleInput>(() => (rule ? { ...rule, levels: rule.levels.map((l) => ({ ...l, conditions: l.conditions.map((c) => ({ ...c })) })) } : emptyRule()));
  const [deviceCode, setDeviceCode] = useState(() => devices.find((d) => d.id === rule?.deviceId)?.code ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const device = devices.find((d) => d.code === deviceCode.trim());
  const type = types.find((ty) => ty.id === (device?.typeId ?? draft.deviceTypeId));
  const metrics = type?.metrics ?? [];
  const patch = (p: Partial<RuleInput>) => setDraft((d) => ({ ...d, ...p }));
  const setLevel = (i: number, level: RuleLevel) => patch({ levels: draft.levels.map((l, j) => (j === i ? level : l)) });

  async function save(e: Event) {
    e.preventDefault();
    setBusy(true);
    const body: RuleInput = { ...draft, deviceId: device?.id ?? null, deviceTypeId: device ? null : draft.deviceTypeId };
    try {
      await api(rule ? paths.rule(rule.id) : paths.rules, { method: rule ? 'PATCH' : 'POST', body });
      onDone();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!rule || !window.confirm(t('rules.confirmDelete', { name: rule.name }))) return;
    try {
      await api(paths.rule(rule.id), { method: 'DELETE' });
      onDone();
    } catch (err) {
      setError(asApiError(err));
    }
  }

  const freeLevels = ([1, 2, 3] as const).filter((n) => !draft.levels.some((l) => l.level === n));
  return (
    <form class="card stack iot-rule-editor" onSubmit={save} aria-labelledby="iot-rule-title">
      <h2 id="iot-rule-title">{rule ? t('rules.edit', { name: rule.name }) : t('rules.new')}</h2>
      <ProblemBox error={error} />
      <TextField id="iot-rule-name" label={t('rules.name')} value={draft.name} onValue={(name) => patch({ name })} required maxLength={200} />
      <fieldset class="stack">
        <legend>{t('rules.target')}</legend>
        <SelectField id="iot-rule-type" label={t('rules.type')} value={draft.deviceTypeId ?? ''} onValue={(v) => patch({ deviceTypeId: v || null })} disabled={!!device} options={[{ value: '', label: '—' }, ...types.map((ty) => ({ value: ty.id, label: lang === 'en' && ty.nameEn ? ty.nameEn : ty.name }))]} />
        <div class="field">
          <label for="iot-rule-device">{t('rules.device')}</label>
          <span class="field__hint" id="iot-rule-device-hint">
            {t('rules.deviceHint')}
          </span>
          <input id="iot-rule-device" list="iot-rule-devices" value={deviceCode} aria-describedby="iot-rule-device-hint" onInput={(e) => setDeviceCode((e.currentTarget as HTMLInputElement).value)} />
          <datalist id="iot-rule-devices">
            {devices.slice(0, 2000).map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </datalist>
        </div>
      </fieldset>
      <div class="row">
        <TextField id="iot-rule-hyst" type="number" label={t('rules.hysteresis')} hint={t('rules.hysteresisHint')} value={String(draft.hysteresis)} onValue={(v) => patch({ hysteresis: Number(v) || 0 })} />
        <TextField id="iot-rule-duration" type="number" label={t('rules.duration')} hint={t('rules.durationHint')} value={String(draft.minDurationSeconds)} onValue={(v) => patch({ minDurationSeconds: Math.max(0, Math.round(Number(v) || 0)) })} />
      </div>
      <label class="check">
        <input type="checkbox" checked={draft.enabled} onChange={(e) => patch({ enabled: (e.currentTarget as HTMLInputElement).checked })} /> {t('rules.enabled')}
      </label>
      {draft.levels.map((l, i) => (
        <LevelEditor key={l.level} level={l} metrics={metrics.map((m) => ({ value: m.key, label: `${metricName(m, m.key, lang)} (${m.unit})` }))} onChange={(next) => setLevel(i, next)} onRemove={draft.levels.length > 1 ? () => patch({ levels: draft.levels.filter((_, j) => j !== i) }) : null} />
      ))}
      {freeLevels.length > 0 && (
        <p>
          <button type="button" class="btn btn--secondary btn--small" onClick={() => patch({ levels: [...draft.levels, { level: freeLevels[0]!, combine: 'and', conditions: [{ kind: 'threshold', metric: metrics[0]?.key ?? '', operator: '>=', value: 0 }] } as RuleLevel].sort((a, b) => a.level - b.level) })}>
            {t('rules.addLevel', { level: ROMAN[freeLevels[0]!]! })}
          </button>
        </p>
      )}
      <div class="row">
        <button type="submit" class="btn" disabled={busy}>
          {t('rules.save')}
        </button>
        <button type="button" class="btn btn--secondary" onClick={onDone}>
          {t('action.cancel')}
        </button>
        {rule && (
          <button type="button" class="btn btn--danger" onClick={() => void remove()}>
            {t('rules.delete')}
          </button>
        )}
      </div>
    </form>
  );
}

function LevelEditor({ level, metrics, onChange, onRemove }: { level: RuleLevel; metrics: Array<{ value: string; label: string }>; onChange(l: RuleLevel): void; onRemove: (() => void) | null }) {
  const t = useIotT();
  const id = `iot-level-${level.level}`;
  const setCondition = (i: number, c: RuleCondition) => onChange({ ...level, conditions: level.conditions.map((x, j) => (j === i ? c : x)) });
  return (
    <fieldset class={`stack iot-level-box iot-level-box--${level.level}`}>
      <legend>{t('alarm.levelN', { level: ROMAN[level.level]! })}</legend>
      <SelectField id={`${id}-combine`} label={t('rules.combine')} value={level.combine} onValue={(v) => onChange({ ...level, combine: v as 'and' | 'or' })} options={[{ value: 'and', label: t('rules.and') }, { value: 'or', label: t('rules.or') }]} />
      {level.conditions.map((c, i) => (
        <div key={i} class="form--inline iot-condition" role="group" aria-label={t('rules.conditionN', { n: i + 1 })}>
          <SelectField id={`${id}-kind-${i}`} label={t('rules.kind')} value={c.kind} onValue={(v) => setCondition(i, { ...c, kind: v as ConditionKind })} options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
          {c.kind !== 'no_data' && <SelectField id={`${id}-metric-${i}`} label={t('rules.metric')} value={c.metric ?? ''} onValue={(v) => setCondition(i, { ...c, metric: v })} options={[{ value: '', label: '—' }, ...metrics]} />}
          {c.kind !== 'no_data' && <SelectField id={`${id}-op-${i}`} label={t('rules.operator')} value={c.operator ?? '>='} onValue={(v) => setCondition(i, { ...c, operator: v as Operator })} options={OPERATORS.map((o) => ({ value: o, label: o }))} />}
          {c.kind !== 'no_data' && <TextField id={`${id}-value-${i}`} type="number" label={c.kind === 'rate' ? t('rules.ratePerMinute') : t('rules.threshold')} value={String(c.value ?? '')} onValue={(v) => setCondition(i, { ...c, value: Number(v) })} />}
          {c.kind === 'rate' && <TextField id={`${id}-window-${i}`} type="number" label={t('rules.window')} value={String(c.windowMinutes ?? 10)} onValue={(v) => setCondition(i, { ...c, windowMinutes: Number(v) })} />}
          {c.kind === 'no_data' && <TextField id={`${id}-minutes-${i}`} type="number" label={t('rules.noDataMinutes')} value={String(c.minutes ?? 30)} onValue={(v) => setCondition(i, { ...c, minutes: Number(v) })} />}
          {level.conditions.length > 1 && (
            <button type="button" class="btn btn--link" onClick={() => onChange({ ...level, conditions: level.conditions.filter((_, j) => j !== i) })}>
              {t('rules.removeCondition')}
            </button>
          )}
        </div>
      ))}
      <div class="row">
        <button type="button" class="btn btn--secondary btn--small" onClick={() => onChange({ ...level, conditions: [...level.conditions, { kind: 'threshold', metric: metrics[0]?.value ?? '', operator: '>=', value: 0 }] })}>
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
