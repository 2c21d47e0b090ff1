import type { AppContext } from '../../../platform/http/module.js';
import { notifyUser } from '../../../platform/notifications/inbox.js';
import { feedbackDb, platformTrx, type FeedbackTrx } from '../tables.js';
import { lockIfStillDue, type DeadlineRange } from './candidates.js';
import { escalationText } from './messages.js';
import { answerableFor, supervisorsOf } from './recipients.js';
import { deadlineKindOf } from './rule.js';
import { SYSTEM_LABEL } from './remind.js';

/** The audit trail's actor for what this job does on its own. */
export const SYSTEM_ACTOR = { userId: null, label: 'system:deadline-watch' };

interface AgencyRef {
  id: string;
  name: string;
}

/**
 * The supervising agency (cơ quan cấp trên): the handling agency's parent; for an agency at the
 * top, the provincial People's Committee; for the committee itself (nobody above it), its own
 * leadership.
 */
export async function supervisingAgency(trx: FeedbackTrx, agencyId: string): Promise<{ from: AgencyRef; to: AgencyRef }> {
  const from = await trx.selectFrom('agencies').select(['id', 'name', 'parent_id']).where('id', '=', agencyId).executeTakeFirstOrThrow();
  if (from.parent_id) {
    const parent = await trx.selectFrom('agencies').select(['id', 'name']).where('id', '=', from.parent_id).executeTakeFirstOrThrow();
    return { from, to: parent };
  }
  const committee = await trx.selectFrom('agencies').select(['id', 'name']).where('kind', '=', 'provincial_committee').orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
  return { from, to: committee ?? from };
}

/**
 * Escalates one overdue report to the supervising agency in one transaction: escalated_at and
 * escalated_to, a public timeline entry (agency names and the deadline only, nothing about the
 * reporter), notices to the supervisors and to the handling agency, and an audit record with the
 * system as actor. False when the report no longer needs it.
 */
export async function escalateReport(ctx: AppContext, reportId: string, range: DeadlineRange, now: Date): Promise<boolean> {
  return feedbackDb(ctx.db).transaction().execute(async (trx) => {
    const report = await lockIfStillDue(trx, reportId, 'escalated', range);
    if (!report) return false;
    const kind = deadlineKindOf(report.status);
    const { from, to } = await supervisingAgency(trx, report.agency_id);
    await trx.updateTable('feedback_reports').set({ escalated_at: now, escalated_to: to.id, updated_at: now }).where('id', '=', report.id).execute();
    const data = { fromAgencyId: from.id, fromAgencyName: from.name, toAgencyId: to.id, toAgencyName: to.name, deadline: report.deadline.toISOString(), deadlineKind: kind };
    await trx.insertInto('feedback_report_events').values({ report_id: report.id, at: now, kind: 'escalated', public: true, actor_user_id: null, actor_label: SYSTEM_LABEL, agency_id: report.agency_id, data: JSON.stringify(data) }).execute();
    const text = escalationText(report.tracking_code, kind, report.deadline, from.name, to.name);
    const recipients = new Set([...(await supervisorsOf(trx, to.id)), ...(await answerableFor(trx, report))]);
    for (const userId of recipients) {
      await notifyUser(platformTrx(trx), ctx, { userId, category: 'feedback', ...text, link: `/can-bo/phan-anh/${report.id}`, email: true });
    }
    await ctx.audit.record(platformTrx(trx), {
      actor: SYSTEM_ACTOR,
      action: 'feedback.report.escalate',
      targetType: 'feedback_report',
      targetId: report.id,
      details: { trackingCode: report.tracking_code, ...data, notified: recipients.size },
    });
    return true;
  });
}
