import { useState } from 'preact/hooks';
import { TextField } from '../../ui/Field.js';
import { useStatsT } from './i18n.js';
import { parseDayMonthYear, PERIOD_KINDS, toDayMonthYear, type Period, type PeriodKind } from './period.js';

interface Props {
  kind: PeriodKind;
  period: Period;
  onKind(kind: PeriodKind): void;
  onCustom(period: Period): void;
}

/** This month, this year, the last 12 months, or two dates typed as dd/mm/yyyy. */
export function PeriodPicker({ kind, period, onKind, onCustom }: Props) {
  const t = useStatsT();
  return (
    <fieldset class="st-period">
      <legend>{t('period.legend')}</legend>
      <div class="st-choices">
        {PERIOD_KINDS.map((k) => (
          <label key={k} class="st-choice">
            <input type="radio" name="st-period" value={k} checked={kind === k} onChange={() => onKind(k)} />
            <span>{t(`period.${k}`)}</span>
          </label>
        ))}
      </div>
      {kind === 'custom' && <CustomRange period={period} onApply={onCustom} />}
    </fieldset>
  );
}

function CustomRange({ period, onApply }: { period: Period; onApply(period: Period): void }) {
  const t = useStatsT();
  const [from, setFrom] = useState(toDayMonthYear(period.from));
  const [to, setTo] = useState(toDayMonthYear(period.to));
  const [tried, setTried] = useState(false);
  const fromIso = parseDayMonthYear(from);
  const toIso = parseDayMonthYear(to);
  const reversed = !!fromIso && !!toIso && fromIso > toIso;
  const fromError = tried && !fromIso ? t('period.invalid') : undefined;
  const toError = tried ? (!toIso ? t('period.invalid') : reversed ? t('period.reversed') : undefined) : undefined;
  return (
    <form
      class="form--inline st-custom"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (fromIso && toIso && !reversed) onApply({ from: fromIso, to: toIso });
      }}
    >
      <TextField id="st-from" label={t('period.from')} hint={t('period.hint')} value={from} onValue={setFrom} error={fromError} inputMode="numeric" placeholder="dd/mm/yyyy" autoComplete="off" />
      <TextField id="st-to" label={t('period.to')} value={to} onValue={setTo} error={toError} inputMode="numeric" placeholder="dd/mm/yyyy" autoComplete="off" />
      <button type="submit" class="btn">
        {t('period.apply')}
      </button>
    </form>
  );
}
