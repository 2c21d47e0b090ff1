import type { FastifyRequest } from 'fastify';
import type { Selectable } from 'kysely';
import type { AppContext } from '../../../platform/http/module.js';
import { actorOf, requireUser, type UserPrincipal } from '../../../platform/http/access.js';
import { errors } from '../../../platform/http/errors.js';
import { feedbackDb, platformTrx, type FeedbackTrx, type ResponseTemplateTable } from '../tables.js';
import { checkPlaceholders } from './placeholders.js';
import type { NewTemplate, TemplateListFilters, TemplatePatch, TemplateViewT } from './schemas.js';

type Row = Selectable<ResponseTemplateTable>;

export function presentTemplate(row: Row): TemplateViewT {
  return { id: row.id, agencyId: row.agency_id, action: row.action, title: row.title, body: row.body, active: row.active, updatedAt: new Date(row.updated_at).toISOString() };
}

/**
 * The templates a caller may use: their agency's and the province-wide ones. System admins read any
 * agency's (or all of them when they name none). Switched-off ones only for managers who ask.
 */
export async function listTemplates(ctx: AppContext, me: UserPrincipal, filters: TemplateListFilters): Promise<TemplateViewT[]> {
  const agencyId = me.role === 'system_admin' ? filters.agencyId : me.agencyId;
  if (me.role !== 'system_admin' && filters.agencyId && filters.agencyId !== me.agencyId) {
    throw errors.forbidden('Bạn chỉ xem được mẫu của cơ quan mình.', 'You can only see your own agency\'s templates.');
  }
  const manager = me.role === 'agency_admin' || me.role === 'system_admin';
  const everything = me.role === 'system_admin' && !filters.agencyId;
  const rows = await feedbackDb(ctx.db)
    .selectFrom('feedback_response_templates')
    .selectAll()
    .$if(!everything, (q) => q.where((eb) => (agencyId ? eb.or([eb('agency_id', 'is', null), eb('agency_id', '=', agencyId)]) : eb('agency_id', 'is', null))))
    .$if(!!filters.action, (q) => q.where('action', '=', filters.action!))
    .$if(!(manager && filters.includeInactive), (q) => q.where('active', '=', true))
    // The agency's own first, then the province's, each by title.
    .orderBy((eb) => eb('agency_id', 'is', null))
    .orderBy('action')
    .orderBy('title')
    .limit(500)
    .execute();
  return rows.map(presentTemplate);
}

/** Agency admins keep their own agency's templates; province-wide ones (agency null) are the system admin's. */
function assertMayManage(me: UserPrincipal, agencyId: string | null): void {
  if (me.role === 'system_admin') return;
  if (me.role === 'agency_admin' && agencyId !== null && agencyId === me.agencyId) return;
  throw errors.forbidden('Quản trị đơn vị chỉ quản lý mẫu trả lời của cơ quan mình.', 'An agency admin can only manage their own agency\'s templates.');
}

async function audit(ctx: AppContext, trx: FeedbackTrx, request: FastifyRequest, action: string, row: Row, details: Record<string, unknown> = {}) {
  await ctx.audit.record(platformTrx(trx), { actor: actorOf(request), action: `feedback.template.${action}`, targetType: 'feedback_template', targetId: row.id, ip: request.ip, requestId: String(request.id), details: { agencyId: row.agency_id, action: row.action, title: row.title, ...details } });
}

export async function createTemplate(ctx: AppContext, request: FastifyRequest, input: NewTemplate): Promise<TemplateViewT> {
  const me = requireUser(request);
  const agencyId = input.agencyId === undefined ? me.agencyId : input.agencyId;
  assertMayManage(me, agencyId);
  checkPlaceholders(input.body);
  return feedbackDb(ctx.db).transaction().execute(async (trx) => {
    if (agencyId && !(await trx.selectFrom('agencies').select('id').where('id', '=', agencyId).executeTakeFirst())) {
      throw errors.badRequest('agency_not_found', 'Không tìm thấy cơ quan.', 'No such agency.', [{ field: 'body.agencyId', message: { vi: 'Cơ quan không tồn tại.', en: 'No such agency.' } }]);
    }
    const row = await trx
      .insertInto('feedback_response_templates')
      .values({ agency_id: agencyId, action: input.action, title: input.title.trim(), body: input.body.trim(), created_by: me.id })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(ctx, trx, request, 'create', row);
    return presentTemplate(row);
  });
}

async function lockTemplate(trx: FeedbackTrx, id: string): Promise<Row> {
  const row = await trx.selectFrom('feedback_response_templates').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw errors.notFound('Không tìm thấy mẫu trả lời.', 'No such template.');
  return row;
}

export async function updateTemplate(ctx: AppContext, request: FastifyRequest, id: string, patch: TemplatePatch): Promise<TemplateViewT> {
  const me = requireUser(request);
  if (patch.body !== undefined) checkPlaceholders(patch.body);
  return feedbackDb(ctx.db).transaction().execute(async (trx) => {
    const before = await lockTemplate(trx, id);
    assertMayManage(me, before.agency_id);
    const row = await trx
      .updateTable('feedback_response_templates')
      .set({ ...patch, ...(patch.title ? { title: patch.title.trim() } : {}), ...(patch.body ? { body: patch.body.trim() } : {}), updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(ctx, trx, request, 'update', row, { changed: Object.keys(patch) });
    return presentTemplate(row);
  });
}

export async function deleteTemplate(ctx: AppContext, request: FastifyRequest, id: string): Promise<void> {
  const me = requireUser(request);
  await feedbackDb(ctx.db).transaction().execute(async (trx) => {
    const row = await lockTemplate(trx, id);
    assertMayManage(me, row.agency_id);
    await trx.deleteFrom('feedback_response_templates').where('id', '=', id).execute();
    await audit(ctx, trx, request, 'delete', row);
  });
}
