import type { AppContext } from '../../../platform/http/module.js';
import type { Principal } from '../../../platform/http/access.js';
import type { FileRow } from '../../../platform/files/file-service.js';
import { feedbackDb } from '../tables.js';
import { handlesReport } from './visibility.js';

export interface ServablePhoto {
  file: FileRow;
  /** Hidden from the public but shown to this reader: must not be kept by shared caches. */
  restricted: boolean;
}

/**
 * A report photo by file id, if this reader may see it. The address is per file and a merge attaches
 * the same file to two reports, so a photo hidden on any of them is hidden everywhere; the handling
 * agency of any of those reports and their reporters still see it.
 */
export async function servablePhoto(ctx: AppContext, principal: Principal, fileId: string): Promise<ServablePhoto | undefined> {
  const rows = await feedbackDb(ctx.db)
    .selectFrom('feedback_report_photos as p')
    .innerJoin('feedback_reports as r', 'r.id', 'p.report_id')
    .select(['p.hidden_reason', 'r.agency_id', 'r.reporter_user_id'])
    .where('p.file_id', '=', fileId)
    .execute();
  if (rows.length === 0) return undefined;
  const restricted = rows.some((r) => r.hidden_reason !== null);
  const privileged = rows.some((r) => handlesReport(principal, r.agency_id) || (principal.kind === 'user' && r.reporter_user_id === principal.id));
  if (restricted && !privileged) return undefined;
  const file = await ctx.db.selectFrom('files').selectAll().where('id', '=', fileId).executeTakeFirst();
  return file ? { file, restricted } : undefined;
}
