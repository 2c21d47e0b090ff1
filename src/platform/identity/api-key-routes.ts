import { Type } from 'typebox';
import type { App, AppContext } from '../http/module.js';
import { actorOf, requireUser } from '../http/access.js';
import { errors } from '../http/errors.js';
import { StrictObject, Uuid } from '../http/schema.js';
import { issueApiKey } from './issue-api-key.js';

const tags = ['api-keys'];
const PROBLEM = { $ref: 'Problem#' };

const ApiKeyView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  scopes: Type.Array(Type.String()),
  agencyId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
});
const CreateBody = StrictObject({
  name: Type.String({ minLength: 2, maxLength: 100 }),
  scopes: Type.Array(Type.String({ pattern: '^[a-z0-9:_-]{2,40}$' }), { minItems: 1, maxItems: 20, uniqueItems: true }),
  expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
  agencyId: Type.Optional(Type.Union([Uuid, Type.Null()])),
});

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function registerApiKeyRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/api-keys',
    { config: { access: { roles: ['system_admin'] } }, schema: { tags, summary: 'List API keys (never their secrets)', response: { 200: Type.Object({ items: Type.Array(ApiKeyView) }) } } },
    async () => {
      const rows = await ctx.db.selectFrom('api_keys').selectAll().orderBy('created_at', 'desc').execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          prefix: r.prefix,
          scopes: r.scopes,
          agencyId: r.agency_id,
          createdAt: new Date(r.created_at).toISOString(),
          expiresAt: iso(r.expires_at),
          revokedAt: iso(r.revoked_at),
          lastUsedAt: iso(r.last_used_at),
        })),
      };
    },
  );

  app.post(
    '/api/v1/api-keys',
    {
      config: { access: { roles: ['system_admin'] } },
      schema: {
        tags,
        summary: 'Issue an API key; the key is in this response only',
        body: CreateBody,
        response: { 201: Type.Object({ id: Type.String(), key: Type.String(), prefix: Type.String() }), 400: PROBLEM },
      },
    },
    async (request, reply) => {
      const admin = requireUser(request);
      const expiresAt = request.body.expiresAt ? new Date(request.body.expiresAt) : null;
      if (expiresAt && expiresAt.getTime() <= Date.now()) {
        throw errors.badRequest('expiry_in_past', 'Ngày hết hạn phải ở tương lai.', 'The expiry must be in the future.');
      }
      const issued = await ctx.db.transaction().execute((trx) =>
        issueApiKey(trx, ctx.audit, { name: request.body.name, scopes: request.body.scopes, expiresAt, agencyId: request.body.agencyId ?? null, createdBy: admin.id }, actorOf(request)),
      );
      return reply.status(201).send(issued);
    },
  );

  app.post(
    '/api/v1/api-keys/:id/revoke',
    { config: { access: { roles: ['system_admin'] } }, schema: { tags, summary: 'Revoke an API key at once', params: Type.Object({ id: Uuid }), response: { 204: Type.Null(), 404: PROBLEM } } },
    async (request, reply) => {
      await ctx.db.transaction().execute(async (trx) => {
        const row = await trx.updateTable('api_keys').set({ revoked_at: new Date() }).where('id', '=', request.params.id).where('revoked_at', 'is', null).returning('id').executeTakeFirst();
        if (!row) throw errors.notFound('Không tìm thấy khóa API còn hiệu lực.', 'No active API key with this id.');
        await ctx.audit.record(trx, { actor: actorOf(request), action: 'api_key.revoke', targetType: 'api_key', targetId: row.id, ip: request.ip, requestId: request.id });
      });
      return reply.status(204).send(null);
    },
  );
}
