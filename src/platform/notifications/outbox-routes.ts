import { Type } from 'typebox';
import type { Selectable } from 'kysely';
import type { App, AppContext } from '../http/module.js';
import { actorOf } from '../http/access.js';
import { errors } from '../http/errors.js';
import { pageOf } from '../http/pagination.js';
import { PageQuery, Uuid } from '../http/schema.js';
import { seqCursor } from './inbox.js';
import { MAIL_JOB } from './mail.js';
import type { MailOutboxTable } from './tables.js';

const tags = ['admin'];
const PROBLEM = { $ref: 'Problem#' };
const ADMIN = { roles: ['system_admin'] as const };
const Status = Type.Union([Type.Literal('pending'), Type.Literal('sent'), Type.Literal('kept'), Type.Literal('failed')]);

const OutboxItem = Type.Object({
  id: Type.String(),
  to: Type.String({ description: 'Masked in lists; the full address is in the detail, whose reading is audited' }),
  subject: Type.String(),
  status: Status,
  attempts: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  sentAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
const OutboxMessage = Type.Object({
  ...OutboxItem.properties,
  text: Type.String(),
  html: Type.Union([Type.String({ description: 'Untrusted markup: show it only in a sandboxed frame' }), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
});

/** `nguyen.an@gmail.com` → `ng***@gmail.com`: enough to tell messages apart, not to read an address. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 0) return '***';
  return `${address.slice(0, Math.min(2, at))}***${address.slice(at)}`;
}

type Row = Selectable<MailOutboxTable>;
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const item = (r: Row, to: string) => ({
  id: r.id,
  to,
  subject: r.subject,
  status: r.status,
  attempts: r.attempts,
  createdAt: new Date(r.created_at).toISOString(),
  sentAt: iso(r.sent_at),
});

/** The mail outbox for system administrators: delivery status, and contents when needed. */
export function registerOutboxRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/admin/outbox',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Outgoing e-mail, newest first (addresses masked)',
        querystring: Type.Object({ ...PageQuery, status: Type.Optional(Status), to: Type.Optional(Type.String({ format: 'email', maxLength: 254 })) }),
        response: { 200: Type.Object({ items: Type.Array(OutboxItem), nextCursor: Type.Union([Type.String(), Type.Null()]) }), 400: PROBLEM },
      },
    },
    async (request) => {
      const { cursor, limit = 50, status, to } = request.query;
      const after = seqCursor(cursor);
      let query = ctx.db.selectFrom('mail_outbox').select(['id', 'seq', 'to_address', 'subject', 'status', 'attempts', 'created_at', 'sent_at']);
      if (after) query = query.where('seq', '<', after);
      if (status) query = query.where('status', '=', status);
      // Filtering by a full address only finds what the admin already knows, so it reveals nothing.
      if (to) query = query.where('to_address', '=', to);
      const rows = await query.orderBy('seq', 'desc').limit(limit + 1).execute();
      const page = pageOf(rows, limit, (r) => [String(r.seq)]);
      return { items: page.items.map((r) => item(r as Row, maskAddress(r.to_address))), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/v1/admin/outbox/:id',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'One e-mail with its contents (the reading is recorded in the audit trail)',
        params: Type.Object({ id: Uuid }),
        querystring: Type.Object({ purpose: Type.Optional(Type.String({ maxLength: 200, description: 'Why the message is being read' })) }),
        response: { 200: OutboxMessage, 404: PROBLEM },
      },
    },
    async (request) => {
      const row = await ctx.db.selectFrom('mail_outbox').selectAll().where('id', '=', request.params.id).executeTakeFirst();
      if (!row) throw errors.notFound('Không tìm thấy thư.', 'No such message.');
      const recipient = await ctx.db.selectFrom('users').select('id').where('email', '=', row.to_address.toLowerCase()).executeTakeFirst();
      // Reading someone's mail is reading their personal data: the recipient can later see who did.
      await ctx.audit.recordAlone({
        actor: actorOf(request),
        action: 'mail.read',
        targetType: 'mail',
        targetId: row.id,
        subjectUserId: recipient?.id ?? null,
        purpose: request.query.purpose ?? null,
        ip: request.ip,
        requestId: request.id,
      });
      return { ...item(row, row.to_address), text: row.text_body, html: row.html_body, lastError: row.last_error };
    },
  );

  app.post(
    '/api/v1/admin/outbox/:id/retry',
    {
      config: { access: ADMIN },
      schema: { tags, summary: 'Send a failed message again', params: Type.Object({ id: Uuid }), response: { 202: Type.Object({ status: Status }), 404: PROBLEM, 409: PROBLEM } },
    },
    async (request, reply) => {
      await ctx.db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('mail_outbox').select(['id', 'status']).where('id', '=', request.params.id).forUpdate().executeTakeFirst();
        if (!row) throw errors.notFound('Không tìm thấy thư.', 'No such message.');
        if (row.status !== 'failed') throw errors.conflict('mail_not_failed', 'Chỉ gửi lại được thư đã thất bại.', 'Only a failed message can be sent again.');
        await trx.updateTable('mail_outbox').set({ status: 'pending', attempts: 0, updated_at: new Date() }).where('id', '=', row.id).execute();
        await ctx.jobs.enqueue(trx, MAIL_JOB, { id: row.id });
        await ctx.audit.record(trx, { actor: actorOf(request), action: 'mail.retry', targetType: 'mail', targetId: row.id, ip: request.ip, requestId: request.id });
      });
      return reply.status(202).send({ status: 'pending' as const });
    },
  );
}
