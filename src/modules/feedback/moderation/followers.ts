import { createHash, randomBytes } from 'node:crypto';
import type { FeedbackTrx } from '../tables.js';

export interface MergedReporter {
  id: string;
  reporter_user_id: string | null;
}

/**
 * Moves the followers (report-scope subscriptions) of a merged duplicate to the report it was merged
 * into, and makes the duplicate's signed-in reporter a follower too. An address already following the target
 * keeps its own row (the unique index is on lower(email)); a confirmation carries over. Moved rows
 * are marked as having seen the target's history up to `seenUpTo`, so they hear about the merge and
 * what follows, not everything before it. Returns how many addresses newly follow the target.
 */
export async function carryFollowers(trx: FeedbackTrx, from: MergedReporter, toId: string, seenUpTo: string): Promise<number> {
  const [moving, staying] = await Promise.all([
    trx.selectFrom('feedback_subscriptions').select(['id', 'email', 'user_id', 'confirmed_at']).where('scope', '=', 'report').where('report_id', '=', from.id).execute(),
    trx.selectFrom('feedback_subscriptions').select(['id', 'email', 'confirmed_at']).where('scope', '=', 'report').where('report_id', '=', toId).execute(),
  ]);
  const onTarget = new Map(staying.map((s) => [s.email.toLowerCase(), s]));
  let added = 0;
  for (const sub of moving) {
    const existing = onTarget.get(sub.email.toLowerCase());
    if (existing) {
      if (!existing.confirmed_at && sub.confirmed_at) await trx.updateTable('feedback_subscriptions').set({ confirmed_at: sub.confirmed_at }).where('id', '=', existing.id).execute();
      await trx.deleteFrom('feedback_subscriptions').where('id', '=', sub.id).execute();
      continue;
    }
    await trx.updateTable('feedback_subscriptions').set({ report_id: toId, last_event_id: seenUpTo }).where('id', '=', sub.id).execute();
    onTarget.set(sub.email.toLowerCase(), { id: sub.id, email: sub.email, confirmed_at: sub.confirmed_at });
    added += 1;
  }
  const email = await accountEmail(trx, from);
  if (email && !onTarget.has(email.toLowerCase())) {
    // Confirmed at once, as the subscriptions part does for a signed-in reporter following their own
    // report: the account's own address, and this is still their problem, told by another record.
    await trx
      .insertInto('feedback_subscriptions')
      .values({ email, user_id: from.reporter_user_id, scope: 'report', report_id: toId, category_code: null, commune_code: null, token_hash: newTokenHash(), confirmed_at: new Date(), last_event_id: seenUpTo })
      .execute();
    added += 1;
  }
  return added;
}

/**
 * Only a signed-in reporter's account address is added. An address merely typed into the report form
 * is not: it was never shown to belong to the reporter (the subscriptions part asks for confirmation
 * for that reason), and confirming it here would let anyone send digests to a stranger's mailbox with
 * a report an officer then merges. Such a reporter's own follow row, if any, moved above with the
 * others and keeps its state (confirmed or waiting for the link).
 */
async function accountEmail(trx: FeedbackTrx, report: MergedReporter): Promise<string | null> {
  if (!report.reporter_user_id) return null;
  const user = await trx.selectFrom('users').select('email').where('id', '=', report.reporter_user_id).executeTakeFirst();
  return user?.email ?? null;
}

/** A fresh token whose plain value is not kept: the subscriptions digest stores and mails a new one. */
function newTokenHash(): string {
  return createHash('sha256').update(randomBytes(32).toString('base64url')).digest('hex');
}
