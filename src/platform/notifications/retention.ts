import type { AppContext } from '../http/module.js';

/** Mail bodies hold personal data and one-time links; ninety days is enough to answer "did it go out?". */
export const OUTBOX_RETENTION_DAYS = 90;
/** Read notices are history nobody looks at after a year. */
export const READ_NOTIFICATION_RETENTION_DAYS = 365;
export const PURGE_JOB = 'notifications.purge';
export const PURGE_CRON = '15 3 * * *';

export async function purgeOldMessages(ctx: AppContext, now = new Date()): Promise<{ mail: number; notifications: number }> {
  const day = 24 * 3600_000;
  const mail = await ctx.db
    .deleteFrom('mail_outbox')
    .where('status', '!=', 'pending')
    .where('created_at', '<', new Date(now.getTime() - OUTBOX_RETENTION_DAYS * day))
    .executeTakeFirst();
  const notifications = await ctx.db
    .deleteFrom('notifications')
    .where('read_at', '<', new Date(now.getTime() - READ_NOTIFICATION_RETENTION_DAYS * day))
    .executeTakeFirst();
  return { mail: Number(mail.numDeletedRows), notifications: Number(notifications.numDeletedRows) };
}
