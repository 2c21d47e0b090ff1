import type { DossierRow } from '../dossiers/transition.js';
import { FINISHED, RETURNED, SUPPLEMENT_REQUESTED, statusLabel } from '../statuses.js';
import type { Bilingual, PsDb } from '../tables.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * On time (đúng hạn) for someone reading the dossier: finished no later than the legal due date →
 * true, later → false, not finished (or no due date) → null. An apology's new date never makes a late
 * dossier on time.
 */
export function onTimeOf(row: Pick<DossierRow, 'finished_at' | 'due_at'>): boolean | null {
  if (!row.finished_at || !row.due_at) return null;
  return new Date(row.finished_at).getTime() <= new Date(row.due_at).getTime();
}

export function resultFileAvailable(row: Pick<DossierRow, 'status' | 'result_file_id'>, resultDocuments: number): boolean {
  return (row.status === FINISHED || row.status === RETURNED) && (!!row.result_file_id || resultDocuments > 0);
}

/** The dossier by code with its procedure's name and the agency to contact; drafts have no code. */
export async function findByCode(db: PsDb, code: string) {
  return db
    .selectFrom('dossiers as d')
    .innerJoin('procedure_versions as v', 'v.id', 'd.procedure_version_id')
    .leftJoin('agencies as a', (j) => j.on((eb) => eb('a.id', '=', eb.fn.coalesce('d.handling_agency_id', 'd.receiving_agency_id'))))
    .selectAll('d')
    .select(['v.name as procedure_name', 'a.name as agency_name', 'a.phone as agency_phone'])
    .where('d.code', '=', code)
    .where('d.status', '>', 0)
    .executeTakeFirst();
}

export type TrackedRow = NonNullable<Awaited<ReturnType<typeof findByCode>>>;

/** National status changes, each with the sentence written for the applicant (internal comments never). */
async function timelineOf(db: PsDb, dossierId: string) {
  const rows = await db
    .selectFrom('dossier_events')
    .select(['at', 'to_status', 'public_note'])
    .where('dossier_id', '=', dossierId)
    .where('to_status', '>', 0)
    .where((eb) => eb.or([eb('from_status', 'is', null), eb('from_status', '<>', eb.ref('to_status'))]))
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ at: new Date(r.at).toISOString(), status: r.to_status, statusLabel: statusLabel(r.to_status), note: (r.public_note as Bilingual | null) ?? null }));
}

/** The public view: status, dates, the agency to contact, payment state and timeline; nothing personal. */
export async function publicView(db: PsDb, row: TrackedRow) {
  return {
    code: row.code!,
    procedure: { code: row.procedure_code, name: row.procedure_name },
    status: row.status,
    statusLabel: statusLabel(row.status),
    receivedAt: iso(row.received_at),
    dueAt: iso(row.due_at),
    dueExplanation: row.due_explanation ?? null,
    extendedDueAt: iso(row.extended_due_at),
    finishedAt: iso(row.finished_at),
    returnedAt: iso(row.returned_at),
    paused: row.status === SUPPLEMENT_REQUESTED || row.paused_since !== null,
    onTime: onTimeOf(row),
    agency: row.agency_name ? { name: row.agency_name, phone: row.agency_phone } : null,
    payment: { status: row.fee_status, amount: Number(row.fee_total) },
    timeline: await timelineOf(db, row.id),
  };
}
