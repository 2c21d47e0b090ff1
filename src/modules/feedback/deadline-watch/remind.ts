import type { AppContext } from '../../../platform/http/module.js';
import { notifyUser } from '../../../platform/notifications/inbox.js';
import { feedbackDb, platformTrx } from '../tables.js';
import { lockIfStillDue, type DeadlineRange } from './candidates.js';
import { reminderText } from './messages.js';
import { handlersOf } from './recipients.js';
import { deadlineKindOf } from './rule.js';

export const SYSTEM_LABEL = 'system';

/**
 * Reminds the handlers of one report that its deadline is near: an in-app notice with e-mail to
 * the assignee (else to the agency's officers and admins), an internal timeline entry and
 * reminded_at, all in one transaction. False when the report no longer needs it (another worker
 * did it, or it changed since it was found).
 */
export async function remindReport(ctx: AppContext, reportId: string, range: DeadlineRange, now: Date): Promise<boolean> {
  return feedbackDb(ctx.db).transaction().execute(async (trx) => {
    const report = await lockIfStillDue(trx, reportId, 'reminder', range);
    if (!report) return false;
    const kind = deadlineKindOf(report.status);
    const recipients = await handlersOf(trx, report);
    await trx.updateTable('feedback_reports').set({ reminded_at: now }).where('id', '=', report.id).execute();
    await trx
      .insertInto('feedback_report_events')
      .values({ report_id: report.id, at: now, kind: 'reminder', public: false, actor_user_id: null, actor_label: SYSTEM_LABEL, agency_id: report.agency_id, data: JSON.stringify({ deadline: report.deadline.toISOString(), deadlineKind: kind, recipients: recipients.length }) })
      .execute();
    const text = reminderText(report.tracking_code, kind, report.deadline);
    for (const userId of recipients) {
      await notifyUser(platformTrx(trx), ctx, { userId, category: 'feedback', ...text, link: `/can-bo/phan-anh/${report.id}`, email: true });
    }
    return true;
  });
}
