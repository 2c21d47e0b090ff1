import { useMemo } from 'preact/hooks';
import type { Page } from '../lib/api.js';
import { useApi } from '../lib/use-api.js';

/** An agency as the agencies API lists it (fields beyond id/code/name are optional here). */
export interface Agency {
  id: string;
  code: string;
  name: string;
  shortName?: string | null;
  kind?: string | null;
  parentId?: string | null;
  adminUnitCode?: string | null;
  status?: string | null;
}

export interface AgencyNode extends Agency {
  children?: AgencyNode[];
}

/** The tree endpoint may answer a bare array or `{ items }`. */
export function treeRoots(data: unknown): AgencyNode[] {
  if (Array.isArray(data)) return data as AgencyNode[];
  if (data && typeof data === 'object') {
    const o = data as { items?: AgencyNode[]; roots?: AgencyNode[]; tree?: AgencyNode[] };
    return o.items ?? o.roots ?? o.tree ?? [];
  }
  return [];
}

/** All agencies (for names and pickers), keyed by id. */
export function useAgencies() {
  const result = useApi<Page<Agency> | Agency[]>('/api/v1/agencies', { limit: 200 });
  const list = useMemo(() => {
    const d = result.data;
    const items = Array.isArray(d) ? d : (d?.items ?? []);
    return [...items].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }, [result.data]);
  const byId = useMemo(() => new Map(list.map((a) => [a.id, a])), [list]);
  return { list, byId, error: result.error, loading: result.loading };
}
