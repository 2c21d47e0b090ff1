import type { Static } from 'typebox';
import type { UserPrincipal } from '../../platform/http/access.js';
import type { AppContext } from '../../platform/http/module.js';
import { errors } from '../../platform/http/errors.js';
import { feedbackDb } from './tables.js';
import type { Handling } from './schemas.js';

/**
 * Who handles a report inside its agency, for the desk. Internal: the handling agency's staff,
 * leaders (read-only, any agency) and system admins see it; nobody else.
 */
export async function reportHandling(ctx: AppContext, me: UserPrincipal, reportId: string): Promise<Static<typeof Handling>> {
  const row = await feedbackDb(ctx.db)
    .selectFrom('feedback_reports as r')
    .leftJoin('users as s', 's.id', 'r.assigned_to')
    .select(['r.agency_id', 'r.assigned_to', 'r.assigned_at', 's.full_name'])
    .where('r.id', '=', reportId)
    .executeTakeFirst();
  if (!row) throw errors.notFound('Không tìm thấy phản ánh.', 'No such report.');
  const ownAgency = (me.role === 'officer' || me.role === 'agency_admin') && me.agencyId === row.agency_id;
  if (!ownAgency && me.role !== 'leader' && me.role !== 'system_admin') {
    throw errors.forbidden('Phản ánh này không thuộc cơ quan của bạn.', 'This report is not with your agency.');
  }
  return {
    assignee: row.assigned_to && row.full_name ? { id: row.assigned_to, fullName: row.full_name } : null,
    assignedAt: row.assigned_at ? new Date(row.assigned_at).toISOString() : null,
    canAct: ownAgency || me.role === 'system_admin',
    canAssignOthers: me.role === 'system_admin' || (ownAgency && me.role === 'agency_admin'),
  };
}
