import type { Selectable, Updateable } from 'kysely';
import type { AppContext } from '../../../platform/http/module.js';
import { AppError } from '../../../platform/http/errors.js';
import { notifyUser } from '../../../platform/notifications/inbox.js';
import { queueMail } from '../../../platform/notifications/mail.js';
import { queueSyncUpdate } from '../national-sync/queue.js';
import { recordStatsChange } from '../stats/counters.js';
import { statusLabel, type NationalStatus } from '../statuses.js';
import { platformTrx, type Bilingual, type DossierTable, type PsTrx } from '../tables.js';

export type DossierRow = Selectable<DossierTable>;

/** Who did it, as the trail and the audit record it. `userId` null for the system (jobs) or the public. */
export interface Actor {
  userId: string | null;
  apiKeyId?: string | null;
  label: string;
  agencyId: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, label: 'system', agencyId: null };

export interface Transition {
  /** What happened, e.g. `receive`, `request_supplement`, `transfer` (also the audit action `dossier.<action>`). */
  action: string;
  to: NationalStatus;
  subState?: string | null;
  /** Other columns changed by the same command. */
  changes?: Updateable<DossierTable>;
  comment?: string | null;
  /** A sentence the applicant and the tracking page may read (no personal data). */
  publicNote?: Bilingual | null;
  toAgencyId?: string | null;
  step?: number | null;
  stepDueAt?: Date | null;
  data?: Record<string, unknown>;
  /** Tell the applicant (in-app and e-mail). Defaults to true when the national status changes. */
  notify?: boolean;
  at?: Date;
}

/** Locks a dossier row for a command; 404 when it does not exist. */
export async function lockDossier(trx: PsTrx, id: string): Promise<DossierRow> {
  const row = await trx.selectFrom('dossiers').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw dossierNotFound();
  return row;
}

export function dossierNotFound(): AppError {
  return new AppError(404, 'dossier_not_found', { vi: 'Không tìm thấy hồ sơ.', en: 'Dossier not found.' });
}

export function wrongStatus(row: DossierRow, action: string): AppError {
  const label = statusLabel(row.status);
  return new AppError(409, 'dossier_wrong_status', {
    vi: `Không thể thực hiện "${action}" khi hồ sơ đang ở trạng thái "${label.vi}".`,
    en: `Cannot "${action}" while the dossier is "${label.en}".`,
  });
}

/**
 * The one way a dossier changes: status, trail row, audit record, statistics and the applicant's
 * notice, all in the caller's transaction (the row must have been locked with `lockDossier`).
 */
export async function applyTransition(trx: PsTrx, ctx: AppContext, before: DossierRow, actor: Actor, t: Transition): Promise<DossierRow> {
  const at = t.at ?? new Date();
  const after = await trx
    .updateTable('dossiers')
    .set({ ...t.changes, status: t.to, sub_state: t.subState === undefined ? before.sub_state : t.subState, version: before.version + 1, updated_at: at })
    .where('id', '=', before.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('dossier_events')
    .values({
      dossier_id: before.id,
      at,
      action: t.action,
      from_status: before.status,
      to_status: t.to,
      sub_state: after.sub_state,
      actor_user_id: actor.userId,
      actor_label: actor.label,
      agency_id: actor.agencyId,
      to_agency_id: t.toAgencyId ?? null,
      step: t.step ?? after.current_step,
      step_due_at: t.stepDueAt ?? after.step_due_at,
      comment: t.comment ?? null,
      public_note: t.publicNote ? JSON.stringify(t.publicNote) : null,
      data: JSON.stringify(t.data ?? {}),
    })
    .execute();
  await ctx.audit.record(platformTrx(trx), {
    actor,
    action: `dossier.${t.action}`,
    targetType: 'dossier',
    targetId: before.id,
    subjectUserId: before.applicant_user_id,
    details: { code: after.code, from: before.status, to: t.to, subState: after.sub_state, ...(t.toAgencyId ? { toAgencyId: t.toAgencyId } : {}) },
  });
  await recordStatsChange(trx, before, after);
  await queueSyncUpdate(trx, ctx, before, after, at);
  if (t.notify ?? before.status !== t.to) await notifyApplicant(trx, ctx, after, t.publicNote ?? null);
  return after;
}

/** Status notices go to the applicant's and the filer's accounts, or by e-mail to an applicant without one. */
async function notifyApplicant(trx: PsTrx, ctx: AppContext, dossier: DossierRow, note: Bilingual | null): Promise<void> {
  if (dossier.is_demo) return;
  const label = statusLabel(dossier.status);
  const code = dossier.code ?? '';
  const title = { vi: `Hồ sơ ${code}: ${label.vi}`.trim(), en: `Dossier ${code}: ${label.en}`.trim() };
  const body = note ?? { vi: `Hồ sơ của bạn chuyển sang trạng thái "${label.vi}".`, en: `Your dossier is now "${label.en}".` };
  const link = code ? `/dich-vu-cong/tra-cuu/${encodeURIComponent(code)}` : '/dich-vu-cong/ho-so-cua-toi';
  const users = [...new Set([dossier.applicant_user_id, dossier.submitter_user_id].filter((u): u is string => !!u))];
  for (const userId of users) await notifyUser(platformTrx(trx), ctx, { userId, title, body, link, category: 'services', email: true });
  const email = dossier.applicant.email;
  if (users.length === 0 && email) {
    await queueMail(platformTrx(trx), ctx, { to: email, subject: title.vi, text: `${body.vi}\n\n${ctx.config.publicUrl}${link}\n\n${body.en}` });
  }
}
