/** The catalog API as the version history page reads it (see `src/modules/public-services/catalog/README.md`). */
export const PROCEDURES = '/api/v1/procedures';
export const VERSIONS_PATH = '/can-bo/ho-so/phien-ban';

export interface Bi {
  vi: string;
  en: string;
}

export interface VersionSummary {
  version: number;
  state: 'draft' | 'published' | 'retired';
  effectiveFrom: string | null;
  effectiveTo: string | null;
}

/** The part of `GET /api/v1/procedures/:code` this page needs. */
export interface ProcedureHead {
  code: string;
  name: string;
  version: number;
  versions: VersionSummary[];
}

export interface ItemChanges {
  added: Array<{ key: string; value: unknown }>;
  removed: Array<{ key: string; value: unknown }>;
  changed: Array<{ key: string; before: unknown; after: unknown }>;
  reordered: boolean;
}

export interface PartChange {
  part: string;
  label: Bi;
  before: unknown;
  after: unknown;
  items?: ItemChanges;
}

export interface VersionDiff {
  code: string;
  from: VersionSummary;
  to: VersionSummary;
  changes: PartChange[];
}

export const procedurePath = (code: string) => `${PROCEDURES}/${encodeURIComponent(code)}`;
export const diffPath = (code: string) => `${procedurePath(code)}/versions/diff`;
