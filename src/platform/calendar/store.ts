/**
 * Reading and writing the overlay tables. Every function takes the executor to use, so callers inside
 * a transaction pass `trx` (the embedded database has one connection: using the pool there would wait
 * forever for the transaction's own connection).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/tables.js';
import type { IsoDate } from './civil-date.js';
import type { OverlayEntry, OverlayKind } from './overlay.js';

export type Executor = Kysely<Database>;

const dayText = sql<string>`to_char(day, 'YYYY-MM-DD')`;

function overrideColumns(db: Executor) {
  return db
    .selectFrom('calendar_overrides')
    .select(['id', dayText.as('date'), 'kind', 'name_vi', 'name_en', 'source', 'valid_from_version', 'valid_to_version', 'created_at']);
}

type OverrideRow = Awaited<ReturnType<ReturnType<typeof overrideColumns>['execute']>>[number];

export interface StoredOverride extends OverlayEntry {
  createdAt: Date;
}

function toEntry(row: OverrideRow): StoredOverride {
  return {
    id: row.id,
    date: row.date,
    kind: row.kind,
    name: { vi: row.name_vi, en: row.name_en },
    source: row.source,
    validFromVersion: Number(row.valid_from_version),
    validToVersion: row.valid_to_version === null ? null : Number(row.valid_to_version),
    createdAt: new Date(row.created_at),
  };
}

/** The newest calendar version (1 at least: the migration ships version 1). */
export async function latestVersion(db: Executor): Promise<number> {
  const row = await db.selectFrom('calendar_versions').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst();
  return Number(row?.v ?? 0);
}

export async function versionExists(db: Executor, version: number): Promise<boolean> {
  const row = await db.selectFrom('calendar_versions').select('version').where('version', '=', version).executeTakeFirst();
  return !!row;
}

/** The overlay as it stood at `version`: added at or before it and not removed by then. */
export async function overlayAt(db: Executor, version: number): Promise<StoredOverride[]> {
  const rows = await overrideColumns(db)
    .where('valid_from_version', '<=', version)
    .where((eb) => eb.or([eb('valid_to_version', 'is', null), eb('valid_to_version', '>', version)]))
    .orderBy('day')
    .execute();
  return rows.map(toEntry);
}

/** Overlay entries for the admin list: in force now, or with `history` also the removed ones. */
export async function listOverrides(db: Executor, options: { year?: number | undefined; history?: boolean | undefined }): Promise<StoredOverride[]> {
  let query = overrideColumns(db);
  if (!options.history) query = query.where('valid_to_version', 'is', null);
  if (options.year !== undefined) {
    query = query.where(sql<boolean>`day >= ${`${options.year}-01-01`}::date and day <= ${`${options.year}-12-31`}::date`);
  }
  const rows = await query.orderBy('day').orderBy('valid_from_version').execute();
  return rows.map(toEntry);
}

export async function findOverride(db: Executor, id: string): Promise<StoredOverride | null> {
  const row = await overrideColumns(db).where('id', '=', id).executeTakeFirst();
  return row ? toEntry(row) : null;
}

export interface VersionInfo {
  version: number;
  changedAt: Date;
  changedBy: string;
  note: string;
}

export async function listVersions(db: Executor, limit = 200): Promise<VersionInfo[]> {
  const rows = await db.selectFrom('calendar_versions').select(['version', 'changed_at', 'changed_by', 'note']).orderBy('version', 'desc').limit(limit).execute();
  return rows.map((r) => ({ version: Number(r.version), changedAt: new Date(r.changed_at), changedBy: r.changed_by, note: r.note }));
}

/**
 * Opens the next calendar version. The table lock serialises concurrent changes (two admins saving
 * at once get versions n+1 and n+2, not a duplicate-key error) and is released at commit.
 */
export async function openNextVersion(
  trx: Transaction<Database>,
  change: { changedBy: string; changedByUserId: string | null; note: string },
): Promise<number> {
  await sql`lock table calendar_versions in exclusive mode`.execute(trx);
  const version = (await latestVersion(trx)) + 1;
  await trx
    .insertInto('calendar_versions')
    .values({ version, changed_by: change.changedBy, changed_by_user_id: change.changedByUserId, note: change.note })
    .execute();
  return version;
}

export async function insertOverride(
  trx: Transaction<Database>,
  entry: { date: IsoDate; kind: OverlayKind; nameVi: string; nameEn: string; source: string; version: number },
): Promise<StoredOverride> {
  const row = await trx
    .insertInto('calendar_overrides')
    .values({ day: entry.date, kind: entry.kind, name_vi: entry.nameVi, name_en: entry.nameEn, source: entry.source, valid_from_version: entry.version })
    .returning('id')
    .executeTakeFirstOrThrow();
  const stored = await findOverride(trx, row.id);
  if (!stored) throw new Error('inserted override vanished');
  return stored;
}

/** Closes an entry at `version` (it stays in the table for the versions before). */
export async function closeOverride(trx: Transaction<Database>, id: string, version: number): Promise<boolean> {
  const result = await trx
    .updateTable('calendar_overrides')
    .set({ valid_to_version: version })
    .where('id', '=', id)
    .where('valid_to_version', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
