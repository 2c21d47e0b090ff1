import { sql } from 'kysely';
import { Type, type Static } from 'typebox';
import type { UserPrincipal } from '../../../platform/http/access.js';
import { errors } from '../../../platform/http/errors.js';
import { decodeCursor, pageOf } from '../../../platform/http/pagination.js';
import { PageQuery, StrictObject, Uuid } from '../../../platform/http/schema.js';
import { PublicReport } from '../schemas.js';
import type { FeedbackDb } from '../tables.js';
import { photoUrlsOf, presentPublic, publicReportQuery } from '../views.js';
import { currentDeadlineSql, deadlineKindOf, markIsCurrent } from './rule.js';

export const EscalatedQuery = StrictObject({
  ...PageQuery,
  /** System admins choose the supervising agency; without one they see every escalation. */
  agencyId: Type.Optional(Uuid),
});

/** A public view of the report (no reporter contact details) with its escalation. */
export const EscalatedItem = Type.Intersect([
  PublicReport,
  Type.Object({
    deadline: Type.String({ description: 'the current deadline that was missed' }),
    deadlineKind: Type.Union([Type.Literal('accept'), Type.Literal('resolve')]),
    escalatedAt: Type.String(),
    escalatedTo: Type.Object({ id: Type.String(), name: Type.String() }),
  }),
]);

/** Leaders, agency admins and officers see what was escalated to their own agency. */
function supervisingAgencyOf(me: UserPrincipal, requested: string | undefined): string | undefined {
  if (me.role === 'system_admin') return requested;
  if (!me.agencyId) throw errors.forbidden('Tài khoản của bạn không thuộc cơ quan nào.', 'Your account belongs to no agency.');
  if (requested && requested !== me.agencyId) throw errors.forbidden('Bạn chỉ xem được phản ánh chuyển lên cơ quan của mình.', 'You can only see reports escalated to your own agency.');
  return me.agencyId;
}

function cursorKey(cursor: string | undefined): [string, string] | undefined {
  const key = decodeCursor(cursor);
  if (!key) return undefined;
  const [at, id] = key;
  if (key.length !== 2 || typeof at !== 'string' || Number.isNaN(Date.parse(at)) || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw errors.badRequest('invalid_cursor', 'Con trỏ phân trang không hợp lệ.', 'The pagination cursor is not valid.');
  }
  return [at, id];
}

/**
 * Open reports escalated to an agency whose escalation still stands (no new deadline since), the
 * most overdue first: the earliest missed deadline leads.
 */
export async function listEscalated(db: FeedbackDb, me: UserPrincipal, query: Static<typeof EscalatedQuery>) {
  const agencyId = supervisingAgencyOf(me, query.agencyId);
  const limit = query.limit ?? 50;
  const after = cursorKey(query.cursor);
  const rows = await publicReportQuery(db)
    .innerJoin('agencies as sup', 'sup.id', 'r.escalated_to')
    .select(['r.escalated_at', 'r.escalated_to', 'sup.name as escalated_to_name', currentDeadlineSql.as('deadline')])
    .where(sql<boolean>`r.escalated_to is not null and r.status in ('new', 'accepted', 'in_progress')`)
    .$if(agencyId !== undefined, (q) => q.where('r.escalated_to', '=', agencyId!))
    .where(markIsCurrent('escalated'))
    .$if(after !== undefined, (q) => q.where(sql<boolean>`(${currentDeadlineSql}, r.id) > (${new Date(after![0])}, ${after![1]}::uuid)`))
    .orderBy(currentDeadlineSql)
    .orderBy('r.id')
    .limit(limit + 1)
    .execute();
  const page = pageOf(rows, limit, (r) => [new Date(r.deadline!).toISOString(), r.id]);
  const photos = await photoUrlsOf(db, page.items.map((r) => r.id));
  return {
    items: page.items.map((r) => ({
      ...presentPublic(r, photos.get(r.id) ?? []),
      deadline: new Date(r.deadline!).toISOString(),
      deadlineKind: deadlineKindOf(r.status),
      escalatedAt: new Date(r.escalated_at!).toISOString(),
      escalatedTo: { id: r.escalated_to!, name: r.escalated_to_name },
    })),
    nextCursor: page.nextCursor,
  };
}
