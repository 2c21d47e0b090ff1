import type { FastifyRequest } from 'fastify';
import type { Principal } from '../../../platform/http/access.js';
import { actorOf } from '../../../platform/http/access.js';
import type { PsDb, PsTrx } from '../tables.js';
import { dossierNotFound, type Actor, type DossierRow } from './transition.js';

/** The trail's actor for a request. */
export function actorFor(request: FastifyRequest): Actor {
  const a = actorOf(request);
  return { userId: a.userId, apiKeyId: a.apiKeyId, label: a.label, agencyId: a.agencyId };
}

/** Province-wide readers: leaders and system administrators (read-only for leaders). */
export function readsAllDossiers(p: Principal): boolean {
  return p.kind === 'user' && (p.role === 'leader' || p.role === 'system_admin');
}

/** Is this principal an officer of an agency that has the dossier now or had it (receiving, handling, consulted)? */
export async function staffOfDossier(db: PsDb | PsTrx, p: Principal, dossier: DossierRow): Promise<boolean> {
  if (p.kind !== 'user' || !p.agencyId || (p.role !== 'officer' && p.role !== 'agency_admin')) return false;
  if (p.agencyId === dossier.receiving_agency_id || p.agencyId === dossier.handling_agency_id) return true;
  const consulted = await db.selectFrom('dossier_consultations').select('id').where('dossier_id', '=', dossier.id).where('to_agency_id', '=', p.agencyId).executeTakeFirst();
  if (consulted) return true;
  const handled = await db.selectFrom('dossier_events').select('id').where('dossier_id', '=', dossier.id).where((eb) => eb.or([eb('agency_id', '=', p.agencyId), eb('to_agency_id', '=', p.agencyId)])).executeTakeFirst();
  return !!handled;
}

export function ownsDossier(p: Principal, dossier: DossierRow): boolean {
  return p.kind === 'user' && (dossier.applicant_user_id === p.id || dossier.submitter_user_id === p.id);
}

/**
 * Whether a signed-in person may read a dossier with its personal data. Those who may not get a 404,
 * as if it did not exist (the public tracking route is the way in without an account).
 */
export async function assertCanRead(db: PsDb | PsTrx, p: Principal, dossier: DossierRow): Promise<void> {
  if (ownsDossier(p, dossier) || readsAllDossiers(p) || (await staffOfDossier(db, p, dossier))) return;
  throw dossierNotFound();
}

/** Officers and agency admins acting for the agency that currently handles (or receives) the dossier. */
export function actsFor(p: Principal, agencyId: string | null): boolean {
  return p.kind === 'user' && !!agencyId && p.agencyId === agencyId && (p.role === 'officer' || p.role === 'agency_admin');
}
