import { Type, type Static } from 'typebox';
import type { Principal } from '../../../platform/http/access.js';
import type { AppContext } from '../../../platform/http/module.js';
import { AppError, errors } from '../../../platform/http/errors.js';
import { StrictObject } from '../../../platform/http/schema.js';
import type { Actor } from '../dossiers/transition.js';
import { platformTrx, type PsDb, type PsTrx } from '../tables.js';
import { parseCsv, toCsv } from './csv.js';
import { normalizeParts, PART_KEYS, partsOfRow, sameParts, type Parts, type VersionRow } from './parts.js';
import { PROCEDURE_CODE, partsProperties, VERSION_STATES, type PartsInput } from './schemas.js';
import { agenciesByIds, procedureByCode, stateOf, versionsOf } from './store.js';
import { managesAgency } from './views.js';
import { createProcedure, saveDraft } from './writes.js';

export const EXPORT_FORMAT = 'tinhso.procedures';
export const MAX_IMPORT_PROCEDURES = 3000;

const IsoOrNull = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);
export const ExportedVersion = StrictObject({
  version: Type.Integer({ minimum: 1 }),
  state: Type.Optional(Type.Enum(VERSION_STATES)),
  effectiveFrom: Type.Optional(IsoOrNull),
  effectiveTo: Type.Optional(IsoOrNull),
  ...partsProperties,
});
export const ExportedProcedure = StrictObject({ code: Type.String({ pattern: PROCEDURE_CODE }), versions: Type.Array(ExportedVersion, { minItems: 1, maxItems: 200 }) });
export const ExportDocument = StrictObject({
  format: Type.Literal(EXPORT_FORMAT),
  formatVersion: Type.Literal(1),
  exportedAt: Type.Optional(Type.String()),
  procedures: Type.Array(ExportedProcedure, { maxItems: MAX_IMPORT_PROCEDURES }),
});
export type ExportDoc = Static<typeof ExportDocument>;
type ExportedVersionT = Static<typeof ExportedVersion>;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** Every version of every procedure; drafts only for those who manage them. */
export async function exportCatalog(db: PsDb, principal: Principal, now = new Date()): Promise<ExportDoc> {
  const procedures = await db.selectFrom('procedures').select(['id', 'code', 'is_demo']).orderBy('code').execute();
  const rows = await db.selectFrom('procedure_versions').selectAll().orderBy('version').execute();
  const agencies = await agenciesByIds(db, rows.map((r) => r.agency_id));
  const byProcedure = new Map<string, VersionRow[]>();
  for (const r of rows) {
    if (r.state === 'draft' && !managesAgency(principal, r.agency_id)) continue;
    byProcedure.set(r.procedure_id, [...(byProcedure.get(r.procedure_id) ?? []), r]);
  }
  const out: ExportDoc['procedures'] = [];
  for (const p of procedures) {
    const versions = byProcedure.get(p.id);
    if (!versions?.length) continue;
    out.push({
      code: p.code,
      versions: versions.map((v) => ({
        version: v.version,
        state: stateOf(v, now),
        effectiveFrom: iso(v.effective_from),
        effectiveTo: iso(v.effective_to),
        ...partsOfRow(v, v.agency_id ? (agencies.get(v.agency_id)?.code ?? null) : null),
      })) as ExportedVersionT[],
    });
  }
  return { format: EXPORT_FORMAT, formatVersion: 1, exportedAt: now.toISOString(), procedures: out };
}

/** CSV columns: identity and validity, then every part; lists and objects as JSON in their cell, empty = none. */
export const CSV_COLUMNS = ['code', 'version', 'state', 'effectiveFrom', 'effectiveTo', ...PART_KEYS] as const;
const JSON_COLUMNS = new Set(['subjects', 'steps', 'channels', 'components', 'fees', 'legalBasis', 'formSchema', 'process', 'publication']);
const NULLABLE = new Set(['nameEn', 'agencyCode', 'sameDayCutoff', 'effectiveFrom', 'effectiveTo', 'state']);

export function catalogToCsv(doc: ExportDoc): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const p of doc.procedures) {
    for (const v of p.versions) {
      const record: Record<string, unknown> = { code: p.code, ...v };
      rows.push(CSV_COLUMNS.map((c) => {
        const value = record[c];
        if (value === null || value === undefined) return '';
        return JSON_COLUMNS.has(c) ? JSON.stringify(value) : String(value);
      }));
    }
  }
  return toCsv(rows);
}

function cellValue(column: string, cell: string, line: number): unknown {
  if (cell === '' && NULLABLE.has(column)) return column === 'state' ? undefined : null;
  if (JSON_COLUMNS.has(column)) {
    try {
      return JSON.parse(cell);
    } catch {
      throw errors.badRequest('csv_bad_cell', `Dòng ${line}, cột ${column}: không phải JSON hợp lệ.`, `Line ${line}, column ${column}: not valid JSON.`);
    }
  }
  if (column === 'version' || column === 'timeAmount') return cell === '' ? cell : Number(cell);
  if (column === 'fullOnlineEligible' || column === 'onlinePayment') return cell === 'true' ? true : cell === 'false' ? false : cell;
  return cell;
}

/** Rows back into the export document's shape (validated afterwards like a JSON import). */
export function csvToDocument(text: string): unknown {
  const [header, ...rows] = parseCsv(text);
  if (!header || CSV_COLUMNS.some((c) => !header.includes(c))) {
    throw errors.badRequest('csv_columns', `Tệp CSV phải có các cột: ${CSV_COLUMNS.join(', ')}.`, `The CSV must have the columns: ${CSV_COLUMNS.join(', ')}.`);
  }
  const procedures = new Map<string, Array<Record<string, unknown>>>();
  rows.forEach((cells, i) => {
    const record: Record<string, unknown> = {};
    header.forEach((column, j) => {
      if ((CSV_COLUMNS as readonly string[]).includes(column)) record[column] = cellValue(column, cells[j] ?? '', i + 2);
    });
    const { code, ...version } = record;
    for (const k of Object.keys(version)) if (version[k] === undefined) delete version[k];
    procedures.set(String(code), [...(procedures.get(String(code)) ?? []), version]);
  });
  return { format: EXPORT_FORMAT, formatVersion: 1, procedures: [...procedures].map(([code, versions]) => ({ code, versions })) };
}

export interface ImportSummary {
  created: number;
  replaced: number;
  drafted: number;
  unchanged: number;
  items: Array<{ code: string; result: 'created' | 'replaced' | 'drafted' | 'unchanged'; version: number }>;
}

/** The error of one procedure of an import, with its code in front so the operator finds it. */
function forItem(error: unknown, code: string, index: number): unknown {
  if (!(error instanceof AppError) || error.status !== 400) return error;
  const fields = error.fieldErrors.length ? error.fieldErrors : [{ field: '', message: error.messages }];
  return new AppError(400, error.code, { vi: `Thủ tục ${code}: ${error.messages.vi}`, en: `Procedure ${code}: ${error.messages.en}` }, fields.map((f) => ({ field: `procedures/${index}/${f.field}`.replace(/\/$/, ''), message: f.message })));
}

/**
 * Imports a package as DRAFTS only: per procedure, the newest version in the file becomes the draft,
 * unless the procedure already says exactly that (then nothing is written, so a re-import is a no-op).
 * All or nothing: one transaction.
 */
export async function importCatalog(trx: PsTrx, ctx: AppContext, actor: Actor, doc: ExportDoc): Promise<ImportSummary> {
  const summary: ImportSummary = { created: 0, replaced: 0, drafted: 0, unchanged: 0, items: [] };
  const codes = new Set<string>();
  for (const [index, item] of doc.procedures.entries()) {
    if (codes.has(item.code)) throw errors.badRequest('duplicate_procedure', `Thủ tục ${item.code} xuất hiện hai lần trong tệp.`, `Procedure ${item.code} appears twice in the file.`);
    codes.add(item.code);
    const newest = item.versions.reduce((a, b) => (b.version > a.version ? b : a));
    const { version: _v, state: _s, effectiveFrom: _f, effectiveTo: _t, agencyCode, agencyId: _id, ...rest } = newest;
    const parts: Parts = normalizeParts(rest as PartsInput, agencyCode ?? null);
    try {
      summary.items.push(await importOne(trx, ctx, actor, item.code, parts));
    } catch (error) {
      throw forItem(error, item.code, index);
    }
  }
  for (const i of summary.items) summary[i.result]++;
  await ctx.audit.record(platformTrx(trx), { actor, action: 'procedure.import', targetType: 'procedure', details: { created: summary.created, replaced: summary.replaced, drafted: summary.drafted, unchanged: summary.unchanged } });
  return summary;
}

async function importOne(trx: PsTrx, ctx: AppContext, actor: Actor, code: string, parts: Parts): Promise<ImportSummary['items'][number]> {
  const procedure = await procedureByCode(trx, code, true);
  if (!procedure) {
    const w = await createProcedure(trx, ctx, actor, code, parts);
    return { code, result: 'created', version: w.row.version };
  }
  const latest = (await versionsOf(trx, procedure.id))[0]!;
  const agencyCode = latest.agency_id ? ((await agenciesByIds(trx, [latest.agency_id])).get(latest.agency_id)?.code ?? null) : null;
  if (sameParts(partsOfRow(latest, agencyCode), parts)) return { code, result: 'unchanged', version: latest.version };
  const w = await saveDraft(trx, ctx, actor, procedure, parts);
  return { code, result: latest.state === 'draft' ? 'replaced' : 'drafted', version: w.row.version };
}
