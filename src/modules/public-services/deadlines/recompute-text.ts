/**
 * What a recompute says: the lines added under the new due date's explanation, and the notice the
 * applicant (and the tracking page) reads. Dates dd/mm/yyyy HH:mm, Vietnam time.
 */
import type { Bilingual } from '../tables.js';
import { vietnamDateTime } from './clock.js';

/** "15/01/2027 10:00": the day first, as a notice reads. */
export function dateThenTime(instant: Date): string {
  const [time, date] = vietnamDateTime(instant).split(' ');
  return `${date} ${time}`;
}

/** "2 giờ 30 phút" / "2 h 30 min" of working time. */
function workingTime(minutes: number): Bilingual {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return { vi: `${h} giờ ${m} phút`, en: `${h} h ${m} min` };
}

/** The pauses already taken, added back on the new calendar (only when there were any). */
export function pauseLine(minutes: number): Bilingual | null {
  if (minutes <= 0) return null;
  const time = workingTime(minutes);
  return {
    vi: `Cộng ${time.vi} làm việc đã tạm dừng chờ bổ sung hồ sơ.`,
    en: `Plus ${time.en} of working time already paused waiting for a supplement.`,
  };
}

export interface MovedDue {
  oldDue: Date;
  newDue: Date;
  fromVersion: number;
  toVersion: number;
}

/** Why the date changed, kept as the last line of the explanation. */
export function recomputeLine(m: MovedDue, at: Date): Bilingual {
  return {
    vi: `Tính lại ngày ${dateThenTime(at).slice(0, 10)} do lịch làm việc thay đổi (phiên bản ${m.fromVersion} → ${m.toVersion}); ngày hẹn trước đó: ${dateThenTime(m.oldDue)}.`,
    en: `Recomputed on ${dateThenTime(at).slice(0, 10)} after a change to the working calendar (version ${m.fromVersion} → ${m.toVersion}); the previous due date was ${dateThenTime(m.oldDue)}.`,
  };
}

/** The applicant's notice and the trail's public note: old → new date, no personal data. */
export function recomputeNotice(m: MovedDue): Bilingual {
  return {
    vi: `Lịch làm việc của cơ quan nhà nước thay đổi nên ngày hẹn trả kết quả được tính lại: từ ${dateThenTime(m.oldDue)} sang ${dateThenTime(m.newDue)}.`,
    en: `The official working calendar changed, so the due date was recomputed: from ${dateThenTime(m.oldDue)} to ${dateThenTime(m.newDue)}.`,
  };
}

export function joinLines(lines: Array<Bilingual | null>): Bilingual {
  const kept = lines.filter((l): l is Bilingual => l !== null);
  return { vi: kept.map((l) => l.vi).join('\n'), en: kept.map((l) => l.en).join('\n') };
}
