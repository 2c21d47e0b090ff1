import { useMemo } from 'preact/hooks';
import type { Static } from 'typebox';
import type { AgencySummary, TreeNode } from '../../../src/platform/agencies/schemas.js';
import type { Page } from '../lib/api.js';
import { useApi } from '../lib/use-api.js';

/** An agency as the agencies API lists it, and a node of its tree (types from the server). */
export type Agency = Static<typeof AgencySummary>;
export type AgencyNode = TreeNode;

/** The tree endpoint answers `{ items }` of nested nodes. */
export function treeRoots(data: { items: unknown[] } | undefined): AgencyNode[] {
  return (data?.items ?? []) as AgencyNode[];
}

/** All agencies (for names and pickers), keyed by id. */
export function useAgencies() {
  const result = useApi<Page<Agency>>('/api/v1/agencies', { limit: 200 });
  const list = useMemo(() => [...(result.data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'vi')), [result.data]);
  const byId = useMemo(() => new Map(list.map((a) => [a.id, a])), [list]);
  return { list, byId, error: result.error, loading: result.loading };
}

/** Labels of the agency kinds; a kind added on the server is a type error here until labelled. */
export const KIND_LABELS: Record<Agency['kind'], { vi: string; en: string }> = {
  provincial_committee: { vi: 'UBND tỉnh', en: 'Provincial People’s Committee' },
  department: { vi: 'Sở, ban, ngành', en: 'Department' },
  commune_committee: { vi: 'UBND xã, phường', en: 'Commune People’s Committee' },
  public_service_unit: { vi: 'Đơn vị sự nghiệp', en: 'Public service unit' },
  other: { vi: 'Khác', en: 'Other' },
};
