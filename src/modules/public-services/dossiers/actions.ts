import type { Principal } from '../../../platform/http/access.js';
import { DRAFT, FINISHED, IN_PROGRESS, PAYMENT_REQUESTED, RECEIVED, RETURNED, SUBMITTED, SUPPLEMENT_REQUESTED } from '../statuses.js';
import { processingActionsFor } from '../processing/allowed-actions.js';
import { actsFor, ownsDossier } from './access.js';
import type { DossierRow } from './transition.js';

/** What a rule may know besides the principal and the row (facts that need a query). */
export interface ActionFacts {
  /** The caller's agency has an unanswered consultation on this dossier. */
  consultedOpen?: boolean;
  /** The dossier already has its evaluation (one per dossier); unknown counts as evaluated. */
  evaluated?: boolean;
}

/** A source of allowed actions: the commands this principal may give on the dossier now. */
export type ActionSource = (principal: Principal, dossier: DossierRow, facts: ActionFacts, now: Date) => readonly string[];

export const COMPLETION_REQUESTED = 'completion_requested';

/** The applicant may still change it: a draft, or a submitted dossier sent back for completion. */
export function editableByApplicant(d: Pick<DossierRow, 'status' | 'sub_state'>): boolean {
  return d.status === DRAFT || (d.status === SUBMITTED && d.sub_state === COMPLETION_REQUESTED);
}

/** Waiting at the one-stop counter for the receipt decision. */
export function awaitingReceipt(d: Pick<DossierRow, 'status' | 'sub_state'>): boolean {
  return d.status === SUBMITTED && d.sub_state !== COMPLETION_REQUESTED;
}

const OPEN_FOR_SCANS: readonly number[] = [RECEIVED, IN_PROGRESS, SUPPLEMENT_REQUESTED, PAYMENT_REQUESTED];

/** Intake and receipt (tiếp nhận): the applicant's draft commands and the counter's decision. */
export const intakeActions: ActionSource = (p, d) => {
  const out: string[] = [];
  if (ownsDossier(p, d) && editableByApplicant(d)) {
    out.push('edit', 'upload_component');
    out.push(d.status === DRAFT ? 'submit' : 'resubmit');
  }
  if (actsFor(p, d.receiving_agency_id) && awaitingReceipt(d)) out.push('receive', 'request_completion', 'refuse');
  if ((actsFor(p, d.receiving_agency_id) || actsFor(p, d.handling_agency_id)) && OPEN_FOR_SCANS.includes(d.status)) out.push('add_scan');
  return out;
};

/**
 * Evaluation (đánh giá mức độ hài lòng): the applicant or filer, once the result is out (9 or 10),
 * until they have given it. Staff never rate a dossier they can only read.
 */
export const evaluationActions: ActionSource = (p, d, facts) =>
  ownsDossier(p, d) && (d.status === FINISHED || d.status === RETURNED) && facts.evaluated === false ? ['evaluate'] : [];

/** Processing (xử lý): assignment, transfer, supplement, result, return… by its own policy. */
const processingActions: ActionSource = (p, d, facts, now) => processingActionsFor(p, d, facts, now);

/** Every source; other folders (tracking, fees) may add theirs with `addActionSource`. */
const sources: ActionSource[] = [intakeActions, processingActions, evaluationActions];

export function addActionSource(source: ActionSource): void {
  if (!sources.includes(source)) sources.push(source);
}

/** The union of every source's actions, in a stable order, each once. */
export function allowedActions(principal: Principal, dossier: DossierRow, facts: ActionFacts = {}, now = new Date()): string[] {
  return [...new Set(sources.flatMap((source) => source(principal, dossier, facts, now)))];
}
