import { sql } from 'kysely';
import type { Role } from '../../../platform/identity/roles.js';
import type { AppContext } from '../../../platform/http/module.js';
import { notifyUser } from '../../../platform/notifications/inbox.js';
import { IN_PROGRESS, PAYMENT_REQUESTED, RECEIVED } from '../statuses.js';
import { deadlineDb, platformOf, type DeadlineDb, type DeadlineTrx, type WatchKind } from './tables.js';
import { escalationText, reminderText, stepOverdueText, stepReminderText, type WatchedDossier } from './watch-messages.js';

/**
 * Statuses whose clock runs. A dossier waiting for the applicant's supplement (5) is left out: its
 * clock is stopped and its due date moves when the supplement arrives.
 */
export const WATCHED_STATUSES = [RECEIVED, IN_PROGRESS, PAYMENT_REQUESTED] as const;

export const WATCH_ACTOR = { userId: null, label: 'system:deadline-watch', agencyId: null };

/** Due dates a pass looks at: [from, until) (from open when absent). */
export interface DueRange {
  from?: Date;
  until: Date;
}

type Db = DeadlineDb | DeadlineTrx;

/** The due time each kind watches: the dossier's legal due date, or its current step's (liên thông). */
const WATCHED_COLUMN = { reminder: 'd.due_at', escalation: 'd.due_at', step_reminder: 'd.step_due_at', step_overdue: 'd.step_due_at' } as const;

export const isStepKind = (kind: WatchKind): boolean => kind === 'step_reminder' || kind === 'step_overdue';
/** Kinds that go to the head of unit rather than to the handlers. */
const isEscalation = (kind: WatchKind): boolean => kind === 'escalation' || kind === 'step_overdue';

function dueQuery(db: Db, kind: WatchKind, range: DueRange) {
  const column = WATCHED_COLUMN[kind];
  return (db as DeadlineDb)
    .selectFrom('dossiers as d')
    .where('d.status', 'in', [...WATCHED_STATUSES])
    .where(column, 'is not', null)
    .where(column, '<', range.until)
    .$if(range.from !== undefined, (q) => q.where(column, '>=', range.from!))
    // A step due at or after the dossier's own due date is covered by the dossier's reminder and escalation.
    .$if(isStepKind(kind), (q) => q.where((eb) => eb.or([eb('d.due_at', 'is', null), eb('d.step_due_at', '<', eb.ref('d.due_at'))])))
    // A step past due is news to the head of unit only while the dossier itself is not late yet
    // (`until` is now for this kind); once it is, the dossier's escalation says it.
    .$if(kind === 'step_overdue', (q) => q.where((eb) => eb.or([eb('d.due_at', 'is', null), eb('d.due_at', '>=', range.until)])))
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('dossier_deadline_marks as m').select(sql.lit(1).as('one')).whereRef('m.dossier_id', '=', 'd.id').where('m.kind', '=', kind).whereRef('m.due_at', '=', column))),
    );
}

/** Up to `limit` dossiers, earliest due first, with the kind's due time in the range and no mark of this kind for it. */
export async function findCandidates(db: DeadlineDb, kind: WatchKind, range: DueRange, limit: number, exclude: ReadonlySet<string>): Promise<string[]> {
  const skip = [...exclude];
  const rows = await dueQuery(db, kind, range)
    .select('d.id')
    .$if(skip.length > 0, (q) => q.where('d.id', 'not in', skip))
    .orderBy(WATCHED_COLUMN[kind])
    .orderBy('d.id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

const TEXTS: Record<WatchKind, (d: WatchedDossier) => ReturnType<typeof reminderText>> = {
  reminder: reminderText,
  escalation: escalationText,
  step_reminder: stepReminderText,
  step_overdue: stepOverdueText,
};

async function staffOf(trx: DeadlineTrx, agencyId: string, role: Role): Promise<string[]> {
  const rows = await trx.selectFrom('users').select('id').where('agency_id', '=', agencyId).where('role', '=', role).where('status', '=', 'active').orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** The assignee while an active member of the agency; else the agency's officers (its admins when it has none). */
async function handlersOf(trx: DeadlineTrx, agencyId: string, assigneeId: string | null): Promise<string[]> {
  if (assigneeId) {
    const assignee = await trx.selectFrom('users').select('id').where('id', '=', assigneeId).where('agency_id', '=', agencyId).where('status', '=', 'active').executeTakeFirst();
    if (assignee) return [assignee.id];
  }
  const officers = await staffOf(trx, agencyId, 'officer');
  return officers.length > 0 ? officers : staffOf(trx, agencyId, 'agency_admin');
}

/**
 * Reminds or escalates one dossier (about its due date or its step's) in one transaction: the row
 * is locked (skipped when another worker holds it) and tested again in a fresh statement, the mark
 * is written, then the notices and, for an escalation, the audit record. False when there was
 * nothing (left) to do.
 */
export async function markDossier(ctx: AppContext, id: string, kind: WatchKind, range: DueRange, now: Date): Promise<boolean> {
  return deadlineDb(ctx.db).transaction().execute(async (trx) => {
    const locked = await trx.selectFrom('dossiers').select('id').where('id', '=', id).forUpdate().skipLocked().executeTakeFirst();
    if (!locked) return false;
    const row = await dueQuery(trx, kind, range)
      .innerJoin('procedure_versions as v', 'v.id', 'd.procedure_version_id')
      .innerJoin('agencies as a', (j) => j.on(sql<boolean>`a.id = coalesce(d.handling_agency_id, d.receiving_agency_id)`))
      .select(['d.id', 'd.code', 'd.due_at', 'd.step_due_at', 'd.current_step', 'd.assignee_id', 'd.is_demo', 'd.status', 'v.name as procedure_name', 'a.id as agency_id', 'a.name as agency_name'])
      .where('d.id', '=', id)
      .executeTakeFirst();
    const watched = row && (isStepKind(kind) ? row.step_due_at : row.due_at);
    if (!row || !watched) return false;
    const dossier: WatchedDossier = {
      code: row.code,
      procedureName: row.procedure_name,
      agencyName: row.agency_name,
      dueAt: new Date(watched),
      ...(isStepKind(kind) ? { step: row.current_step, dossierDueAt: row.due_at ? new Date(row.due_at) : null } : {}),
    };
    const recipients = isEscalation(kind) ? await staffOf(trx, row.agency_id, 'agency_admin') : await handlersOf(trx, row.agency_id, row.assignee_id);
    const marked = await trx
      .insertInto('dossier_deadline_marks')
      .values({ dossier_id: row.id, kind, due_at: dossier.dueAt, marked_at: now, recipients: recipients.length })
      .onConflict((oc) => oc.doNothing())
      .returning('dossier_id')
      .executeTakeFirst();
    if (!marked) return false;
    const text = TEXTS[kind](dossier);
    for (const userId of recipients) {
      await notifyUser(platformOf(trx), ctx, { userId, category: 'services', ...text, link: `/can-bo/ho-so/${row.id}`, email: !row.is_demo });
    }
    if (isEscalation(kind)) {
      await ctx.audit.record(platformOf(trx), {
        actor: WATCH_ACTOR,
        action: kind === 'escalation' ? 'dossier.escalate_overdue' : 'dossier.escalate_step_overdue',
        targetType: 'dossier',
        targetId: row.id,
        details: { code: row.code, status: row.status, dueAt: dossier.dueAt.toISOString(), ...(dossier.step ? { step: dossier.step } : {}), agencyId: row.agency_id, notified: recipients.length },
      });
    }
    return true;
  });
}
