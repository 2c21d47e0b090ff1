import type { Principal } from '../../../platform/http/access.js';
import { feeTotalOf, partsOfRow, type VersionRow } from './parts.js';
import { stateOf } from './store.js';
import type { AgencyRef, Warning } from './validate.js';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** Catalog managers: system administrators everywhere, agency administrators for their own agency. */
export function managesAgency(p: Principal, agencyId: string | null): boolean {
  if (p.kind !== 'user') return false;
  if (p.role === 'system_admin') return true;
  return p.role === 'agency_admin' && !!p.agencyId && p.agencyId === agencyId;
}

export function isCatalogManager(p: Principal): boolean {
  return p.kind === 'user' && (p.role === 'system_admin' || p.role === 'agency_admin');
}

export function versionSummaries(versions: VersionRow[], now: Date, withDrafts: boolean) {
  return versions
    .filter((v) => withDrafts || v.state !== 'draft')
    .sort((a, b) => a.version - b.version)
    .map((v) => ({ version: v.version, state: stateOf(v, now), effectiveFrom: iso(v.effective_from), effectiveTo: iso(v.effective_to) }));
}

/** One version with every constituent part, as the API shows it. */
export function procedureView(code: string, row: VersionRow, agency: AgencyRef | null, versions: VersionRow[], now: Date, withDrafts: boolean) {
  const { agencyCode: _code, ...parts } = partsOfRow(row, agency?.code ?? null);
  const state = stateOf(row, now);
  return {
    id: row.id,
    code,
    version: row.version,
    state,
    inForce: state === 'published' && !!row.effective_from && row.effective_from <= now,
    effectiveFrom: iso(row.effective_from),
    effectiveTo: iso(row.effective_to),
    publishedAt: iso(row.published_at),
    ...parts,
    agency,
    feeTotal: feeTotalOf(row.fees),
    isDemo: row.is_demo,
    versions: versionSummaries(versions, now, withDrafts),
  };
}

export function writtenView(code: string, row: VersionRow, agency: AgencyRef | null, versions: VersionRow[], warnings: Warning[]) {
  return { ...procedureView(code, row, agency, versions, new Date(), true), warnings };
}
