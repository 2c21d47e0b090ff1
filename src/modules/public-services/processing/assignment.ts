import { AppError, errors } from '../../../platform/http/errors.js';
import type { AppContext } from '../../../platform/http/module.js';
import { applyTransition, type DossierRow } from '../dossiers/transition.js';
import { IN_PROGRESS, SUB_STATES, type SubState } from '../statuses.js';
import { platformTrx, type PsTrx } from '../tables.js';
import { runCommand, workingStatus, type Caller } from './command.js';
import { isHeadOfUnit } from './policy.js';
import { dossierTitle, notifyStaffMember } from './notify-staff.js';

export interface AssignOptions {
  /** Required when the dossier already has someone else as assignee (phân công lại). */
  reason?: string | undefined;
  /** Set by the bulk route, kept on the trail row. */
  bulk?: boolean;
}

/**
 * Assigns a handler (phân công). The head of unit (agency admin) assigns anyone of the handling
 * agency's staff; an officer only takes an unassigned dossier for themselves. Taking a dossier from
 * someone (reassignment) is the head of unit's alone and needs a reason, which the trail, the audit
 * log and both people's notices carry. The new assignee is told, and so is the previous one.
 */
export async function assignDossier(ctx: AppContext, caller: Caller, id: string, userId: string, at = new Date(), input: AssignOptions = {}): Promise<DossierRow> {
  return runCommand(ctx, caller, id, 'assign', at, async ({ trx, dossier }) => {
    const p = caller.principal;
    if (p.kind !== 'user') throw errors.forbidden();
    if (p.role === 'officer' && userId !== p.id) throw errors.forbidden('Cán bộ chỉ tự nhận hồ sơ cho mình; phân công người khác do lãnh đạo đơn vị thực hiện.', 'Officers can only take a dossier themselves; the head of unit assigns others.');
    if (dossier.assignee_id === userId) throw errors.conflict('already_assigned', 'Hồ sơ đã được phân công cho người này.', 'The dossier is already assigned to this person.');
    const previous = dossier.assignee_id;
    if (previous && !isHeadOfUnit(p, dossier)) throw errors.forbidden('Chỉ lãnh đạo đơn vị được phân công lại hồ sơ đã có người giải quyết.', 'Only the head of unit may reassign a dossier that already has a handler.');
    const agencyId = dossier.handling_agency_id ?? dossier.receiving_agency_id;
    const target = await trx.selectFrom('users').select(['id', 'full_name']).where('id', '=', userId).where('agency_id', '=', agencyId).where('role', 'in', ['officer', 'agency_admin']).where('status', '=', 'active').executeTakeFirst();
    if (!target) throw errors.badRequest('invalid_assignee', 'Người được phân công phải là cán bộ của cơ quan đang giải quyết hồ sơ.', 'The assignee must be on the staff of the handling agency.');
    const reason = input.reason?.trim() || null;
    if (previous && (!reason || reason.length < MIN_REASON)) throw reasonRequired();
    const to = workingStatus(dossier);
    const fresh = dossier.sub_state === null || dossier.sub_state === 'transferred';
    const after = await applyTransition(trx, ctx, dossier, caller.actor, {
      action: 'assign',
      to,
      subState: to === IN_PROGRESS && fresh ? 'assigned' : dossier.sub_state,
      changes: { assignee_id: userId },
      comment: reason,
      data: { assigneeId: userId, previousAssigneeId: previous, ...(previous ? { reassigned: true } : {}), ...(input.bulk ? { bulk: true } : {}) },
      at,
    });
    if (previous) await recordReassignment(trx, ctx, caller, after, previous, reason!);
    if (userId !== p.id) {
      await notifyStaffMember(trx, ctx, userId, after, dossierTitle(after, 'được phân công cho bạn', 'assigned to you'), {
        vi: previous ? `Bạn được phân công giải quyết hồ sơ này (phân công lại, lý do: ${reason}).` : 'Bạn được phân công giải quyết hồ sơ này.',
        en: previous ? `You have been assigned to handle this dossier (reassigned, reason: ${reason}).` : 'You have been assigned to handle this dossier.',
      });
    }
    if (previous && previous !== p.id) {
      await notifyStaffMember(trx, ctx, previous, after, dossierTitle(after, 'đã được phân công lại', 'reassigned'), {
        vi: `Hồ sơ này đã được chuyển cho ${target.full_name} giải quyết. Lý do: ${reason}`,
        en: `This dossier was reassigned to ${target.full_name}. Reason: ${reason}`,
      });
    }
    return after;
  });
}

const MIN_REASON = 3;

function reasonRequired(): AppError {
  return new AppError(400, 'reassign_reason_required', {
    vi: 'Hồ sơ đã có người giải quyết: phân công lại cần ghi lý do (ít nhất 3 ký tự).',
    en: 'The dossier already has a handler: reassigning it needs a reason (at least 3 characters).',
  });
}

/** The audit log keeps who took the dossier from whom and why, beside the trail's `assign` row. */
async function recordReassignment(trx: PsTrx, ctx: AppContext, caller: Caller, after: DossierRow, previous: string, reason: string): Promise<void> {
  await ctx.audit.record(platformTrx(trx), {
    actor: caller.actor,
    action: 'dossier.reassign',
    targetType: 'dossier',
    targetId: after.id,
    subjectUserId: after.applicant_user_id,
    details: { code: after.code, previousAssigneeId: previous, assigneeId: after.assignee_id, reason },
  });
}

/**
 * Moves the dossier along the internal steps (thẩm định, trình ký, đã ký). An officer acting on an
 * unassigned dossier takes it by doing so. A dossier transferred here is accepted by this too.
 */
export async function advanceDossier(ctx: AppContext, caller: Caller, id: string, input: { subState: SubState; comment?: string | undefined }, at = new Date()): Promise<DossierRow> {
  return runCommand(ctx, caller, id, 'advance', at, async ({ trx, dossier }) => {
    if (dossier.sub_state === input.subState) {
      throw errors.conflict('sub_state_unchanged', `Hồ sơ đã ở bước "${SUB_STATES[input.subState].vi}".`, `The dossier is already "${SUB_STATES[input.subState].en}".`);
    }
    const p = caller.principal;
    const takes = dossier.assignee_id === null && p.kind === 'user' && p.role === 'officer';
    return applyTransition(trx, ctx, dossier, caller.actor, {
      action: 'advance',
      to: workingStatus(dossier),
      subState: input.subState,
      ...(takes ? { changes: { assignee_id: p.id } } : {}),
      comment: input.comment ?? null,
      data: { from: dossier.sub_state, ...(dossier.sub_state === 'transferred' ? { acceptedTransfer: true } : {}) },
      at,
    });
  });
}

/** The agency a dossier was transferred to confirms it has it (tiếp nhận liên thông): the handover time on the control sheet. */
export async function acceptTransfer(ctx: AppContext, caller: Caller, id: string, comment: string | undefined, at = new Date()): Promise<DossierRow> {
  return runCommand(ctx, caller, id, 'accept_transfer', at, async ({ trx, dossier }) =>
    applyTransition(trx, ctx, dossier, caller.actor, {
      action: 'accept_transfer',
      to: IN_PROGRESS,
      subState: dossier.assignee_id ? 'assigned' : null,
      comment: comment ?? null,
      data: { acceptedTransfer: true },
      notify: false,
      at,
    }),
  );
}
