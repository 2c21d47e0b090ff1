/**
 * The sentence a citizen reads under a due date (giải thích ngày hẹn trả): what the time limit is,
 * when it counts from and why, which days off were not counted, grouped into ranges with their
 * reasons, and the calendar version. Both languages, dates dd/mm/yyyy, Vietnam time.
 */
import type { WorkingCalendar } from '../../../platform/calendar/index.js';
import { fromDayNumber, isWeekend } from '../../../platform/calendar/civil-date.js';
import type { Bilingual, TimeUnit } from '../tables.js';
import { isWorkingDayNumber, vietnamDate, vietnamDateTime, type EffectiveReceipt } from './clock.js';

export interface SkippedRange {
  from: number;
  to: number;
  reasons: Bilingual[];
}

const WEEKEND: Bilingual = { vi: 'cuối tuần', en: 'weekend' };

/** A holiday's name without its parenthetical detail: "Tết Nguyên đán (mùng 1)" → "Tết Nguyên đán". */
function shortName(name: string): string {
  const cut = name.indexOf(' (');
  return cut > 0 ? name.slice(0, cut) : name;
}

function reasonOf(calendar: WorkingCalendar, dayNumber: number): Bilingual {
  const off = calendar.dayOff(fromDayNumber(dayNumber));
  if (off) return { vi: shortName(off.name.vi), en: shortName(off.name.en) };
  return isWeekend(dayNumber) ? WEEKEND : { vi: 'ngày nghỉ', en: 'day off' };
}

/** Days off in [from, to], consecutive ones grouped, each range with its distinct reasons in order. */
export function skippedRanges(calendar: WorkingCalendar, from: number, to: number): SkippedRange[] {
  const ranges: SkippedRange[] = [];
  for (let day = from; day <= to; day++) {
    if (isWorkingDayNumber(calendar, day)) continue;
    const reason = reasonOf(calendar, day);
    const last = ranges[ranges.length - 1];
    if (last && last.to === day - 1) {
      last.to = day;
      if (!last.reasons.some((r) => r.vi === reason.vi)) last.reasons.push(reason);
    } else {
      ranges.push({ from: day, to: day, reasons: [reason] });
    }
  }
  return ranges;
}

function rangeText(r: SkippedRange, lang: 'vi' | 'en'): string {
  const span = r.from === r.to ? vietnamDate(r.from) : `${vietnamDate(r.from)}–${vietnamDate(r.to)}`;
  return `${span} (${r.reasons.map((x) => x[lang]).join(', ')})`;
}

function amountText(amount: number, unit: TimeUnit): Bilingual {
  if (amount === 0) return { vi: 'Giải quyết trong ngày', en: 'Same-day handling' };
  const n = String(amount).replace('.', ',');
  const units: Record<TimeUnit, Bilingual> = {
    working_days: { vi: `${n} ngày làm việc`, en: `${amount} working day${amount === 1 ? '' : 's'}` },
    working_hours: { vi: `${n} giờ làm việc`, en: `${amount} working hour${amount === 1 ? '' : 's'}` },
    calendar_days: { vi: `${n} ngày`, en: `${amount} calendar day${amount === 1 ? '' : 's'}` },
    months: { vi: `${n} tháng`, en: `${amount} month${amount === 1 ? '' : 's'}` },
  };
  return units[unit];
}

function shiftText(receivedAt: Date, eff: EffectiveReceipt, cutoff: string | null): Bilingual {
  const when = vietnamDateTime(eff.at);
  switch (eff.shift) {
    case 'none':
      return { vi: `kể từ khi tiếp nhận lúc ${when}`, en: `from receipt at ${when}` };
    case 'day_off':
      return { vi: `tiếp nhận vào ngày nghỉ (${vietnamDateTime(receivedAt)}) nên tính từ ${when}`, en: `received on a day off (${vietnamDateTime(receivedAt)}), so it counts from ${when}` };
    case 'after_cutoff':
      return { vi: `tiếp nhận sau ${cutoff} (${vietnamDateTime(receivedAt)}) nên tính từ ngày làm việc tiếp theo, ${when}`, en: `received after ${cutoff} (${vietnamDateTime(receivedAt)}), so it counts from the next working day, ${when}` };
    default:
      return { vi: `tiếp nhận ngoài giờ làm việc (${vietnamDateTime(receivedAt)}) nên tính từ ${when}`, en: `received outside office hours (${vietnamDateTime(receivedAt)}), so it counts from ${when}` };
  }
}

export interface ExplainInput {
  amount: number;
  unit: TimeUnit;
  cutoff: string | null;
  receivedAt: Date;
  effective: EffectiveReceipt;
  skipped: SkippedRange[];
  /** For calendar days and months: the day the period ended before moving off a day off. */
  movedFrom: number | null;
  dueAt: Date;
  calendarVersion: number;
}

export function explain(input: ExplainInput): Bilingual {
  const amount = amountText(input.amount, input.unit);
  const shift = shiftText(input.receivedAt, input.effective, input.cutoff);
  const counted = input.unit === 'working_days' && input.amount > 0 ? { vi: ' (ngày đầu tiên là ngày hôm sau)', en: ' (counting starts the next day)' } : { vi: '', en: '' };
  const parts = { vi: [`${amount.vi}, ${shift.vi}${counted.vi}.`], en: [`${amount.en}, ${shift.en}${counted.en}.`] };
  if (input.movedFrom !== null) {
    const moved = vietnamDate(input.movedFrom);
    parts.vi.push(`Thời hạn kết thúc vào ngày nghỉ ${moved} nên chuyển sang ngày làm việc tiếp theo.`);
    parts.en.push(`The period ended on a day off, ${moved}, so it moves to the next working day.`);
  }
  if (input.skipped.length > 0) {
    parts.vi.push(`Không tính các ngày nghỉ: ${input.skipped.map((r) => rangeText(r, 'vi')).join('; ')}.`);
    parts.en.push(`Days off not counted: ${input.skipped.map((r) => rangeText(r, 'en')).join('; ')}.`);
  }
  const due = vietnamDateTime(input.dueAt);
  parts.vi.push(`Hạn trả kết quả: ${due} (lịch làm việc phiên bản ${input.calendarVersion}).`);
  parts.en.push(`Due: ${due}, Vietnam time (working calendar version ${input.calendarVersion}).`);
  return { vi: parts.vi.join(' '), en: parts.en.join(' ') };
}
