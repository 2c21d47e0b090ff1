import type { Transaction } from 'kysely';
import type { Database } from '../db/tables.js';
import type { AppContext } from '../http/module.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /**
   * For mail people subscribed to: the address that unsubscribes with one POST (RFC 8058). Mail
   * clients show an "unsubscribe" button, and large providers expect it of bulk senders.
   */
  unsubscribeUrl?: string;
}

export const MAIL_JOB = 'mail.send';

/**
 * Queues an e-mail in the caller's transaction: it is sent by a background job over SMTP_URL,
 * or kept in the outbox admins can read when no SMTP server is configured.
 * The outbox row and its job are written with the caller's write, so a rolled-back action sends
 * nothing and a committed one is never forgotten, even if the process stops right after.
 */
export async function queueMail(trx: Transaction<Database>, ctx: AppContext, message: MailMessage): Promise<void> {
  const to = message.to.trim();
  // Header values must be single lines; a line break here would let text inject extra headers.
  if (/[\r\n]/.test(to) || /[\r\n]/.test(message.subject)) throw new Error('Mail recipient and subject must be single lines');
  if (message.unsubscribeUrl !== undefined && !/^https?:\/\/[^\s<>]+$/.test(message.unsubscribeUrl)) throw new Error('The unsubscribe address must be one http(s) URL');
  const row = await trx
    .insertInto('mail_outbox')
    .values({ to_address: to, subject: message.subject, text_body: message.text, html_body: message.html ?? null, list_unsubscribe: message.unsubscribeUrl ?? null, last_error: null, sent_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.jobs.enqueue(trx, MAIL_JOB, { id: row.id });
}
