import type { Transaction } from 'kysely';
import type { Database } from '../db/tables.js';
import type { AppContext } from '../http/module.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/**
 * Queues an e-mail in the caller's transaction: it is sent by a background job over SMTP_URL,
 * or kept in the outbox admins can read when no SMTP server is configured.
 * (Interface fixed; implementation belongs to the notifications area.)
 */
export async function queueMail(_trx: Transaction<Database>, _ctx: AppContext, _message: MailMessage): Promise<void> {
  throw new Error('queueMail is not implemented yet');
}
