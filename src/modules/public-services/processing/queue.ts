import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { UserPrincipal } from '../../../platform/http/access.js';
import { errors } from '../../../platform/http/errors.js';
import type { AppContext } from '../../../platform/http/module.js';
import { decodeCursor, pageOf } from '../../../platform/http/pagination.js';
import { likePattern } from '../../../platform/search/search-text.js';
import type { Database } from '../../../platform/db/tables.js';
import { addWorkingHours } from '../deadlines/index.js';
import { FINISHED, IN_PROGRESS, OPEN_STATUSES, PAYMENT_REQUESTED, RECEIVED, SUBMITTED, SUPPLEMENT_REQUESTED, statusLabel } from '../statuses.js';
import { psDb, type PublicServicesTables } from '../tables.js';
import { WORKING_DAY_HOURS } from './clock.js';
import type { QueueCountsView, QueueFilters, QueueItemView } from './schemas.js';

type Eb = ExpressionBuilder<Database & PublicServicesTables & { d: PublicServicesTables['dossiers'] }, 'd'>;

/** What the desk still has to do something with: open dossiers, and finished ones not yet handed back. */
const DESK_STATUSES: readonly number[] = [...OPEN_STATUSES, FINISHED];
/** Statuses whose clock runs (5 is paused). */
const RUNNING: readonly number[] = [RECEIVED, IN_PROGRESS, PAYMENT_REQUESTED];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whose dossiers the caller reads: officers and agency admins their agency's; leaders and system
 * administrators (read-only) the whole province, or one agency when they name it.
 */
export function queueAgency(me: UserPrincipal, agencyId: string | undefined): string | null {
  if (me.role === 'leader' || me.role === 'system_admin') return agencyId ?? null;
  if (!me.agencyId) throw errors.badRequest('agency_required', 'Tài khoản chưa gắn với cơ quan nào.', 'This account is not attached to an agency.');
  if (agencyId && agencyId !== me.agencyId) throw errors.forbidden('Bạn chỉ xem được hồ sơ của cơ quan mình.', "You can only see your own agency's dossiers.");
  return me.agencyId;
}

/** The moments the colouring compares with: now, and one working day from now. */
export interface DueClock {
  now: Date;
  soon: Date;
}

export async function dueClock(ctx: AppContext, now = new Date()): Promise<DueClock> {
  return { now, soon: await addWorkingHours(ctx.db, now, WORKING_DAY_HOURS) };
}

const paused = sql<boolean>`(d.status = ${SUPPLEMENT_REQUESTED} or d.paused_since is not null)`;
const running = sql<boolean>`(d.status in (${sql.join(RUNNING)}) and d.paused_since is null)`;
const overdueAt = (now: Date) => sql<boolean>`(${running} and (d.due_at < ${now} or d.step_due_at < ${now}))`;
const soonAt = (c: DueClock) => sql<boolean>`(${running} and not ${overdueAt(c.now)} and (d.due_at <= ${c.soon} or d.step_due_at <= ${c.soon}))`;
/** Sort: the earliest deadline first; dossiers without one (not yet received) by when they were filed. */
const sortKey = sql<Date>`coalesce(d.due_at, d.submitted_at, d.created_at)`;

/** The dueState of a row, the same rule as the SQL above (so filters and colours agree). */
export function dueStateOf(row: { status: number; paused_since: Date | null; due_at: Date | null; step_due_at: Date | null }, c: DueClock): QueueItemView['dueState'] {
  if (row.status === SUPPLEMENT_REQUESTED || row.paused_since) return 'paused';
  if (!RUNNING.includes(row.status)) return 'ok';
  const times = [row.due_at, row.step_due_at].filter((t): t is Date => !!t).map((t) => new Date(t).getTime());
  if (times.some((t) => t < c.now.getTime())) return 'overdue';
  if (times.some((t) => t <= c.soon.getTime())) return 'soon';
  return 'ok';
}

/** The rows of one scope, before the filters: each scope leans on one partial index (migrations). */
function scopeWhere(eb: Eb, scope: NonNullable<QueueFilters['scope']>, me: UserPrincipal, agencyId: string | null, status: number | undefined): Expression<SqlBool> {
  const statuses = status !== undefined ? [status] : undefined;
  const inAgency = (column: 'd.handling_agency_id' | 'd.receiving_agency_id') => (agencyId ? eb(column, '=', agencyId) : eb.lit(true));
  switch (scope) {
    case 'mine':
      return eb.and([eb('d.assignee_id', '=', me.id), eb('d.status', 'in', statuses ?? OPEN_STATUSES)]);
    case 'receiving':
      return eb.and([inAgency('d.receiving_agency_id'), eb('d.status', 'in', statuses ?? [SUBMITTED])]);
    case 'transferred':
      return eb.and([inAgency('d.handling_agency_id'), eb('d.status', 'in', statuses ?? [IN_PROGRESS]), eb('d.sub_state', '=', 'transferred')]);
    case 'consulted': {
      const open = eb.selectFrom('dossier_consultations as c').select('c.id').whereRef('c.dossier_id', '=', 'd.id').where('c.answered_at', 'is', null);
      return eb.and([eb.exists(agencyId ? open.where('c.to_agency_id', '=', agencyId) : open), eb('d.status', 'in', statuses ?? OPEN_STATUSES)]);
    }
    case 'agency': {
      const where = eb('d.status', 'in', statuses ?? DESK_STATUSES);
      if (!agencyId) return where;
      return eb.and([where, eb.or([eb('d.handling_agency_id', '=', agencyId), eb('d.receiving_agency_id', '=', agencyId)])]);
    }
  }
}

/** One page of the work queue, the earliest deadline first. */
export async function queuePage(ctx: AppContext, me: UserPrincipal, filters: QueueFilters, now = new Date()): Promise<{ items: QueueItemView[]; nextCursor: string | null }> {
  const agencyId = queueAgency(me, filters.agencyId);
  const limit = filters.limit ?? 50;
  const clock = await dueClock(ctx, now);
  let query = psDb(ctx.db)
    .selectFrom('dossiers as d')
    .innerJoin('procedure_versions as pv', 'pv.id', 'd.procedure_version_id')
    .leftJoin('users as u', 'u.id', 'd.assignee_id')
    .leftJoin('agencies as a', 'a.id', 'd.handling_agency_id')
    .select([
      'd.id',
      'd.code',
      'd.procedure_code',
      'pv.name as procedure_name',
      'd.status',
      'd.sub_state',
      'd.channel',
      'd.received_at',
      'd.due_at',
      'd.step_due_at',
      'd.extended_due_at',
      'd.paused_since',
      'd.assignee_id',
      'u.full_name as assignee_name',
      'a.id as agency_id',
      'a.code as agency_code',
      'a.name as agency_name',
      sql<string>`coalesce(d.applicant->>'name', '')`.as('applicant_name'),
      sortKey.as('sort_key'),
    ])
    .where((eb) => scopeWhere(eb, filters.scope ?? 'agency', me, agencyId, filters.status))
    .orderBy(sortKey)
    .orderBy('d.id')
    .limit(limit + 1);
  if (filters.procedureCode) query = query.where('d.procedure_code', '=', filters.procedureCode);
  if (filters.due === 'overdue') query = query.where(overdueAt(clock.now));
  if (filters.due === 'soon') query = query.where(soonAt(clock));
  if (filters.due === 'ok') query = query.where(sql<boolean>`not ${paused} and not coalesce(${overdueAt(clock.now)}, false) and not coalesce(${soonAt(clock)}, false)`);
  // The dossier's own folded text (code, procedure code and name, applicant, business; filled by a
  // trigger, trigram-indexed), so "nguyen van a" finds "Nguyễn Văn A" typed in any Unicode form.
  if (filters.q?.trim()) query = query.where(sql<boolean>`d.search_text like ${likePattern(filters.q)}`);
  const after = decodeCursor(filters.cursor);
  if (after) {
    const [key, id] = after;
    if (typeof key !== 'string' || Number.isNaN(Date.parse(key)) || typeof id !== 'string' || !UUID.test(id)) throw invalidCursor();
    query = query.where(sql<boolean>`(${sortKey}, d.id) > (${new Date(key)}, ${id}::uuid)`);
  }
  const page = pageOf(await query.execute(), limit, (r) => [new Date(r.sort_key).toISOString(), r.id]);
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r) => ({
      id: r.id,
      code: r.code,
      procedureCode: r.procedure_code,
      procedureName: r.procedure_name,
      status: r.status,
      statusLabel: statusLabel(r.status),
      subState: r.sub_state,
      channel: r.channel,
      receivedAt: iso(r.received_at),
      dueAt: iso(r.due_at),
      stepDueAt: iso(r.step_due_at),
      extendedDueAt: iso(r.extended_due_at),
      dueState: dueStateOf(r, clock),
      handlingAgency: r.agency_id ? { id: r.agency_id, code: r.agency_code!, name: r.agency_name! } : null,
      assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? '' } : null,
      applicantName: r.applicant_name,
    })),
  };
}

const invalidCursor = () => errors.badRequest('invalid_cursor', 'Con trỏ phân trang không hợp lệ.', 'The pagination cursor is not valid.');

/**
 * The desk's figures for the same agency as the queue: waiting for receipt, open, mine, due within a
 * working day, overdue, paused; and questions other agencies asked mine, unanswered and past due.
 */
export async function queueCounts(ctx: AppContext, me: UserPrincipal, agencyIdAsked: string | undefined, now = new Date()): Promise<QueueCountsView> {
  const agencyId = queueAgency(me, agencyIdAsked);
  const clock = await dueClock(ctx, now);
  const db = psDb(ctx.db);
  const ours = agencyId ? sql<boolean>`(d.handling_agency_id = ${agencyId} or d.receiving_agency_id = ${agencyId})` : sql<boolean>`true`;
  const open = sql<boolean>`(d.status in (${sql.join(OPEN_STATUSES)}) and ${ours})`;
  const row = await db
    .selectFrom('dossiers as d')
    .select([
      sql<string>`count(*) filter (where d.status = ${SUBMITTED} and ${agencyId ? sql`d.receiving_agency_id = ${agencyId}` : sql`true`})`.as('receiving'),
      sql<string>`count(*) filter (where ${open})`.as('open'),
      sql<string>`count(*) filter (where ${open} and d.assignee_id = ${me.id})`.as('mine'),
      sql<string>`count(*) filter (where ${open} and ${soonAt(clock)})`.as('due_soon'),
      sql<string>`count(*) filter (where ${open} and ${overdueAt(clock.now)})`.as('overdue'),
      sql<string>`count(*) filter (where ${open} and ${paused})`.as('paused'),
    ])
    .where('d.status', 'in', [SUBMITTED, ...OPEN_STATUSES])
    // Every figure is about the agency's own rows: saying so up front lets the desk indexes pick them.
    .$if(agencyId !== null, (q) => q.where(ours))
    .executeTakeFirstOrThrow();
  const consult = await db
    .selectFrom('dossier_consultations as c')
    .innerJoin('dossiers as d', 'd.id', 'c.dossier_id')
    .select([sql<string>`count(*)`.as('open'), sql<string>`count(*) filter (where c.due_at < ${now})`.as('overdue')])
    .where('c.answered_at', 'is', null)
    .where('d.status', 'in', OPEN_STATUSES)
    .$if(agencyId !== null, (q) => q.where('c.to_agency_id', '=', agencyId!))
    .executeTakeFirstOrThrow();
  return {
    receiving: Number(row.receiving),
    open: Number(row.open),
    mine: Number(row.mine),
    dueSoon: Number(row.due_soon),
    overdue: Number(row.overdue),
    paused: Number(row.paused),
    consultations: Number(consult.open),
    consultationsOverdue: Number(consult.overdue),
  };
}
