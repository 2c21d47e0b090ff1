import { sql } from 'kysely';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../../platform/http/module.js';
import { actorOf, requireUser } from '../../../platform/http/access.js';
import { queueMail } from '../../../platform/notifications/mail.js';
import { feedbackDb, platformTrx, type FeedbackTrx } from '../tables.js';
import { reportTarget, resolveTarget } from './target.js';
import { ensureTokenHash, insertSubscription, normalizeEmail } from './subscribe.js';
import { confirmationMail } from './mails.js';
import { subscriptionToken } from './token.js';

/**
 * A signed-in person follows a report with their account's address, confirmed at once (the account
 * already proved the address). An earlier unconfirmed request for the same address is taken over.
 */
export async function followReport(ctx: AppContext, request: FastifyRequest, reportId: string): Promise<{ following: boolean }> {
  const me = requireUser(request);
  await feedbackDb(ctx.db).transaction().execute(async (trx) => {
    const target = await resolveTarget(trx, { scope: 'report', reportId });
    const { id, existing } = await insertSubscription(trx, ctx, normalizeEmail(me.email), target, { userId: me.id, confirmed: true });
    if (existing) {
      await trx.updateTable('feedback_subscriptions').set({ user_id: me.id, confirmed_at: existing.confirmed_at ?? new Date() }).where('id', '=', id).execute();
      await ensureTokenHash(trx, ctx, existing);
    }
    await ctx.audit.record(platformTrx(trx), { actor: actorOf(request), action: 'feedback.report.follow', targetType: 'feedback_report', targetId: reportId, subjectUserId: me.id, ip: request.ip, requestId: String(request.id) });
  });
  return { following: true };
}

export async function unfollowReport(ctx: AppContext, request: FastifyRequest, reportId: string): Promise<{ following: boolean }> {
  const me = requireUser(request);
  await feedbackDb(ctx.db).transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('feedback_subscriptions').where('scope', '=', 'report').where('report_id', '=', reportId).where((eb) => eb.or([eb('user_id', '=', me.id), eb(sql<string>`lower(email)`, '=', normalizeEmail(me.email))])).executeTakeFirst();
    if (Number(removed.numDeletedRows) > 0) {
      await ctx.audit.record(platformTrx(trx), { actor: actorOf(request), action: 'feedback.report.unfollow', targetType: 'feedback_report', targetId: reportId, subjectUserId: me.id, ip: request.ip, requestId: String(request.id) });
    }
  });
  return { following: false };
}

/** Whether the signed-in person receives this report's updates (a confirmed subscription of theirs). */
export async function isFollowing(ctx: AppContext, request: FastifyRequest, reportId: string): Promise<{ following: boolean }> {
  const me = requireUser(request);
  const row = await feedbackDb(ctx.db)
    .selectFrom('feedback_subscriptions')
    .select('id')
    .where('scope', '=', 'report')
    .where('report_id', '=', reportId)
    .where('confirmed_at', 'is not', null)
    .where((eb) => eb.or([eb('user_id', '=', me.id), eb(sql<string>`lower(email)`, '=', normalizeEmail(me.email))]))
    .executeTakeFirst();
  return { following: !!row };
}

/**
 * The reporter follows their own report (called inside the report's own transaction): signed in,
 * with the account's address, confirmed at once; otherwise, when they gave an address, a
 * confirmation mail is sent first, like any subscription (the address may not be theirs).
 */
export async function autoFollowReporter(trx: FeedbackTrx, ctx: AppContext, report: { id: string; trackingCode: string; categoryVi: string; categoryEn: string }, reporter: { userId: string | null; email: string | null }): Promise<void> {
  if (!reporter.email) return;
  const target = reportTarget({ id: report.id, tracking_code: report.trackingCode, name_vi: report.categoryVi, name_en: report.categoryEn });
  const email = normalizeEmail(reporter.email);
  const { id } = await insertSubscription(trx, ctx, email, target, { userId: reporter.userId, confirmed: reporter.userId !== null });
  if (reporter.userId === null) await queueMail(platformTrx(trx), ctx, confirmationMail(ctx.config.publicUrl, email, target, subscriptionToken(ctx.config, id)));
}
