import { sql } from 'kysely';
import type { Static } from 'typebox';
import type { UserPrincipal } from '../../platform/http/access.js';
import type { AppContext } from '../../platform/http/module.js';
import { errors } from '../../platform/http/errors.js';
import { decodeCursor, pageOf } from '../../platform/http/pagination.js';
import { todayInVietnam } from '../../platform/calendar/index.js';
import { feedbackDb } from './tables.js';
import { photoUrlsOf, presentPublic, publicReportQuery } from './views.js';
import { UUID_PATTERN, type QueueCounts, type QueueFilters, type QueueItem } from './schemas.js';

const DUE_SOON_MS = 8 * 3600_000;
const UUID = new RegExp(`^${UUID_PATTERN}$`);

/** Before acceptance the clock that matters is the acceptance deadline; after it, the resolution one. */
const currentDeadline = sql<Date>`(case when r.status = 'new' then r.accept_due_at else coalesce(r.due_at, r.accept_due_at) end)`;
const sortDeadline = sql<Date>`coalesce(r.due_at, r.accept_due_at)`;

/**
 * Whose queue the caller reads: officers and agency admins their own agency's; leaders (read-only)
 * and system admins any agency's, or the whole province (null) when they name none.
 */
export function queueAgency(me: UserPrincipal, agencyId: string | undefined): string | null {
  if (me.role === 'leader' || me.role === 'system_admin') return agencyId ?? null;
  if (!me.agencyId) throw errors.badRequest('agency_required', 'Tài khoản chưa gắn với cơ quan nào.', 'This account is not attached to an agency.');
  if (agencyId && agencyId !== me.agencyId) throw errors.forbidden('Bạn chỉ xem được phản ánh của cơ quan mình.', 'You can only see your own agency\'s reports.');
  return me.agencyId;
}

/** One page of open reports, most urgent first (class priority, then deadline), with the filters asked for. */
export async function queuePage(ctx: AppContext, me: UserPrincipal, filters: QueueFilters): Promise<{ items: Array<Static<typeof QueueItem>>; nextCursor: string | null }> {
  const agencyId = queueAgency(me, filters.agencyId);
  const limit = filters.limit ?? 50;
  const db = feedbackDb(ctx.db);
  const now = new Date();
  let query = publicReportQuery(db)
    .innerJoin('feedback_handling_classes as h', 'h.code', 'r.handling_class')
    .leftJoin('users as s', 's.id', 'r.assigned_to')
    .select(['h.priority', 'r.assigned_to', 's.full_name as assignee_name', sortDeadline.as('sort_due')])
    .where('r.status', '!=', 'closed')
    .orderBy('h.priority')
    .orderBy(sortDeadline)
    .orderBy('r.id')
    .limit(limit + 1);
  if (agencyId) query = query.where('r.agency_id', '=', agencyId);
  if (filters.status) query = query.where('r.status', '=', filters.status);
  if (filters.categoryCode) query = query.where('r.category_code', '=', filters.categoryCode);
  if (filters.communeCode) query = query.where('r.commune_code', '=', filters.communeCode);
  if (filters.overdue === true) query = query.where('r.status', '!=', 'resolved').where(sql<boolean>`${currentDeadline} < ${now}`);
  if (filters.overdue === false) query = query.where(sql<boolean>`(r.status = 'resolved' or ${currentDeadline} >= ${now})`);
  if (filters.assignee === 'me') query = query.where('r.assigned_to', '=', me.id);
  else if (filters.assignee === 'unassigned') query = query.where('r.assigned_to', 'is', null);
  else if (filters.assignee) query = query.where('r.assigned_to', '=', filters.assignee);
  const after = decodeCursor(filters.cursor);
  if (after) {
    const [priority, due, id] = after;
    if (!Number.isInteger(priority) || typeof due !== 'string' || Number.isNaN(Date.parse(due)) || typeof id !== 'string' || !UUID.test(id)) throw invalidCursor();
    query = query.where(sql<boolean>`(h.priority, ${sortDeadline}, r.id) > (${priority}, ${new Date(due)}, ${id}::uuid)`);
  }
  const page = pageOf(await query.execute(), limit, (r) => [r.priority, new Date(r.sort_due).toISOString(), r.id]);
  const photos = await photoUrlsOf(db, page.items.map((r) => r.id));
  const items = page.items.map((r) => {
    const due = new Date(r.status === 'new' ? r.accept_due_at : (r.due_at ?? r.accept_due_at)).getTime();
    return {
      ...presentPublic(r, photos.get(r.id) ?? []),
      priority: r.priority,
      overdue: r.status !== 'resolved' && due < now.getTime(),
      dueSoon: r.status !== 'resolved' && due >= now.getTime() && due - now.getTime() < DUE_SOON_MS,
      acceptDueAt: new Date(r.accept_due_at).toISOString(),
      assignee: r.assigned_to && r.assignee_name ? { id: r.assigned_to, fullName: r.assignee_name } : null,
    };
  });
  return { items, nextCursor: page.nextCursor };
}

const invalidCursor = () => errors.badRequest('invalid_cursor', 'Con trỏ phân trang không hợp lệ.', 'The pagination cursor is not valid.');

/**
 * The desk's figures in one aggregate over the agency's open reports (the queue index): open,
 * due later today (Vietnam time), overdue, not yet assigned, and assigned to the caller.
 */
export async function queueCounts(ctx: AppContext, me: UserPrincipal, agencyIdAsked: string | undefined, now = new Date()): Promise<Static<typeof QueueCounts>> {
  const agencyId = queueAgency(me, agencyIdAsked);
  const endOfToday = new Date(Date.parse(`${todayInVietnam(now)}T00:00:00+07:00`) + 86_400_000);
  const pending = sql<boolean>`r.status <> 'resolved'`;
  const row = await feedbackDb(ctx.db)
    .selectFrom('feedback_reports as r')
    .select([
      sql<string>`count(*)`.as('open'),
      sql<string>`count(*) filter (where ${pending} and ${currentDeadline} >= ${now} and ${currentDeadline} < ${endOfToday})`.as('due_today'),
      sql<string>`count(*) filter (where ${pending} and ${currentDeadline} < ${now})`.as('overdue'),
      sql<string>`count(*) filter (where r.assigned_to is null)`.as('unassigned'),
      sql<string>`count(*) filter (where r.assigned_to = ${me.id})`.as('mine'),
    ])
    .where('r.status', '!=', 'closed')
    .$if(agencyId !== null, (q) => q.where('r.agency_id', '=', agencyId!))
    .executeTakeFirstOrThrow();
  return { open: Number(row.open), dueToday: Number(row.due_today), overdue: Number(row.overdue), unassigned: Number(row.unassigned), mine: Number(row.mine) };
}
