import type { FastifyRequest } from 'fastify';
import type { Principal } from '../../../platform/http/access.js';
import type { AppContext } from '../../../platform/http/module.js';
import { FINISHED, RETURNED, statusLabel } from '../statuses.js';
import { psDb, type PsDb, type PsTrx } from '../tables.js';
import { allowedActions } from './actions.js';
import { actorFor, assertCanRead, ownsDossier } from './access.js';
import type { DossierDetailT } from './schemas.js';
import { dossierNotFound, type DossierRow } from './transition.js';

type Db = PsDb | PsTrx;
type AgencyRef = { id: string; code: string; name: string };

const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

async function agenciesById(db: Db, ids: Array<string | null>): Promise<Map<string, AgencyRef>> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('agencies').select(['id', 'code', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Whether the dossier has its evaluation; asked only once a result is out (before, there is none). */
async function isEvaluated(db: Db, row: DossierRow): Promise<boolean> {
  if (row.status !== FINISHED && row.status !== RETURNED) return false;
  const found = await db.selectFrom('dossier_evaluations').select('dossier_id').where('dossier_id', '=', row.id).executeTakeFirst();
  return !!found;
}

/**
 * The whole dossier as its reader may see it. `staffView` adds what only the agencies read:
 * internal comments on the trail and the consultations between agencies.
 */
export async function presentDossier(db: Db, row: DossierRow, principal: Principal, staffView: boolean): Promise<DossierDetailT> {
  const version = await db.selectFrom('procedure_versions').select(['name', 'version', 'time_amount', 'time_unit', 'level', 'components']).where('id', '=', row.procedure_version_id).executeTakeFirstOrThrow();
  const [components, events, documents, pauses, consultations, assignee] = await Promise.all([
    db.selectFrom('dossier_components').selectAll().where('dossier_id', '=', row.id).orderBy('added_at').orderBy('id').execute(),
    db.selectFrom('dossier_events').selectAll().where('dossier_id', '=', row.id).orderBy('id').execute(),
    db.selectFrom('dossier_documents').select(['id', 'kind', 'number', 'created_at', 'sha256']).where('dossier_id', '=', row.id).orderBy('created_at').execute(),
    db.selectFrom('dossier_pauses').selectAll().where('dossier_id', '=', row.id).orderBy('started_at').execute(),
    staffView ? db.selectFrom('dossier_consultations').selectAll().where('dossier_id', '=', row.id).orderBy('asked_at').execute() : Promise.resolve([]),
    row.assignee_id ? db.selectFrom('users').select(['id', 'full_name']).where('id', '=', row.assignee_id).executeTakeFirst() : Promise.resolve(undefined),
  ]);
  const agencies = await agenciesById(db, [row.receiving_agency_id, row.handling_agency_id, ...events.flatMap((e) => [e.agency_id, e.to_agency_id]), ...consultations.map((c) => c.to_agency_id)]);
  const agency = (id: string | null) => (id ? (agencies.get(id) ?? null) : null);
  const names = new Map(version.components.map((c) => [c.code, c.name]));
  // Files added together share a time: list them in the procedure's own order, not by random id.
  const position = new Map(version.components.map((c, i) => [c.code, i]));
  components.sort((a, b) => a.added_at.getTime() - b.added_at.getTime() || (position.get(a.component_code) ?? 1e9) - (position.get(b.component_code) ?? 1e9));
  const facts = {
    consultedOpen: consultations.some((c) => !c.answered_at && principal.kind === 'user' && c.to_agency_id === principal.agencyId),
    evaluated: await isEvaluated(db, row),
  };
  return {
    id: row.id,
    code: row.code,
    status: row.status,
    statusLabel: statusLabel(row.status),
    subState: row.sub_state,
    channel: row.channel,
    procedure: { code: row.procedure_code, name: version.name, version: version.version, timeAmount: Number(version.time_amount), timeUnit: version.time_unit, level: version.level },
    applicantKind: row.applicant_kind,
    applicant: row.applicant,
    onBehalf: row.on_behalf,
    formData: row.form_data,
    exemptionCodes: row.exemption_codes,
    receivingAgency: agency(row.receiving_agency_id),
    handlingAgency: agency(row.handling_agency_id),
    communeCode: row.commune_code,
    assignee: assignee ? { id: assignee.id, name: assignee.full_name } : null,
    submittedAt: iso(row.submitted_at),
    receivedAt: iso(row.received_at),
    dueAt: iso(row.due_at),
    dueExplanation: row.due_explanation,
    extendedDueAt: iso(row.extended_due_at),
    pausedSince: iso(row.paused_since),
    supplementRequests: row.supplement_requests,
    currentStep: row.current_step,
    stepDueAt: iso(row.step_due_at),
    finishedAt: iso(row.finished_at),
    returnedAt: iso(row.returned_at),
    deliveryMethod: row.delivery_method,
    outcome: row.outcome,
    resultNumber: row.result_number,
    resultSha256: row.result_sha256,
    feeTotal: Number(row.fee_total),
    feeStatus: row.fee_status,
    paymentReference: row.payment_reference,
    digitised: row.digitised,
    version: row.version,
    updatedAt: iso(row.updated_at)!,
    components: components.map((c) => ({ id: c.id, componentCode: c.component_code, name: names.get(c.component_code) ?? c.component_code, kind: c.kind, fileId: c.file_id, sha256: c.sha256, digitised: c.digitised, reusedFrom: c.reused_from, addedIn: c.added_in })),
    events: events.map((e) => ({
      at: iso(e.at)!,
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      subState: e.sub_state,
      actorLabel: e.actor_label,
      agency: agency(e.agency_id),
      toAgency: agency(e.to_agency_id),
      step: e.step,
      stepDueAt: iso(e.step_due_at),
      comment: staffView ? e.comment : null,
      publicNote: e.public_note,
    })),
    documents: documents.map((d) => ({ id: d.id, kind: d.kind, number: d.number, createdAt: iso(d.created_at)!, sha256: d.sha256 })),
    pauses: pauses.map((p) => ({ kind: p.kind, startedAt: iso(p.started_at)!, endedAt: iso(p.ended_at), workingMinutes: p.working_minutes, reason: p.reason, items: p.items })),
    consultations: consultations.map((c) => ({ id: c.id, toAgency: agency(c.to_agency_id), question: c.question, dueAt: iso(c.due_at)!, askedAt: iso(c.asked_at)!, answer: c.answer, answeredAt: iso(c.answered_at) })),
    allowedActions: allowedActions(principal, row, facts),
  };
}

/**
 * `GET /api/v1/dossiers/:id`: the owner, staff of its agencies, leaders and system administrators;
 * anyone else gets the 404 of a dossier that does not exist. Staff reading the applicant's personal
 * data leaves a `dossier.read` audit record (purpose: handling).
 */
export async function dossierDetail(ctx: AppContext, request: FastifyRequest, id: string): Promise<DossierDetailT> {
  const db = psDb(ctx.db);
  const row = await db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw dossierNotFound();
  const p = request.principal;
  await assertCanRead(db, p, row);
  const owner = ownsDossier(p, row);
  if (!owner) {
    await ctx.audit.recordAlone({
      actor: actorFor(request),
      action: 'dossier.read',
      targetType: 'dossier',
      targetId: row.id,
      subjectUserId: row.applicant_user_id,
      purpose: 'handling',
      ip: request.ip,
      requestId: String(request.id),
      details: { code: row.code },
    });
  }
  return presentDossier(db, row, p, !owner);
}
