import type { AppContext } from '../../../platform/http/module.js';
import { notifyUser } from '../../../platform/notifications/inbox.js';
import type { DossierRow } from '../dossiers/transition.js';
import { platformTrx, type Bilingual, type PsTrx } from '../tables.js';

/** Where staff open a dossier on the officer desk. */
export function deskLink(dossier: DossierRow): string {
  return `/can-bo/ho-so/${dossier.id}`;
}

/** A notice for one member of staff, in the command's transaction. */
export async function notifyStaffMember(trx: PsTrx, ctx: AppContext, userId: string, dossier: DossierRow, title: Bilingual, body: Bilingual): Promise<void> {
  await notifyUser(platformTrx(trx), ctx, { userId, title, body, link: deskLink(dossier), category: 'services' });
}

/**
 * Every active officer and agency admin of an agency (a transfer or a consultation arrives there, an
 * applicant's reply comes back to an unassigned dossier). `except`: the person who caused it.
 */
export async function notifyAgencyStaff(trx: PsTrx, ctx: AppContext, agencyId: string, dossier: DossierRow, title: Bilingual, body: Bilingual, except?: string | null): Promise<number> {
  const staff = await trx
    .selectFrom('users')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('role', 'in', ['officer', 'agency_admin'])
    .where('status', '=', 'active')
    .execute();
  const targets = staff.filter((s) => s.id !== except);
  for (const s of targets) await notifyStaffMember(trx, ctx, s.id, dossier, title, body);
  return targets.length;
}

/** The assignee if there is one, otherwise the handling agency's staff. */
export async function notifyHandlers(trx: PsTrx, ctx: AppContext, dossier: DossierRow, title: Bilingual, body: Bilingual, except?: string | null): Promise<void> {
  if (dossier.assignee_id) {
    if (dossier.assignee_id !== except) await notifyStaffMember(trx, ctx, dossier.assignee_id, dossier, title, body);
    return;
  }
  const agencyId = dossier.handling_agency_id ?? dossier.receiving_agency_id;
  if (agencyId) await notifyAgencyStaff(trx, ctx, agencyId, dossier, title, body, except);
}

/** "Hồ sơ <code>" with a fallback for a dossier without a code yet. */
export function dossierTitle(dossier: DossierRow, vi: string, en: string): Bilingual {
  const code = dossier.code ?? '';
  return { vi: `Hồ sơ ${code}: ${vi}`.replace('  ', ' '), en: `Dossier ${code}: ${en}`.replace('  ', ' ') };
}
