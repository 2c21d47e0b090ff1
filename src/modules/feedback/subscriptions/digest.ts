import { sql } from 'kysely';
import type { AppContext } from '../../../platform/http/module.js';
import { queueMail } from '../../../platform/notifications/mail.js';
import { notifyUser } from '../../../platform/notifications/inbox.js';
import { feedbackDb, platformTrx, type FeedbackDb, type FeedbackTrx, type SubscriptionTable } from '../tables.js';
import type { Selectable } from 'kysely';
import { digestMail, kindLabel, type DigestLine } from './mails.js';
import { targetOf } from './target.js';
import { CONFIRM_WITHIN_DAYS, ensureTokenHash } from './subscribe.js';
import { reportPath } from './links.js';

export const DIGEST_JOB = 'feedback.subscriptions.digest';
/** Every five minutes (Vietnam time, as every schedule). */
export const DIGEST_CRON = '*/5 * * * *';

/**
 * Timeline ids come from a sequence, and a transaction that took a smaller id may commit after one
 * that took a larger id. Reading only events older than this keeps a cursor from stepping over an
 * event that was not yet visible; the platform's transactions last well under it.
 */
export const SETTLE_SECONDS = 120;
/** Subscriptions read per query, at most per run, and events at most per mail (the rest go in the next). */
export const BATCH = 200;
export const MAX_PER_RUN = 5000;
export const EVENTS_PER_MAIL = 30;
/** What a category or commune subscriber hears about: new reports and their results, not every step. */
export const AREA_KINDS = ['received', 'resolve', 'close', 'refuse'];

type Subscription = Selectable<SubscriptionTable>;

/** The id of the newest timeline event that is surely visible to everyone. */
async function settledHead(db: FeedbackDb, now: Date): Promise<string> {
  const cutoff = new Date(now.getTime() - SETTLE_SECONDS * 1000);
  const row = await db.selectFrom('feedback_report_events').select('id').where('at', '<', cutoff).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return String(row?.id ?? 0);
}

/** Requests never confirmed are forgotten (with their address) after the confirmation window. */
async function forgetUnconfirmed(db: FeedbackDb, now: Date): Promise<number> {
  const before = new Date(now.getTime() - CONFIRM_WITHIN_DAYS * 86_400_000);
  const result = await db.deleteFrom('feedback_subscriptions').where('confirmed_at', 'is', null).where('created_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The public events a subscription has not heard about yet, oldest first, one more than a mail holds. */
function pendingEvents(trx: FeedbackTrx, sub: Subscription, horizon: string) {
  let query = trx
    .selectFrom('feedback_report_events as e')
    .innerJoin('feedback_reports as r', 'r.id', 'e.report_id')
    .innerJoin('feedback_categories as c', 'c.code', 'r.category_code')
    .innerJoin('admin_units as u', 'u.code', 'r.commune_code')
    .select(['e.id', 'e.at', 'e.kind', 'r.tracking_code', 'c.name_vi', 'c.name_en', 'u.name as commune_name'])
    .where('e.id', '>', String(sub.last_event_id))
    .where('e.id', '<=', horizon)
    .where('e.public', '=', true);
  if (sub.scope === 'report') query = query.where('e.report_id', '=', sub.report_id!);
  else query = query.where('e.kind', 'in', AREA_KINDS);
  if (sub.scope === 'category') query = query.where('r.category_code', '=', sub.category_code!);
  if (sub.scope === 'commune') query = query.where('r.commune_code', '=', sub.commune_code!);
  // Nobody needs a mail about what they did themselves (a follower rating the result).
  if (sub.user_id) query = query.where(sql<boolean>`e.actor_user_id is distinct from ${sub.user_id}`);
  return query.orderBy('e.id').limit(EVENTS_PER_MAIL + 1).execute();
}

/**
 * One subscriber's digest, in one transaction: the mail (and, for a signed-in follower, the in-app
 * notice) is queued and the cursor moved together, so an event is announced once or, after a
 * rollback, again — never lost. Returns whether a mail was queued.
 */
export async function digestOne(ctx: AppContext, subscriptionId: string, horizon: string): Promise<boolean> {
  return feedbackDb(ctx.db).transaction().execute(async (trx) => {
    const sub = await trx.selectFrom('feedback_subscriptions').selectAll().where('id', '=', subscriptionId).where('confirmed_at', 'is not', null).forUpdate().executeTakeFirst();
    if (!sub || BigInt(sub.last_event_id) >= BigInt(horizon)) return false;
    const rows = await pendingEvents(trx, sub, horizon);
    const more = rows.length > EVENTS_PER_MAIL;
    const events = rows.slice(0, EVENTS_PER_MAIL);
    const cursor = more ? String(events[events.length - 1]!.id) : horizon;
    await trx.updateTable('feedback_subscriptions').set({ last_event_id: cursor }).where('id', '=', sub.id).execute();
    if (events.length === 0) return false;
    const lines: DigestLine[] = events.map((e) => ({ at: new Date(e.at), trackingCode: e.tracking_code, kindLabel: kindLabel(e.kind), category: { vi: e.name_vi, en: e.name_en }, communeName: e.commune_name }));
    const target = await targetOf(trx, sub);
    const token = await ensureTokenHash(trx, ctx, sub);
    await queueMail(platformTrx(trx), ctx, digestMail(ctx.config.publicUrl, sub.email, target, lines, token, more));
    if (sub.user_id && sub.scope === 'report' && target.trackingCode) await noticeFollower(trx, ctx, sub.user_id, target.trackingCode, lines);
    return true;
  });
}

function noticeFollower(trx: FeedbackTrx, ctx: AppContext, userId: string, trackingCode: string, lines: DigestLine[]) {
  return notifyUser(platformTrx(trx), ctx, {
    userId,
    category: 'feedback',
    link: reportPath(trackingCode),
    title: { vi: `Cập nhật phản ánh ${trackingCode}`, en: `Update on report ${trackingCode}` },
    body: { vi: lines.map((l) => l.kindLabel.vi).join(', '), en: lines.map((l) => l.kindLabel.en).join(', ') },
  });
}

/**
 * The notifier: every confirmed subscription behind the settled head gets its digest, in bounded
 * batches. The furthest behind go first, so when a run stops at MAX_PER_RUN the next one starts with
 * those it did not reach. One subscriber's failure is logged and skipped, not allowed to stop the rest.
 */
export async function runDigests(ctx: AppContext, now = new Date()): Promise<{ mailed: number; checked: number; forgotten: number; failed: number }> {
  const db = feedbackDb(ctx.db);
  const forgotten = await forgetUnconfirmed(db, now);
  const horizon = await settledHead(db, now);
  let mailed = 0;
  let checked = 0;
  let failed = 0;
  let after: { cursor: string; id: string } | null = null;
  while (checked < MAX_PER_RUN) {
    const from = after;
    const batch: Array<{ id: string; last_event_id: string }> = await db
      .selectFrom('feedback_subscriptions')
      .select(['id', 'last_event_id'])
      .where('confirmed_at', 'is not', null)
      .where('last_event_id', '<', horizon)
      .$if(from !== null, (q) => q.where(sql<boolean>`(last_event_id, id) > (${from!.cursor}::bigint, ${from!.id}::uuid)`))
      .orderBy('last_event_id')
      .orderBy('id')
      .limit(BATCH)
      .execute();
    for (const sub of batch) {
      try {
        if (await digestOne(ctx, sub.id, horizon)) mailed += 1;
      } catch (error) {
        failed += 1;
        ctx.log.error({ err: error, subscriptionId: sub.id }, 'feedback digest failed');
      }
    }
    checked += batch.length;
    if (batch.length < BATCH) break;
    const last = batch[batch.length - 1]!;
    after = { cursor: String(last.last_event_id), id: last.id };
  }
  if (mailed > 0 || forgotten > 0 || failed > 0) ctx.log.info({ mailed, checked, forgotten, failed }, 'feedback subscription digests');
  return { mailed, checked, forgotten, failed };
}
