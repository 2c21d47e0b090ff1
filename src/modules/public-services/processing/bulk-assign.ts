import { AppError, errors } from '../../../platform/http/errors.js';
import type { AppContext } from '../../../platform/http/module.js';
import { psDb } from '../tables.js';
import { assignDossier } from './assignment.js';
import type { Caller } from './command.js';
import type { BulkAssignInput, BulkAssignItemView, BulkAssignResultView } from './schemas.js';

/**
 * Bulk assignment (phân công hàng loạt): the same command as a single assignment, once per dossier,
 * each in its own transaction with its own trail row. One dossier that is forbidden, moved on or
 * changed meanwhile answers its own error and does not undo the others (see README).
 */
export async function bulkAssign(ctx: AppContext, caller: Caller, input: BulkAssignInput, at = new Date()): Promise<BulkAssignResultView> {
  await checkAssignee(ctx, caller, input.assigneeId);
  const results: BulkAssignItemView[] = [];
  for (const id of input.dossierIds) results.push(await assignOne(ctx, caller, id, input, at));
  const assigned = results.filter((r) => r.ok).length;
  return { results, assigned, failed: results.length - assigned };
}

async function assignOne(ctx: AppContext, caller: Caller, id: string, input: BulkAssignInput, at: Date): Promise<BulkAssignItemView> {
  try {
    const after = await assignDossier(ctx, caller, id, input.assigneeId, at, { reason: input.reason, bulk: true });
    return { id, ok: true, assigneeId: after.assignee_id! };
  } catch (error) {
    if (error instanceof AppError) return { id, ok: false, error: { status: error.status, code: error.code, message: error.messages } };
    // The dossiers before this one are committed: report the failure on this row rather than lose them.
    ctx.log.error({ err: error, dossierId: id }, 'bulk assignment could not assign a dossier');
    return { id, ok: false, error: { status: 500, code: 'internal_error', message: { vi: 'Lỗi hệ thống khi phân công hồ sơ này.', en: 'A system error occurred while assigning this dossier.' } } };
  }
}

/**
 * Refuses the whole request when no dossier could be assigned anyway: officers take dossiers only for
 * themselves, and the assignee must be active staff of the caller's agency.
 */
async function checkAssignee(ctx: AppContext, caller: Caller, assigneeId: string): Promise<void> {
  const p = caller.principal;
  if (p.kind !== 'user' || !p.agencyId) throw errors.forbidden();
  if (p.role === 'officer' && assigneeId !== p.id) throw errors.forbidden('Cán bộ chỉ tự nhận hồ sơ cho mình; phân công người khác do lãnh đạo đơn vị thực hiện.', 'Officers can only take dossiers themselves; the head of unit assigns others.');
  const target = await psDb(ctx.db)
    .selectFrom('users')
    .select('id')
    .where('id', '=', assigneeId)
    .where('agency_id', '=', p.agencyId)
    .where('role', 'in', ['officer', 'agency_admin'])
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (!target) throw errors.badRequest('invalid_assignee', 'Người được phân công phải là cán bộ đang làm việc của cơ quan bạn.', 'The assignee must be active staff of your agency.');
}
