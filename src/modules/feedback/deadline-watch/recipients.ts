import type { Role } from '../../../platform/identity/roles.js';
import type { FeedbackTrx } from '../tables.js';

/** Active accounts of an agency with one of the roles. */
export async function staffOf(trx: FeedbackTrx, agencyId: string, roles: readonly Role[]): Promise<string[]> {
  const rows = await trx
    .selectFrom('users')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('role', 'in', [...roles])
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** The assignee while they are still an active member of the handling agency. */
async function activeAssignee(trx: FeedbackTrx, report: { agency_id: string; assigned_to: string | null }): Promise<string | null> {
  if (!report.assigned_to) return null;
  const user = await trx.selectFrom('users').select('id').where('id', '=', report.assigned_to).where('agency_id', '=', report.agency_id).where('status', '=', 'active').executeTakeFirst();
  return user?.id ?? null;
}

/**
 * Who handles the report inside its agency: the assigned officer, or while nobody is assigned the
 * agency's officers and agency admins (any of them may take it).
 */
export async function handlersOf(trx: FeedbackTrx, report: { agency_id: string; assigned_to: string | null }): Promise<string[]> {
  const assignee = await activeAssignee(trx, report);
  return assignee ? [assignee] : staffOf(trx, report.agency_id, ['officer', 'agency_admin']);
}

/** Those who answer for an overdue report: its handlers and, in every case, the agency's admins. */
export async function answerableFor(trx: FeedbackTrx, report: { agency_id: string; assigned_to: string | null }): Promise<string[]> {
  // One after the other: a transaction is one connection.
  const handlers = await handlersOf(trx, report);
  const admins = await staffOf(trx, report.agency_id, ['agency_admin']);
  return [...new Set([...handlers, ...admins])];
}

/** Those who supervise: the leaders and agency admins of the agency a report is escalated to. */
export function supervisorsOf(trx: FeedbackTrx, agencyId: string): Promise<string[]> {
  return staffOf(trx, agencyId, ['leader', 'agency_admin']);
}
