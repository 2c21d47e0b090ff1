import nodemailer, { type Transporter } from 'nodemailer';
import type { AppContext } from '../http/module.js';
import type { QueueSettings } from '../jobs/job-queue.js';
import type { MailStatus } from './tables.js';

/** Six attempts over about an hour and a half (30 s doubling, with jitter), then `failed`. */
export const MAIL_QUEUE: QueueSettings = { retryLimit: 5, retryDelay: 30, retryBackoff: true, retryDelayMax: 3600, expireInSeconds: 120 };

const transports = new Map<string, Transporter>();

/** One pooled SMTP transport per server address, reused by every job of the process. */
function transportFor(smtpUrl: string): Transporter {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 });
    transports.set(smtpUrl, transport);
  }
  return transport;
}

/** The SMTP server's code and answer, cut short; it never contains the server's credentials. */
function describeError(error: unknown): { code: string; text: string } {
  const e = error as { code?: string; responseCode?: number; response?: string; message?: string };
  const code = [e.code, e.responseCode].filter(Boolean).join(' ') || 'error';
  return { code, text: `${code}: ${e.response ?? e.message ?? ''}`.slice(0, 500) };
}

export class MailDeliveryError extends Error {}

/**
 * Delivers one outbox message. Without SMTP_URL it is marked `kept` (it stays readable in the
 * admin outbox). A failed attempt is recorded and rethrown so the job queue retries it with
 * backoff; after the last allowed attempt the message is marked `failed`. Only the message id
 * is logged: addresses and contents are personal data.
 */
export async function deliverMail(ctx: AppContext, id: string, attempt: { retryCount: number } = { retryCount: 0 }): Promise<MailStatus | 'missing'> {
  const mail = await ctx.db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
  if (!mail) return 'missing';
  if (mail.status !== 'pending') return mail.status;
  if (!ctx.config.smtpUrl) {
    await ctx.db.updateTable('mail_outbox').set({ status: 'kept', updated_at: new Date() }).where('id', '=', id).execute();
    return 'kept';
  }
  try {
    await transportFor(ctx.config.smtpUrl).sendMail({
      from: ctx.config.mailFrom,
      to: mail.to_address,
      subject: mail.subject,
      text: mail.text_body,
      ...(mail.html_body ? { html: mail.html_body } : {}),
      ...(mail.list_unsubscribe ? { list: { unsubscribe: mail.list_unsubscribe }, headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } } : {}),
    });
  } catch (error) {
    const final = attempt.retryCount >= (MAIL_QUEUE.retryLimit ?? 0);
    const { code, text } = describeError(error);
    await ctx.db
      .updateTable('mail_outbox')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: text, status: final ? 'failed' : 'pending', updated_at: new Date() }))
      .where('id', '=', id)
      .execute();
    ctx.log.warn({ mailId: id, attempt: attempt.retryCount + 1, final, code }, 'mail delivery failed');
    throw new MailDeliveryError(`Mail ${id} not delivered (${code})`);
  }
  await ctx.db
    .updateTable('mail_outbox')
    .set((eb) => ({ status: 'sent', attempts: eb('attempts', '+', 1), last_error: null, sent_at: new Date(), updated_at: new Date() }))
    .where('id', '=', id)
    .execute();
  return 'sent';
}

/** Closes pooled SMTP connections (tests, shutdown). */
export function closeMailTransports(): void {
  for (const transport of transports.values()) transport.close();
  transports.clear();
}
