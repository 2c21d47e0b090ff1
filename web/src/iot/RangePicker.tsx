import { useState } from 'preact/hooks';
import { formatDate } from '../lib/format.js';
import { useIotT } from './i18n/index.js';
import { parseDmy } from './labels.js';

export const PRESETS = { '6h': 6 * 3600_000, '24h': 24 * 3600_000, '7d': 7 * 86400_000, '30d': 30 * 86400_000, '1y': 365 * 86400_000 } as const;
export type Preset = keyof typeof PRESETS;
export type Range = { preset: Preset; from?: never; to?: never } | { preset: 'custom'; from: Date; to: Date };

/** The window a range covers right now. */
export function rangeWindow(range: Range, now = Date.now()): { from: Date; to: Date } {
  return range.preset === 'custom' ? { from: range.from, to: range.to } : { from: new Date(now - PRESETS[range.preset]), to: new Date(now) };
}

/** Presets 6 h … 1 y, or a custom period typed as dd/mm/yyyy (both days included). */
export function RangePicker({ range, onRange }: { range: Range; onRange(range: Range): void }) {
  const t = useIotT();
  const [custom, setCustom] = useState(range.preset === 'custom');
  const [from, setFrom] = useState(range.preset === 'custom' ? formatDate(range.from) : '');
  const [to, setTo] = useState(range.preset === 'custom' ? formatDate(range.to) : '');
  const [error, setError] = useState<string | null>(null);

  function apply(e: Event) {
    e.preventDefault();
    const f = parseDmy(from);
    const end = parseDmy(to);
    if (!f || !end) return setError(t('range.invalid'));
    if (end < f) return setError(t('range.order'));
    setError(null);
    onRange({ preset: 'custom', from: f, to: new Date(end.getTime() + 86400_000 - 1) });
  }

  return (
    <div class="stack iot-range">
      <fieldset class="iot-presets">
        <legend>{t('range.title')}</legend>
        {(Object.keys(PRESETS) as Preset[]).map((p) => (
          <label key={p} class="iot-chip">
            <input
              type="radio"
              name="iot-range"
              checked={!custom && range.preset === p}
              onChange={() => {
                setCustom(false);
                onRange({ preset: p });
              }}
            />
            {t(`range.${p}`)}
          </label>
        ))}
        <label class="iot-chip">
          <input type="radio" name="iot-range" checked={custom} onChange={() => setCustom(true)} />
          {t('range.custom')}
        </label>
      </fieldset>
      {custom && (
        <form class="form--inline" onSubmit={apply} noValidate>
          <div class="field">
            <label for="iot-from">{t('range.from')}</label>
            <input id="iot-from" inputMode="numeric" placeholder="dd/mm/yyyy" value={from} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? 'iot-range-error' : undefined} onInput={(e) => setFrom((e.currentTarget as HTMLInputElement).value)} />
          </div>
          <div class="field">
            <label for="iot-to">{t('range.to')}</label>
            <input id="iot-to" inputMode="numeric" placeholder="dd/mm/yyyy" value={to} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? 'iot-range-error' : undefined} onInput={(e) => setTo((e.currentTarget as HTMLInputElement).value)} />
          </div>
          <button type="submit" class="btn btn--secondary">
            {t('range.apply')}
          </button>
          {error && (
            <p id="iot-range-error" class="field__error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
