import { sql, type Kysely } from 'kysely';

/**
 * Monthly partitions of `iot_readings` (phân vùng theo tháng). Bounds are whole UTC months, so a
 * partition's name says its range and retention can drop a month with one cheap `drop table`
 * instead of deleting millions of rows. Readings outside every partition (very old, or from a
 * device whose clock is far ahead) land in `iot_readings_default`.
 */
export const READINGS_DEFAULT_PARTITION = 'iot_readings_default';
const NAME = /^iot_readings_y(\d{4})m(\d{2})$/;

export interface MonthRange {
  name: string;
  from: Date;
  to: Date;
}

/** The month containing `at`, shifted by `offset` months. */
export function monthPartition(at: Date, offset = 0): MonthRange {
  const from = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + offset, 1));
  const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
  const name = `iot_readings_y${from.getUTCFullYear()}m${String(from.getUTCMonth() + 1).padStart(2, '0')}`;
  return { name, from, to };
}

function rangeOfName(name: string): MonthRange | null {
  const m = NAME.exec(name);
  if (!m) return null;
  return monthPartition(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)));
}

/** The monthly partitions that exist, oldest first. */
export async function readingPartitions(db: Kysely<any>): Promise<MonthRange[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where i.inhparent = 'iot_readings'::regclass`.execute(db);
  return rows
    .map((r) => rangeOfName(r.name))
    .filter((r): r is MonthRange => r !== null)
    .sort((a, b) => a.from.getTime() - b.from.getTime());
}

/**
 * Creates the partitions of the month before `now` up to two months after it (the daily job keeps
 * them ahead of the clock). Returns the names created.
 */
export async function ensureReadingPartitions(db: Kysely<any>, now: Date = new Date()): Promise<string[]> {
  const existing = new Set((await readingPartitions(db)).map((p) => p.name));
  const created: string[] = [];
  for (let offset = -1; offset <= 2; offset++) {
    const month = monthPartition(now, offset);
    if (existing.has(month.name)) continue;
    // Inside a migration `db` is already a transaction.
    if (db.isTransaction) await createPartition(db, month);
    else await db.transaction().execute((trx) => createPartition(trx, month));
    created.push(month.name);
  }
  return created;
}

/**
 * A new partition may cover rows that went to the default partition before it existed (a clock far
 * ahead); Postgres refuses to create it then. So the rows move into a plain table first, which is then
 * attached. The default partition is locked first so no row for that month slips in meanwhile.
 */
async function createPartition(trx: Kysely<any>, month: MonthRange): Promise<void> {
  const table = sql.table(month.name);
  const from = month.from.toISOString();
  const to = month.to.toISOString();
  await sql`lock table iot_readings_default in share row exclusive mode`.execute(trx);
  await sql`create table ${table} (like iot_readings including defaults including constraints)`.execute(trx);
  await sql`
    with moved as (delete from iot_readings_default where ts >= ${from}::timestamptz and ts < ${to}::timestamptz returning *)
    insert into ${table} select * from moved`.execute(trx);
  await sql`alter table iot_readings attach partition ${table} for values from (${sql.lit(from)}) to (${sql.lit(to)})`.execute(trx);
}

export interface RetentionResult {
  droppedPartitions: string[];
  deletedFromDefault: number;
}

/**
 * Drops the monthly partitions wholly older than `days` before `now` and deletes older rows from the
 * default partition. Rollups stay: they are the long-term record. `days` = 0 keeps raw readings forever.
 */
export async function applyRawRetention(db: Kysely<any>, days: number, now: Date = new Date()): Promise<RetentionResult> {
  const result: RetentionResult = { droppedPartitions: [], deletedFromDefault: 0 };
  if (days <= 0) return result;
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  for (const partition of await readingPartitions(db)) {
    if (partition.to.getTime() > cutoff.getTime()) break;
    await sql`drop table ${sql.table(partition.name)}`.execute(db);
    result.droppedPartitions.push(partition.name);
  }
  const deleted = await sql`delete from iot_readings_default where ts < ${cutoff.toISOString()}::timestamptz`.execute(db);
  result.deletedFromDefault = Number(deleted.numAffectedRows ?? 0);
  return result;
}
