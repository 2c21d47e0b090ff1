import type { Principal } from '../../../platform/http/access.js';
import type { DossierRow } from '../dossiers/transition.js';
import { judge, PROCESSING_ACTIONS, type PolicyFacts, type ProcessingAction } from './policy.js';

/**
 * The processing commands this principal may give on the dossier now, by the same rules the
 * commands enforce (policy.ts). The dossier detail merges them into its `allowedActions`; pass
 * `consultedOpen` when the caller's agency has an open consultation on it.
 */
export function processingActionsFor(principal: Principal, dossier: DossierRow, facts: PolicyFacts = {}, now = new Date()): ProcessingAction[] {
  return PROCESSING_ACTIONS.filter((action) => judge(action, principal, dossier, facts, now).ok);
}
