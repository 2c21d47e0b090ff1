import type { AppContext } from '../../../platform/http/module.js';
import { calendarService, WORKING_HOURS } from '../../../platform/calendar/index.js';
import { workingMinutesBetween } from '../deadlines/index.js';
import type { DossierRow } from '../dossiers/transition.js';
import type { Bilingual, PsTrx } from '../tables.js';

/** The calendar version a dossier's deadlines were computed on; pauses are measured on the same one. */
export async function calendarVersionOf(ctx: AppContext, trx: PsTrx, dossier: DossierRow): Promise<number> {
  return dossier.due_calendar_version ?? (await calendarService(ctx.db).currentVersion(trx));
}

/** Hours in one working day (08:00–12:00 and 13:30–17:00): the "due soon" horizon. */
export const WORKING_DAY_HOURS = WORKING_HOURS.reduce((sum, w) => sum + (minutesOf(w.to) - minutesOf(w.from)) / 60, 0);

function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return h! * 60 + m!;
}

export interface ClosedPause {
  id: string;
  startedAt: Date;
  workingMinutes: number;
}

/**
 * Ends the dossier's open clock pause at `at` and records the working time it lasted. Returns
 * undefined when none is open.
 */
export async function closeOpenPause(ctx: AppContext, trx: PsTrx, dossier: DossierRow, at: Date): Promise<ClosedPause | undefined> {
  const pause = await trx.selectFrom('dossier_pauses').select(['id', 'started_at']).where('dossier_id', '=', dossier.id).where('ended_at', 'is', null).executeTakeFirst();
  if (!pause) return undefined;
  const startedAt = new Date(pause.started_at);
  const minutes = at > startedAt ? await workingMinutesBetween(ctx.db, startedAt, at, await calendarVersionOf(ctx, trx, dossier), trx) : 0;
  await trx.updateTable('dossier_pauses').set({ ended_at: at, working_minutes: minutes }).where('id', '=', pause.id).execute();
  return { id: pause.id, startedAt, workingMinutes: minutes };
}

const VIETNAM = { timeZone: 'Asia/Ho_Chi_Minh' } as const;

/** "05/03/2027 14:30" in Vietnam time, as a person reads it. */
export function formatDateTime(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', { ...VIETNAM, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

/** "2 giờ 30 phút" / "2 h 30 min" of working time. */
export function formatWorkingTime(minutes: number): Bilingual {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return { vi: `${h} giờ ${m} phút`, en: `${h} h ${m} min` };
}

/** Adds one line to a due-date explanation, keeping what was there. */
export function appendExplanation(previous: Bilingual | null, line: Bilingual): Bilingual {
  if (!previous) return line;
  return { vi: `${previous.vi}\n${line.vi}`, en: `${previous.en}\n${line.en}` };
}
