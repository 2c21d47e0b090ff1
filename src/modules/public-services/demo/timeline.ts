import { createHash, randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { WorkingCalendar } from '../../../platform/calendar/index.js';
import type { DueDate } from '../deadlines/index.js';
import { RECEIVED, IN_PROGRESS, SUBMITTED, REFUSED, SUPPLEMENT_REQUESTED, WITHDRAWN, STOPPED, FINISHED, RETURNED } from '../statuses.js';
import type { DossierEvaluationTable, DossierEventTable, DossierPauseTable, DossierPaymentTable, DossierTable } from '../tables.js';
import type { PlannedDossier } from './plan.js';
import type { DemoWorld } from './world.js';

export interface DemoRows {
  dossier: Insertable<DossierTable> & { id: string };
  events: Array<Insertable<DossierEventTable>>;
  pauses: Array<Insertable<DossierPauseTable>>;
  payment: Insertable<DossierPaymentTable> | null;
  evaluation: Insertable<DossierEvaluationTable> | null;
}

export interface TimelineTools {
  calendar: WorkingCalendar;
  until: Date;
  due(procedure: PlannedDossier['procedure'], receivedAt: Date): Promise<DueDate>;
  extend(dueAt: Date, minutes: number, calendarVersion: number): Promise<Date>;
  /** The next dossier code of an agency on the (Vietnam) day of an instant. */
  code(agencyCode: string, at: Date): string;
}

interface Step {
  at: Date;
  action: string;
  to: number;
  subState?: string | null;
  note?: { vi: string; en: string };
  apply?: (d: Insertable<DossierTable>) => void;
}

const ACTOR = 'system:demo-seed';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** The demo's payment reference: derived from the dossier code, same alphabet as real ones. */
const demoReference = (code: string) => `TS${sha256(code).slice(0, 10).toUpperCase().replace(/[0O1I]/g, 'X')}`;

/**
 * Turns a plan into rows as they stand at `until`: the whole life is laid out as steps, and only
 * steps that have happened by then are applied, so recent dossiers are still open, paused or waiting.
 */
export async function realiseDossier(p: PlannedDossier, world: DemoWorld, tools: TimelineTools): Promise<DemoRows> {
  const id = randomUUID();
  const { calendar } = tools;
  const communeAgency = p.commune ?? world.communes[0]!;
  const receiving = p.procedure.level === 'commune' ? { id: communeAgency.agencyId, code: communeAgency.agencyCode } : world.centre;
  const handlingId = p.procedure.level === 'commune' ? communeAgency.agencyId : p.procedure.agencyId;
  const steps: Step[] = [];
  const pauses: DemoRows['pauses'] = [];
  let payment: DemoRows['payment'] = null;
  let evaluation: DemoRows['evaluation'] = null;
  let receivedAt = p.receivedAt;

  if (p.channel === 'online') steps.push({ at: p.submittedAt, action: 'submit', to: SUBMITTED });
  if (p.completionWaitHours !== null) {
    steps.push({ at: receivedAt, action: 'request_completion', to: SUBMITTED, subState: 'completion_requested' });
    const back = calendar.addWorkingHours(receivedAt, p.completionWaitHours);
    steps.push({ at: back, action: 'resubmit', to: SUBMITTED, subState: null });
    receivedAt = calendar.addWorkingHours(back, 1);
  }
  if (p.refused) {
    steps.push({ at: receivedAt, action: 'refuse', to: REFUSED, apply: (d) => ((d.finished_at = receivedAt), (d.outcome = 'refused')) });
    return finish();
  }
  const due = await tools.due(p.procedure, receivedAt);
  const code = tools.code(receiving.code, receivedAt);
  steps.push({
    at: receivedAt,
    action: 'receive',
    to: RECEIVED,
    apply: (d) => {
      Object.assign(d, { code, code_format_version: 1, received_at: receivedAt, due_at: due.dueAt, due_calendar_version: due.calendarVersion, due_explanation: JSON.stringify(due.explanation) });
      if (p.procedure.feeTotal > 0) Object.assign(d, { fee_total: p.procedure.feeTotal, fee_status: 'unpaid', payment_reference: demoReference(code) });
    },
  });
  steps.push({ at: receivedAt, action: 'start_processing', to: IN_PROGRESS, subState: 'assigned' });
  const span = Math.max(60_000, due.dueAt.getTime() - receivedAt.getTime());
  let dueAt = due.dueAt;
  let shift = 0;
  for (const [i, hours] of p.supplements.entries()) {
    const asked = new Date(receivedAt.getTime() + span * (0.25 + 0.2 * i) + shift);
    const back = calendar.addWorkingHours(asked, hours);
    const minutes = Math.round(hours * 60);
    dueAt = await tools.extend(dueAt, minutes, due.calendarVersion);
    shift += back.getTime() - asked.getTime();
    const newDue = dueAt;
    pauses.push({ dossier_id: id, kind: 'supplement', started_at: asked, ended_at: back <= tools.until ? back : null, working_minutes: back <= tools.until ? minutes : null, reason: 'Bổ sung giấy tờ (dữ liệu demo)', items: JSON.stringify(['Bản sao giấy tờ còn thiếu']) });
    steps.push({ at: asked, action: 'request_supplement', to: SUPPLEMENT_REQUESTED, apply: (d) => ((d.paused_since = asked), (d.supplement_requests = i + 1)) });
    steps.push({ at: back, action: 'supplement', to: IN_PROGRESS, apply: (d) => ((d.paused_since = null), (d.paused_working_minutes = (Number(d.paused_working_minutes) || 0) + minutes), (d.due_at = newDue)) });
  }
  const decidedAt = new Date(receivedAt.getTime() + span * p.handlingFraction + shift);
  if (p.end === 'withdrawn' || p.end === 'stopped') {
    const at = new Date(receivedAt.getTime() + span * 0.3 + shift);
    const outcome = p.end;
    steps.push({ at, action: p.end === 'withdrawn' ? 'withdraw' : 'stop', to: p.end === 'withdrawn' ? WITHDRAWN : STOPPED, apply: (d) => ((d.finished_at = at), (d.outcome = outcome)) });
    return finish();
  }
  if (decidedAt > dueAt && p.apologises) {
    const at = new Date(Math.max(receivedAt.getTime(), dueAt.getTime() - 86_400_000));
    const promised = calendar.addWorkingHours(decidedAt, 8);
    steps.push({ at, action: 'apology', to: IN_PROGRESS, apply: (d) => (d.extended_due_at = promised) });
  }
  if (p.payment) {
    const at = p.payment === 'online' ? calendar.addWorkingHours(receivedAt, 1) : receivedAt;
    if (at <= tools.until) {
      payment = { dossier_id: id, method: p.payment === 'online' ? 'bank_transfer' : 'counter', provider: p.payment === 'online' ? 'demo-bank' : 'counter', provider_ref: `DEMO-${code}`, amount: p.procedure.feeTotal, paid_at: at, raw: JSON.stringify({ demo: true }) };
      steps.push({ at, action: 'payment_received', to: -1, apply: (d) => (d.fee_status = 'paid') });
    }
  }
  const outcome = p.end;
  steps.push({
    at: decidedAt,
    action: 'issue_result',
    to: FINISHED,
    subState: 'signed',
    apply: (d) => Object.assign(d, { finished_at: decidedAt, outcome, result_number: `${code.slice(-4)}/KQ`, result_sha256: sha256(`demo-result:${code}`) }),
  });
  if (p.returnAfterHours !== null) {
    const at = calendar.addWorkingHours(decidedAt, p.returnAfterHours);
    const method = p.returnAfterHours === 0 ? 'online' : p.channel === 'post' ? 'post' : 'counter';
    steps.push({ at, action: 'return', to: RETURNED, apply: (d) => ((d.returned_at = at), (d.delivery_method = method)) });
    if (p.evaluation && at.getTime() + 86_400_000 <= tools.until.getTime()) {
      evaluation = { dossier_id: id, rating: p.evaluation.rating, criteria: JSON.stringify(p.evaluation.criteria), comment: p.evaluation.comment, created_at: new Date(at.getTime() + 86_400_000) };
    }
  }
  return finish();

  function finish(): DemoRows {
    const dossier: Insertable<DossierTable> & { id: string } = {
      id,
      procedure_id: p.procedure.id,
      procedure_version_id: p.procedure.versionId,
      procedure_code: p.procedure.code,
      channel: p.channel,
      status: 0,
      sub_state: null,
      applicant_kind: p.applicantKind,
      applicant: JSON.stringify(p.applicant),
      form_data: JSON.stringify({}),
      receiving_agency_id: receiving.id,
      handling_agency_id: handlingId,
      commune_code: p.commune?.code ?? null,
      submitted_at: p.submittedAt,
      digitised: p.digitised,
      reused_data: p.reusedData,
      is_demo: true,
      created_at: p.submittedAt,
      updated_at: p.submittedAt,
    };
    if (p.channel !== 'online') steps.unshift({ at: p.submittedAt, action: 'counter_intake', to: SUBMITTED });
    const events: DemoRows['events'] = [];
    let status = 0;
    let sub: string | null = null;
    for (const step of steps.filter((s) => s.at <= tools.until).sort((a, b) => a.at.getTime() - b.at.getTime())) {
      step.apply?.(dossier);
      const to = step.to === -1 ? status : step.to;
      if (step.subState !== undefined) sub = step.subState;
      events.push({ dossier_id: id, at: step.at, action: step.action, from_status: status, to_status: to, sub_state: sub, actor_user_id: null, actor_label: ACTOR, agency_id: null, to_agency_id: null, comment: null, public_note: null, data: JSON.stringify({ demo: true }) });
      status = to;
      dossier.updated_at = step.at;
    }
    dossier.status = status;
    dossier.sub_state = status === IN_PROGRESS || status === SUBMITTED ? sub : null;
    if (status === SUPPLEMENT_REQUESTED) pauses.forEach((x) => x.ended_at === null && (dossier.paused_since = x.started_at));
    return { dossier, events, pauses: pauses.filter((x) => x.started_at <= tools.until), payment: dossier.fee_status === 'paid' ? payment : null, evaluation };
  }
}
