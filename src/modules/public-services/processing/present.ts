import type { Principal } from '../../../platform/http/access.js';
import type { DossierRow } from '../dossiers/transition.js';
import { statusLabel } from '../statuses.js';
import { processingActionsFor } from './allowed-actions.js';
import type { CommandResultView } from './schemas.js';

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export function commandResult(dossier: DossierRow, principal: Principal, extra: { documentId?: string; consultationId?: string } = {}): CommandResultView {
  return {
    id: dossier.id,
    code: dossier.code,
    status: dossier.status,
    statusLabel: statusLabel(dossier.status),
    subState: dossier.sub_state,
    handlingAgencyId: dossier.handling_agency_id,
    assigneeId: dossier.assignee_id,
    dueAt: iso(dossier.due_at),
    stepDueAt: iso(dossier.step_due_at),
    extendedDueAt: iso(dossier.extended_due_at),
    pausedSince: iso(dossier.paused_since),
    supplementRequests: dossier.supplement_requests,
    finishedAt: iso(dossier.finished_at),
    returnedAt: iso(dossier.returned_at),
    outcome: dossier.outcome,
    resultNumber: dossier.result_number,
    resultSha256: dossier.result_sha256,
    version: dossier.version,
    ...extra,
    allowedActions: processingActionsFor(principal, dossier),
  };
}
