import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../http/module.js';
import { actorOf, requireUser, type UserPrincipal } from '../http/access.js';
import { errors } from '../http/errors.js';
import { decodeCursor, pageOf } from '../http/pagination.js';
import { presentUser, USER_COLUMNS, type UserView } from '../identity/schemas.js';
import type { Role } from '../identity/roles.js';

/** Why staff lists are read, recorded with every read (the audit's `purpose`). */
export const STAFF_PURPOSE = 'staff-admin';

/** A system admin sees every agency's staff; an agency admin or a leader only their own agency's. */
function assertMayReadStaff(user: UserPrincipal, agencyId: string): void {
  if (user.role === 'system_admin') return;
  if ((user.role === 'agency_admin' || user.role === 'leader') && user.agencyId === agencyId) return;
  throw errors.forbidden('Bạn chỉ xem được cán bộ của cơ quan mình.', 'You can only see the staff of your own agency.');
}

/**
 * One page of an agency's staff (users whose `agency_id` is the agency), by email. Names, emails
 * and phones are personal data: each person listed gets an audit row naming them as the subject,
 * so they can later see who looked them up and why — all in one transaction.
 */
export async function listStaff(ctx: AppContext, request: FastifyRequest, agencyId: string, limit: number, cursor: string | undefined) {
  const user = requireUser(request);
  assertMayReadStaff(user, agencyId);
  const agency = await ctx.db.selectFrom('agencies').select('id').where('id', '=', agencyId).executeTakeFirst();
  if (!agency) throw errors.notFound('Không tìm thấy cơ quan.', 'No such agency.');
  let query = ctx.db.selectFrom('users').select([...USER_COLUMNS]).where('agency_id', '=', agencyId).orderBy('email').limit(limit + 1);
  const after = decodeCursor(cursor)?.[0];
  if (after !== undefined) query = query.where('email', '>', String(after));
  const page = pageOf(await query.execute(), limit, (r) => [r.email]);
  if (page.items.length > 0) {
    await ctx.db.transaction().execute(async (trx) => {
      for (const person of page.items) {
        await ctx.audit.record(trx, {
          actor: actorOf(request),
          action: 'agency.staff.read',
          targetType: 'agency',
          targetId: agencyId,
          subjectUserId: person.id,
          purpose: STAFF_PURPOSE,
          ip: request.ip,
          requestId: request.id,
          details: { userIds: page.items.map((p) => p.id) },
        });
      }
    });
  }
  return { items: page.items.map(presentUser), nextCursor: page.nextCursor };
}

/**
 * Rules for who may put whom on an agency's staff:
 * - a system admin: anyone but themselves, as officer or agency admin;
 * - that agency's own agency admin: only as officer, and only a citizen account or an officer who
 *   has no agency or is already theirs — never another agency's staff, an admin or a leader.
 */
function assertMayAssign(caller: UserPrincipal, agencyId: string, role: Role, target: { role: Role; agency_id: string | null }): void {
  if (caller.role === 'system_admin') return;
  const ownAgencyAdmin = caller.role === 'agency_admin' && caller.agencyId === agencyId;
  const targetIsFree = (target.role === 'citizen' || target.role === 'officer') && (target.agency_id === null || target.agency_id === agencyId);
  if (ownAgencyAdmin && role === 'officer' && targetIsFree) return;
  throw errors.forbidden(
    'Quản trị đơn vị chỉ gán được cán bộ cho chính cơ quan mình.',
    'An agency administrator can only assign officers to their own agency.',
  );
}

export async function assignStaff(ctx: AppContext, request: FastifyRequest, agencyId: string, userId: string, role: 'officer' | 'agency_admin'): Promise<UserView> {
  const caller = requireUser(request);
  if (caller.role !== 'system_admin' && !(caller.role === 'agency_admin' && caller.agencyId === agencyId)) throw errors.forbidden();
  if (caller.id === userId) {
    throw errors.badRequest('cannot_reassign_self', 'Bạn không thể tự thay đổi vai trò của mình.', 'You cannot change your own role or agency.');
  }
  return ctx.db.transaction().execute(async (trx) => {
    const agency = await trx.selectFrom('agencies').select('id').where('id', '=', agencyId).executeTakeFirst();
    if (!agency) throw errors.notFound('Không tìm thấy cơ quan.', 'No such agency.');
    const target = await trx.selectFrom('users').select(['id', 'role', 'agency_id']).where('id', '=', userId).forUpdate().executeTakeFirst();
    if (!target) throw errors.notFound('Không tìm thấy người dùng.', 'No such user.');
    assertMayAssign(caller, agencyId, role, target);
    const row = await trx
      .updateTable('users')
      .set({ role, agency_id: agencyId, updated_at: new Date() })
      .where('id', '=', userId)
      .returning([...USER_COLUMNS])
      .executeTakeFirstOrThrow();
    await ctx.audit.record(trx, {
      actor: actorOf(request),
      action: 'agency.staff.assign',
      targetType: 'agency',
      targetId: agencyId,
      subjectUserId: userId,
      purpose: STAFF_PURPOSE,
      ip: request.ip,
      requestId: request.id,
      details: { role, previousRole: target.role, previousAgencyId: target.agency_id },
    });
    return presentUser(row);
  });
}
