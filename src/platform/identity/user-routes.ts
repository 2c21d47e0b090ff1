import { Type } from 'typebox';
import { sql } from 'kysely';
import type { App, AppContext } from '../http/module.js';
import { actorOf, requireUser, type UserPrincipal } from '../http/access.js';
import { errors } from '../http/errors.js';
import { Page, PageQuery, StrictObject, Uuid } from '../http/schema.js';
import { decodeCursor, pageOf } from '../http/pagination.js';
import { likePattern, toSearchText } from '../search/search-text.js';
import { createUser, assertAgencyFitsRole } from './users.js';
import { Email, RoleSchema, UserView, presentUser, USER_COLUMNS } from './schemas.js';
import type { Role } from './roles.js';

const tags = ['users'];
const PROBLEM = { $ref: 'Problem#' };
const ADMINS: Role[] = ['system_admin', 'agency_admin'];

const ListQuery = StrictObject({ ...PageQuery, q: Type.Optional(Type.String({ maxLength: 100 })), role: Type.Optional(RoleSchema), agencyId: Type.Optional(Uuid) });
const CreateBody = StrictObject({
  email: Email,
  fullName: Type.String({ minLength: 2, maxLength: 120 }),
  role: RoleSchema,
  password: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
  phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9 .-]{8,15}$' })),
  agencyId: Type.Optional(Type.Union([Uuid, Type.Null()])),
});
const PatchBody = StrictObject({
  fullName: Type.Optional(Type.String({ minLength: 2, maxLength: 120 })),
  role: Type.Optional(RoleSchema),
  phone: Type.Optional(Type.Union([Type.String({ pattern: '^\\+?[0-9 .-]{8,15}$' }), Type.Null()])),
  agencyId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
});

/**
 * An agency admin manages only the citizens-facing staff of their own agency: officers and
 * agency admins there. Everything else is the system admin's.
 */
function assertMayManage(admin: UserPrincipal, target: { role: Role; agencyId: string | null }): void {
  if (admin.role === 'system_admin') return;
  const ownAgency = admin.agencyId !== null && target.agencyId === admin.agencyId;
  if (!ownAgency || !['officer', 'agency_admin'].includes(target.role)) {
    throw errors.forbidden('Bạn chỉ quản lý được cán bộ của cơ quan mình.', 'You can only manage staff of your own agency.');
  }
}

export function registerUserRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/users',
    {
      config: { access: { roles: ADMINS, scopes: ['users:read'] } },
      schema: { tags, summary: 'List users (agency admins see their own agency)', querystring: ListQuery, response: { 200: Page(UserView) } },
    },
    async (request) => {
      const { q, role, cursor } = request.query;
      const limit = request.query.limit ?? 50;
      const p = request.principal;
      let query = ctx.db.selectFrom('users').select([...USER_COLUMNS]).orderBy('created_at').orderBy('id').limit(limit + 1);
      const scopedAgency = p.kind === 'user' && p.role === 'agency_admin' ? p.agencyId : (p.kind === 'api_key' ? p.agencyId : null);
      if (p.kind === 'user' && p.role === 'agency_admin' && !p.agencyId) throw errors.forbidden();
      if (scopedAgency) query = query.where('agency_id', '=', scopedAgency);
      if (request.query.agencyId) query = query.where('agency_id', '=', request.query.agencyId);
      if (role) query = query.where('role', '=', role);
      if (q) query = query.where('search_text', 'like', likePattern(q));
      const after = decodeCursor(cursor);
      if (after) query = query.where(sql<boolean>`(created_at, id) > (${new Date(String(after[0]))}, ${String(after[1])})`);
      const rows = await query.execute();
      const page = pageOf(rows, limit, (r) => [new Date(r.created_at).toISOString(), r.id]);
      await ctx.audit.recordAlone({
        actor: actorOf(request),
        action: 'user.list',
        targetType: 'user',
        purpose: 'user-administration',
        ip: request.ip,
        requestId: request.id,
        details: { userIds: page.items.map((r) => r.id) },
      });
      return { items: page.items.map(presentUser), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/v1/users',
    {
      config: { access: { roles: ADMINS } },
      schema: { tags, summary: 'Create an account (staff or citizen)', body: CreateBody, response: { 201: UserView, 400: PROBLEM, 403: PROBLEM, 409: PROBLEM } },
    },
    async (request, reply) => {
      const admin = requireUser(request);
      const body = request.body;
      assertMayManage(admin, { role: body.role, agencyId: body.agencyId ?? null });
      const user = await ctx.db.transaction().execute((trx) =>
        createUser(trx, ctx.audit, { ...body, agencyId: body.agencyId ?? null }, actorOf(request)),
      );
      return reply.status(201).send(user);
    },
  );

  app.patch(
    '/api/v1/users/:id',
    {
      config: { access: { roles: ADMINS } },
      schema: { tags, summary: 'Change an account (name, role, agency, status)', params: Type.Object({ id: Uuid }), body: PatchBody, response: { 200: UserView, 403: PROBLEM, 404: PROBLEM } },
    },
    async (request) => {
      const admin = requireUser(request);
      const body = request.body;
      return ctx.db.transaction().execute(async (trx) => {
        const current = await trx.selectFrom('users').select([...USER_COLUMNS]).where('id', '=', request.params.id).forUpdate().executeTakeFirst();
        if (!current) throw errors.notFound('Không tìm thấy tài khoản.', 'No such account.');
        assertMayManage(admin, { role: current.role, agencyId: current.agency_id });
        const next = { role: body.role ?? current.role, agencyId: body.agencyId === undefined ? current.agency_id : body.agencyId };
        assertMayManage(admin, next);
        if (current.id === admin.id && (next.role !== current.role || body.status === 'disabled')) {
          throw errors.badRequest('cannot_change_self', 'Bạn không thể tự đổi vai trò hoặc khóa tài khoản của mình.', 'You cannot change your own role or disable yourself.');
        }
        await assertAgencyFitsRole(trx, next.role, next.agencyId);
        const fullName = body.fullName ?? current.full_name;
        const row = await trx
          .updateTable('users')
          .set({
            full_name: fullName,
            role: next.role,
            agency_id: next.agencyId,
            ...(body.phone !== undefined ? { phone: body.phone } : {}),
            ...(body.status ? { status: body.status } : {}),
            search_text: toSearchText(fullName, current.email),
            updated_at: new Date(),
          })
          .where('id', '=', current.id)
          .returning([...USER_COLUMNS])
          .executeTakeFirstOrThrow();
        if (body.status === 'disabled' || next.role !== current.role) await trx.deleteFrom('sessions').where('user_id', '=', current.id).execute();
        await ctx.audit.record(trx, {
          actor: actorOf(request),
          action: 'user.update',
          targetType: 'user',
          targetId: current.id,
          subjectUserId: current.id,
          ip: request.ip,
          requestId: request.id,
          details: { changed: Object.keys(body) },
        });
        return presentUser(row);
      });
    },
  );
}
