import { useMemo } from 'preact/hooks';
import type { Page } from '../lib/api.js';
import { useApi } from '../lib/use-api.js';
import type { BoundaryCollection } from '../ioc/types.js';

const collator = new Intl.Collator('vi');

/** The province this installation serves: the area of its provincial People's Committee. */
export function useProvinceCode(): { code: string | null; loading: boolean } {
  const committee = useApi<Page<{ adminUnitCode: string | null }>>('/api/v1/agencies', { kind: 'provincial_committee', limit: 1 });
  return { code: committee.data?.items[0]?.adminUnitCode ?? null, loading: committee.loading };
}

/** Phones and small tablets: the width below which pages lay out in one column. */
export const isSmallScreen = () => typeof window.matchMedia === 'function' && !window.matchMedia('(min-width: 900px)').matches;

/**
 * The communes' outlines (only for pages that draw a map, and only when asked). Small screens get
 * the light outlines: about 100 KB compressed instead of 1 MB, the same communes, borders within
 * about 30 m — plenty for a phone; the server places a report with the full outlines anyway.
 */
export function useBoundaries(code: string | null, wanted: boolean) {
  const light = useMemo(isSmallScreen, []);
  return useApi<BoundaryCollection>(code && wanted ? `/api/v1/admin-units/${code}/children/boundaries` : null, light ? { detail: 'light' } : undefined);
}

export interface Commune {
  code: string;
  name: string;
}

/** The province's communes by name (for filters): a light list, not the outlines. */
export function useCommunes(code: string | null): Commune[] {
  const page = useApi<Page<Commune>>(code ? '/api/v1/admin-units' : null, { parent: code ?? undefined, limit: 200 });
  return useMemo(() => [...(page.data?.items ?? [])].sort((a, b) => collator.compare(a.name, b.name)), [page.data]);
}

/** Vietnamese folded for search: no diacritics, đ → d, lower case. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}
