import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The official data files this area imports (see reference-data/admin-units/SOURCES.md for their origin). */
export const DATA_FILES = {
  units: 'vn-admin-units-2025.json',
  conversion: 'vn-admin-units-2025-conversion.csv',
  provinceBoundaries: 'vn-provinces-2025.geojson',
  communeBoundaries: 'quang-tri-wards-2025.geojson',
} as const;

/**
 * Where the data files live: `SHARED_DATA_DIR` if set (e.g. a newer official release), else the
 * copy shipped in the repository under `reference-data/admin-units`, so a fresh clone needs nothing else.
 */
export function sharedDataDir(): string {
  const override = process.env.SHARED_DATA_DIR;
  if (override) return path.resolve(override);
  const repoRoot = path.resolve(import.meta.dirname, '../../..');
  return path.join(repoRoot, 'reference-data', 'admin-units');
}

export interface RawFiles {
  units: string;
  conversion: string;
  /** Boundary files are optional: without them the tree still loads, just without maps. */
  provinceBoundaries: string | null;
  communeBoundaries: string | null;
  fingerprint: string;
}

export function readDataFiles(dir: string): RawFiles {
  const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
  const readOptional = (name: string) => (fs.existsSync(path.join(dir, name)) ? read(name) : null);
  const files = {
    units: read(DATA_FILES.units),
    conversion: read(DATA_FILES.conversion),
    provinceBoundaries: readOptional(DATA_FILES.provinceBoundaries),
    communeBoundaries: readOptional(DATA_FILES.communeBoundaries),
  };
  const hash = createHash('sha256');
  for (const content of Object.values(files)) hash.update(content ?? '').update('\0');
  return { ...files, fingerprint: hash.digest('hex') };
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}
