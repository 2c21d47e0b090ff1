import { Type } from 'typebox';
import { sql } from 'kysely';
import type { App, AppContext } from '../http/module.js';
import { requireUser } from '../http/access.js';
import { PageQuery, StrictObject } from '../http/schema.js';
import { decodeCursor, encodeCursor } from '../http/pagination.js';

const tags = ['audit'];

const AuditRecordView = Type.Object({
  seq: Type.String(),
  at: Type.String(),
  actorLabel: Type.String(),
  actorUserId: Type.Union([Type.String(), Type.Null()]),
  actorAgencyId: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  targetType: Type.String(),
  targetId: Type.Union([Type.String(), Type.Null()]),
  subjectUserId: Type.Union([Type.String(), Type.Null()]),
  purpose: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  hash: Type.String(),
});

const DataAccessView = Type.Object({
  at: Type.String(),
  actorLabel: Type.String(),
  actorRole: Type.Union([Type.String(), Type.Null()]),
  agencyName: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  purpose: Type.Union([Type.String(), Type.Null()]),
});

const VerifyView = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  firstBroken: Type.Union([Type.Object({ seq: Type.String(), reason: Type.String(), message: Type.String() }), Type.Null()]),
});

export function registerAuditRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/audit',
    {
      config: { access: { roles: ['system_admin'], scopes: ['audit:read'] } },
      schema: {
        tags,
        summary: 'The audit trail, newest first',
        querystring: StrictObject({ ...PageQuery, action: Type.Optional(Type.String({ maxLength: 80 })), subjectUserId: Type.Optional(Type.String({ format: 'uuid' })) }),
        response: { 200: Type.Object({ items: Type.Array(AuditRecordView), nextCursor: Type.Union([Type.String(), Type.Null()]) }) },
      },
    },
    async (request) => {
      const limit = request.query.limit ?? 50;
      let query = ctx.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(limit + 1);
      const after = decodeCursor(request.query.cursor);
      if (after) query = query.where('seq', '<', String(after[0]));
      if (request.query.action) query = query.where('action', '=', request.query.action);
      if (request.query.subjectUserId) query = query.where('subject_user_id', '=', request.query.subjectUserId);
      const rows = await query.execute();
      const items = rows.slice(0, limit);
      return {
        items: items.map((r) => ({
          seq: String(r.seq),
          at: new Date(r.at).toISOString(),
          actorLabel: r.actor_label,
          actorUserId: r.actor_user_id,
          actorAgencyId: r.actor_agency_id,
          action: r.action,
          targetType: r.target_type,
          targetId: r.target_id,
          subjectUserId: r.subject_user_id,
          purpose: r.purpose,
          ip: r.ip,
          hash: r.hash,
        })),
        nextCursor: rows.length > limit ? encodeCursor([String(items[items.length - 1]!.seq)]) : null,
      };
    },
  );

  app.get(
    '/api/v1/audit/verify',
    { config: { access: { roles: ['system_admin'], scopes: ['audit:read'] } }, schema: { tags, summary: 'Check the whole hash chain; names the first broken record', response: { 200: VerifyView } } },
    async () => ctx.audit.verify(),
  );

  app.get(
    '/api/v1/me/data-access',
    {
      config: { access: { roles: '*' } },
      schema: {
        tags,
        summary: 'Who (officers, agencies) accessed my personal data, when and why',
        querystring: StrictObject(PageQuery),
        response: { 200: Type.Object({ items: Type.Array(DataAccessView), nextCursor: Type.Union([Type.String(), Type.Null()]) }) },
      },
    },
    async (request) => {
      const me = requireUser(request);
      const limit = request.query.limit ?? 50;
      const after = decodeCursor(request.query.cursor);
      // Only what others did: a person's own actions are not "access by someone else".
      let query = ctx.db
        .selectFrom('audit_log as a')
        .leftJoin('users as u', 'u.id', 'a.actor_user_id')
        .select(['a.seq', 'a.at', 'a.actor_label', 'a.action', 'a.purpose', 'a.actor_agency_id', 'u.role as actor_role'])
        .where('a.subject_user_id', '=', me.id)
        .where(sql<boolean>`a.actor_user_id is distinct from ${me.id}`)
        .orderBy('a.seq', 'desc')
        .limit(limit + 1);
      if (after) query = query.where('a.seq', '<', String(after[0]));
      const rows = await query.execute();
      const items = rows.slice(0, limit);
      const agencyNames = await agencyNamesOf(ctx, items.map((r) => r.actor_agency_id));
      return {
        items: items.map((r) => ({
          at: new Date(r.at).toISOString(),
          actorLabel: r.actor_role === 'citizen' || r.actor_role === 'business' ? 'người dùng khác / another user' : r.actor_label,
          actorRole: r.actor_role ?? null,
          agencyName: r.actor_agency_id ? (agencyNames.get(r.actor_agency_id) ?? null) : null,
          action: r.action,
          purpose: r.purpose,
        })),
        nextCursor: rows.length > limit ? encodeCursor([String(items[items.length - 1]!.seq)]) : null,
      };
    },
  );
}

async function agencyNamesOf(ctx: AppContext, ids: Array<string | null>): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  if (unique.length === 0) return new Map();
  const rows = await sql<{ id: string; name: string }>`select id, name from agencies where id in (${sql.join(unique)})`.execute(ctx.db);
  return new Map(rows.rows.map((r) => [r.id, r.name]));
}
