/**
 * Changing the official overlay. Each change is one transaction: a new calendar version, the overlay
 * row added or closed, and the audit record. Old rows are closed, never deleted, so every past
 * version can be rebuilt and a deadline promised under it re-evaluated exactly.
 */
import type { AuditEntry, AuditTrail } from '../audit/audit-trail.js';
import type { Db } from '../db/database.js';
import { errors } from '../http/errors.js';
import { MAX_YEAR, MIN_YEAR, formatVietnamese, tryParseIsoDate, type IsoDate } from './civil-date.js';
import { isNationalDaySecondCandidate } from './holidays.js';
import type { OverlayKind } from './overlay.js';
import { closeOverride, findOverride, insertOverride, openNextVersion, overlayAt, type StoredOverride } from './store.js';
import { calendarService } from './service.js';
import { WorkingCalendar } from './working-calendar.js';

export interface NewOverride {
  date: IsoDate;
  kind: OverlayKind;
  name: { vi: string; en: string };
  source: string;
  /** Why the change is made; becomes the version note. */
  note?: string | undefined;
}

export interface ChangeActor {
  /** The audit actor of the change. */
  actor: AuditEntry['actor'];
  ip?: string | null;
  requestId?: string | null;
}

export async function createOverride(db: Db, audit: AuditTrail, input: NewOverride, who: ChangeActor): Promise<{ override: StoredOverride; calendarVersion: number }> {
  const date = checkedDate(input.date);
  const year = Number(date.slice(0, 4));
  const result = await db.transaction().execute(async (trx) => {
    const version = await openNextVersion(trx, {
      changedBy: who.actor.label,
      changedByUserId: who.actor.userId,
      note: input.note?.trim() || `Add ${input.kind} on ${formatVietnamese(date)}: ${input.name.en}`,
    });
    // Judge the entry against the calendar as it is now, read inside this transaction.
    const current = await overlayAt(trx, version - 1);
    const calendar = new WorkingCalendar(version - 1, current);
    if (current.some((e) => e.date === date)) {
      throw errors.conflict('override_exists', 'Ngày này đã có một điều chỉnh; hãy xóa điều chỉnh cũ trước.', 'This date already has an overlay entry; remove it first.');
    }
    checkKind(input.kind, date, year, calendar, current);
    const override = await insertOverride(trx, { date, kind: input.kind, nameVi: input.name.vi, nameEn: input.name.en, source: input.source, version });
    await audit.record(trx, {
      actor: who.actor,
      action: 'calendar.override.create',
      targetType: 'calendar_override',
      targetId: override.id,
      ip: who.ip ?? null,
      requestId: who.requestId ?? null,
      details: { date, kind: input.kind, source: input.source, calendarVersion: version },
    });
    return { override, calendarVersion: version };
  });
  calendarService(db).invalidate();
  return result;
}

export async function removeOverride(db: Db, audit: AuditTrail, id: string, note: string | undefined, who: ChangeActor): Promise<{ calendarVersion: number }> {
  const result = await db.transaction().execute(async (trx) => {
    const existing = await findOverride(trx, id);
    if (!existing || existing.validToVersion !== null) {
      throw errors.notFound('Không tìm thấy điều chỉnh lịch đang có hiệu lực.', 'No overlay entry in force with this id.');
    }
    const version = await openNextVersion(trx, {
      changedBy: who.actor.label,
      changedByUserId: who.actor.userId,
      note: note?.trim() || `Remove ${existing.kind} on ${formatVietnamese(existing.date)}: ${existing.name.en}`,
    });
    // The lock taken by openNextVersion serialises removals, so the row cannot have been closed since.
    if (!(await closeOverride(trx, id, version))) throw errors.notFound();
    await audit.record(trx, {
      actor: who.actor,
      action: 'calendar.override.delete',
      targetType: 'calendar_override',
      targetId: id,
      ip: who.ip ?? null,
      requestId: who.requestId ?? null,
      details: { date: existing.date, kind: existing.kind, calendarVersion: version },
    });
    return { calendarVersion: version };
  });
  calendarService(db).invalidate();
  return result;
}

function checkedDate(text: string): IsoDate {
  const n = tryParseIsoDate(text);
  const year = Number(text.slice(0, 4));
  if (n === null || year < MIN_YEAR || year > MAX_YEAR) {
    throw errors.badRequest('invalid_date', `Ngày không hợp lệ (định dạng YYYY-MM-DD, năm ${MIN_YEAR}–${MAX_YEAR}).`, `Not a valid date (YYYY-MM-DD, years ${MIN_YEAR}–${MAX_YEAR}).`, [
      { field: 'date', message: { vi: 'Ngày không hợp lệ.', en: 'Not a valid date.' } },
    ]);
  }
  return text;
}

/** Refuses entries that would do nothing or that the law does not allow the overlay to do. */
function checkKind(kind: OverlayKind, date: IsoDate, year: number, calendar: WorkingCalendar, current: StoredOverride[]): void {
  if (kind === 'national_day_second') {
    if (!isNationalDaySecondCandidate(date)) {
      throw errors.badRequest(
        'not_national_day_candidate',
        'Ngày nghỉ Quốc khánh liền kề phải là 01/9 hoặc 03/9 (từ năm 2021).',
        'The day joining National Day must be 1 or 3 September (from 2021).',
        [{ field: 'date', message: { vi: 'Phải là 01/9 hoặc 03/9.', en: 'Must be 1 or 3 September.' } }],
      );
    }
    if (current.some((e) => e.kind === 'national_day_second' && e.date.startsWith(`${year}-`))) {
      throw errors.conflict('national_day_already_set', 'Năm này đã có ngày nghỉ Quốc khánh liền kề; hãy xóa mục cũ trước.', 'This year already has the day joining National Day; remove it first.');
    }
    return;
  }
  if (kind === 'day_off' && !calendar.isWorkingDay(date)) {
    throw errors.conflict('already_day_off', 'Ngày này đã là ngày nghỉ.', 'This date is already a day off.');
  }
  if (kind === 'working_day') {
    // Statutory holidays (the day joining 2/9 included: choose the other one with national_day_second).
    if (calendar.dayOff(date)?.kind === 'holiday') {
      throw errors.badRequest('cannot_cancel_holiday', 'Không thể biến ngày lễ theo luật định thành ngày làm việc.', 'A statutory holiday cannot be made a working day.');
    }
    if (calendar.isWorkingDay(date)) {
      throw errors.conflict('already_working_day', 'Ngày này đã là ngày làm việc.', 'This date is already a working day.');
    }
  }
}
