import { sql } from 'kysely';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../../platform/http/module.js';
import { actorOf } from '../../../platform/http/access.js';
import { errors } from '../../../platform/http/errors.js';
import { queueMail } from '../../../platform/notifications/mail.js';
import { feedbackDb, platformTrx, type FeedbackTrx } from '../tables.js';
import { hashToken, newSubscriptionKey, subscriptionToken } from './token.js';
import { resolveTarget, targetOf, type Target, type TargetInput } from './target.js';
import { alreadyFollowingMail, confirmationMail } from './mails.js';

/** A confirmation link older than this no longer works; the notifier deletes such requests. */
export const CONFIRM_WITHIN_DAYS = 7;

export interface SubscriptionView {
  scope: Target['scope'];
  label: Target['label'];
  trackingCode: string | null;
  categoryCode: string | null;
  communeCode: string | null;
}

export const viewOf = (target: Target): SubscriptionView => ({ scope: target.scope, label: target.label, trackingCode: target.trackingCode, categoryCode: target.categoryCode, communeCode: target.communeCode });

/** Addresses are compared without case (the unique index is on lower(email)) and stored that way. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** Where a new subscription starts reading the timeline: after everything already there. */
export async function timelineHead(trx: FeedbackTrx): Promise<string> {
  const row = await trx.selectFrom('feedback_report_events').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return String(row?.id ?? 0);
}

export async function findSubscription(trx: FeedbackTrx, email: string, target: Target) {
  let query = trx.selectFrom('feedback_subscriptions').select(['id', 'confirmed_at', 'token_hash', 'user_id']).where(sql<boolean>`lower(email) = ${email}`).where('scope', '=', target.scope);
  if (target.scope === 'report') query = query.where('report_id', '=', target.reportId);
  if (target.scope === 'category') query = query.where('category_code', '=', target.categoryCode);
  if (target.scope === 'commune') query = query.where('commune_code', '=', target.communeCode);
  return query.forUpdate().executeTakeFirst();
}

/**
 * Inserts the subscription unless the address already has it (the unique index decides, also
 * between two simultaneous requests). Returns its id and whether it was already there.
 */
export async function insertSubscription(trx: FeedbackTrx, ctx: AppContext, email: string, target: Target, extra: { userId: string | null; confirmed: boolean }) {
  const existing = await findSubscription(trx, email, target);
  if (existing) return { id: existing.id, existing };
  const key = newSubscriptionKey(ctx.config);
  const inserted = await trx
    .insertInto('feedback_subscriptions')
    .values({
      id: key.id,
      email,
      user_id: extra.userId,
      scope: target.scope,
      report_id: target.reportId,
      category_code: target.categoryCode,
      commune_code: target.communeCode,
      token_hash: key.tokenHash,
      confirmed_at: extra.confirmed ? new Date() : null,
      last_event_id: await timelineHead(trx),
    })
    .onConflict((oc) => oc.expression(sql`lower(email), scope, coalesce(report_id::text, category_code, commune_code)`).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, existing: undefined };
  const raced = await findSubscription(trx, email, target);
  if (!raced) throw new Error('subscription vanished between insert and read');
  return { id: raced.id, existing: raced };
}

/** The row's current token; rewrites the stored hash when SESSION_SECRET changed since it was made. */
export async function ensureTokenHash(trx: FeedbackTrx, ctx: AppContext, row: { id: string; token_hash: string }): Promise<string> {
  const token = subscriptionToken(ctx.config, row.id);
  const hash = hashToken(token);
  if (hash !== row.token_hash) await trx.updateTable('feedback_subscriptions').set({ token_hash: hash }).where('id', '=', row.id).execute();
  return token;
}

/**
 * Double opt-in (đăng ký nhận thư): records an unconfirmed subscription and mails a confirmation
 * link; nothing else is sent until it is opened. Asking again gives the same answer whatever the
 * state, so the answer never tells whether an address is subscribed; the mail differs, and only
 * the address's owner reads it.
 */
export async function requestSubscription(ctx: AppContext, request: FastifyRequest, rawEmail: string, input: TargetInput): Promise<void> {
  const email = normalizeEmail(rawEmail);
  const db = feedbackDb(ctx.db);
  await db.transaction().execute(async (trx) => {
    const target = await resolveTarget(trx, input);
    const { id, existing } = await insertSubscription(trx, ctx, email, target, { userId: null, confirmed: false });
    const token = existing ? await ensureTokenHash(trx, ctx, existing) : subscriptionToken(ctx.config, id);
    const mail = existing?.confirmed_at ? alreadyFollowingMail(ctx.config.publicUrl, email, target, token) : confirmationMail(ctx.config.publicUrl, email, target, token);
    await queueMail(platformTrx(trx), ctx, mail);
    await ctx.audit.record(platformTrx(trx), { actor: actorOf(request), action: 'feedback.subscription.request', targetType: 'feedback_subscription', targetId: id, ip: request.ip, requestId: String(request.id), details: { scope: target.scope } });
  });
}

const linkNotValid = () => errors.notFound('Liên kết không còn hiệu lực (đã quá hạn hoặc đã hủy đăng ký).', 'This link is no longer valid (expired, or the subscription was cancelled).');

/** Opens the confirmation link: from now on the subscriber receives digests. Opening it twice is harmless. */
export async function confirmSubscription(ctx: AppContext, request: FastifyRequest, token: string): Promise<SubscriptionView> {
  return feedbackDb(ctx.db).transaction().execute(async (trx) => {
    const row = await trx.selectFrom('feedback_subscriptions').selectAll().where('token_hash', '=', hashToken(token)).forUpdate().executeTakeFirst();
    const expired = row && !row.confirmed_at && new Date(row.created_at).getTime() < Date.now() - CONFIRM_WITHIN_DAYS * 86_400_000;
    if (!row || expired) throw linkNotValid();
    if (!row.confirmed_at) {
      await trx.updateTable('feedback_subscriptions').set({ confirmed_at: new Date() }).where('id', '=', row.id).execute();
      await ctx.audit.record(platformTrx(trx), { actor: actorOf(request), action: 'feedback.subscription.confirm', targetType: 'feedback_subscription', targetId: row.id, ip: request.ip, requestId: String(request.id), details: { scope: row.scope } });
    }
    return viewOf(await targetOf(trx, row));
  });
}

/** One-click unsubscribe: the row (and the address in it) is deleted. An unknown token is already unsubscribed. */
export async function unsubscribe(ctx: AppContext, request: FastifyRequest, token: string): Promise<{ removed: boolean; subscription: SubscriptionView | null }> {
  return feedbackDb(ctx.db).transaction().execute(async (trx) => {
    const row = await trx.deleteFrom('feedback_subscriptions').where('token_hash', '=', hashToken(token)).returningAll().executeTakeFirst();
    if (!row) return { removed: false, subscription: null };
    await ctx.audit.record(platformTrx(trx), { actor: actorOf(request), action: 'feedback.subscription.cancel', targetType: 'feedback_subscription', targetId: row.id, subjectUserId: row.user_id, ip: request.ip, requestId: String(request.id), details: { scope: row.scope } });
    return { removed: true, subscription: viewOf(await targetOf(trx, row).catch(() => unknownTarget(row))) };
  });
}

function unknownTarget(row: { scope: Target['scope'] }): Target {
  return { scope: row.scope, reportId: null, categoryCode: null, communeCode: null, trackingCode: null, label: { vi: 'mục đã theo dõi', en: 'what you followed' } };
}
