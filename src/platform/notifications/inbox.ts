import type { AuditEntry } from '../audit/audit-trail.js';
import type { Selectable, Transaction } from 'kysely';
import type { Database } from '../db/tables.js';
import type { AppContext } from '../http/module.js';
import { decodeCursor, pageOf } from '../http/pagination.js';
import { errors } from '../http/errors.js';
import { queueMail } from './mail.js';
import { channelEnabled } from './preferences.js';
import type { Bilingual, NotificationTable } from './tables.js';

export const DEFAULT_CATEGORY = 'general';

export interface NotifyInput {
  userId: string;
  title: Bilingual;
  body: Bilingual;
  /** A path inside the site, such as `/phan-anh/123`. */
  link?: string;
  /** Lets people mute a kind of notice (`feedback`, `services`, …). */
  category?: string;
  /** Also e-mail it, unless the person turned e-mail off for this category. */
  email?: boolean;
}

export interface NotificationView {
  id: string;
  category: string;
  title: Bilingual;
  body: Bilingual;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

/**
 * Puts a notice in a person's in-app inbox (and optionally their mailbox) in the caller's
 * transaction, so it exists exactly when the change it announces does. Returns the notification
 * id, or null when the person muted the in-app channel for this category.
 */
export async function notifyUser(trx: Transaction<Database>, ctx: AppContext, input: NotifyInput): Promise<string | null> {
  const category = input.category ?? DEFAULT_CATEGORY;
  // Only site-relative links: a notice must never send people to another site.
  if (input.link !== undefined && !/^\/(?!\/)[^\s\\]*$/.test(input.link)) throw new Error('Notification links must be paths inside the site');
  let id: string | null = null;
  if (await channelEnabled(trx, input.userId, category, 'in_app')) {
    const row = await trx
      .insertInto('notifications')
      .values({
        user_id: input.userId,
        category,
        title: JSON.stringify(input.title),
        body: JSON.stringify(input.body),
        link: input.link ?? null,
        read_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = row.id;
  }
  if (input.email && (await channelEnabled(trx, input.userId, category, 'email'))) {
    const user = await trx.selectFrom('users').select(['email', 'status']).where('id', '=', input.userId).executeTakeFirst();
    if (user?.status === 'active') {
      const link = input.link ? `\n\n${ctx.config.publicUrl}${input.link}` : '';
      await queueMail(trx, ctx, {
        to: user.email,
        subject: `${input.title.vi} / ${input.title.en}`,
        text: `${input.body.vi}${link}\n\n---\n${input.body.en}${link}`,
      });
    }
  }
  return id;
}

/** Cursors here hold one sequence number; anything else is a client's invention. */
export function seqCursor(cursor: string | undefined): string | undefined {
  const key = decodeCursor(cursor);
  if (!key) return undefined;
  const seq = String(key[0]);
  if (key.length !== 1 || !/^\d{1,19}$/.test(seq)) {
    throw errors.badRequest('invalid_cursor', 'Con trỏ phân trang không hợp lệ.', 'The pagination cursor is not valid.');
  }
  return seq;
}

function present(row: Selectable<NotificationTable>): NotificationView {
  return {
    id: row.id,
    category: row.category,
    title: row.title,
    body: row.body,
    link: row.link,
    readAt: row.read_at ? new Date(row.read_at).toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Newest first, by insertion order (a cursor on `seq` never skips rows made in the same instant). */
export async function listNotifications(ctx: AppContext, userId: string, options: { cursor?: string; limit: number; unreadOnly?: boolean }) {
  const after = seqCursor(options.cursor);
  let query = ctx.db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (after) query = query.where('seq', '<', after);
  if (options.unreadOnly) query = query.where('read_at', 'is', null);
  const rows = await query.orderBy('seq', 'desc').limit(options.limit + 1).execute();
  const unread = await ctx.db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  const page = pageOf(rows, options.limit, (r) => [String(r.seq)]);
  return { items: page.items.map(present), nextCursor: page.nextCursor, unreadCount: Number(unread.n) };
}

/** Request details for the audit record of a person's own inbox change. */
export interface InboxChange {
  actor: AuditEntry['actor'];
  ip: string;
  requestId: string;
}

/** Marks one of the person's own notices read; false when it isn't theirs or doesn't exist. */
export async function markRead(ctx: AppContext, userId: string, id: string, change: InboxChange): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    const exists = await trx.selectFrom('notifications').select(['id', 'read_at']).where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
    if (!exists) return false;
    if (exists.read_at) return true;
    await trx.updateTable('notifications').set({ read_at: new Date() }).where('id', '=', id).execute();
    await ctx.audit.record(trx, { ...change, action: 'notification.read', targetType: 'notification', targetId: id });
    return true;
  });
}

export async function markAllRead(ctx: AppContext, userId: string, change: InboxChange): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    const result = await trx.updateTable('notifications').set({ read_at: new Date() }).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
    const updated = Number(result.numUpdatedRows);
    if (updated > 0) await ctx.audit.record(trx, { ...change, action: 'notification.read_all', targetType: 'user', targetId: userId, details: { updated } });
    return updated;
  });
}
