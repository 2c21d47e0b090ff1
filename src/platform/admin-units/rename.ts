import type { AppContext } from '../http/module.js';
import type { AuditEntry } from '../audit/audit-trail.js';
import { toSearchText } from '../search/search-text.js';

/**
 * Renames a unit (the only edit the API allows: codes, the tree and outlines come from the
 * official import). Returns false when there is no such unit. A forced re-import restores the
 * official name.
 */
export async function renameAdminUnit(
  ctx: Pick<AppContext, 'db' | 'audit'>,
  code: string,
  name: string,
  meta: Pick<AuditEntry, 'actor' | 'ip' | 'requestId'>,
): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('admin_units').select('name').where('code', '=', code).forUpdate().executeTakeFirst();
    if (!before) return false;
    if (before.name === name) return true;
    await trx.updateTable('admin_units').set({ name, search_text: toSearchText(name), updated_at: new Date() }).where('code', '=', code).execute();
    await ctx.audit.record(trx, { ...meta, action: 'admin-unit.rename', targetType: 'admin_unit', targetId: code, details: { from: before.name, to: name } });
    return true;
  });
}
