import { sql, type Kysely, type RawBuilder } from 'kysely';

export interface BulkLatestFilter {
  codes?: string[] | undefined;
  typeCode?: string | undefined;
  sector?: string | undefined;
}

/** A JSON string of the time in ISO 8601 UTC with milliseconds, as `Date.toISOString()` writes it. */
const isoJson = (column: RawBuilder<unknown>) => sql`'"' || to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"'`;

/**
 * The body of `GET /api/v1/iot/latest` as compact JSON text, `{"items":[{"code","lastSeenAt","values"}],"truncated"}`
 * (schemas.ts BulkLatestResponse), written by one statement: the devices by code (the indexes on
 * (type_id, code) and (sector, code) serve the filters), each with its latest values read from the
 * primary key of `iot_latest`. Turning thousands of values into rows, objects and back into JSON cost
 * Node several times what it costs Postgres to write the text. Codes and metric keys go through
 * `to_json` (escaping); values are finite doubles, whose text form is a JSON number.
 */
export async function bulkLatestJson(db: Kysely<any>, filter: BulkLatestFilter, limit: number): Promise<string> {
  const conditions = [sql`true`];
  if (filter.codes) conditions.push(sql`d.code = any(${filter.codes}::text[])`);
  if (filter.typeCode) conditions.push(sql`d.type_id = (select id from iot_device_types where code = ${filter.typeCode})`);
  if (filter.sector) conditions.push(sql`d.sector = ${filter.sector}`);
  const { rows } = await sql<{ body: string }>`
    with matched as (
      select d.id, d.code, d.last_seen_at, row_number() over (order by d.code) as n from iot_devices d
      where ${sql.join(conditions, sql` and `)} order by d.code limit ${limit + 1}
    )
    select '{"items":[' || coalesce(string_agg(
      '{"code":' || to_json(l.code) || ',"lastSeenAt":' || coalesce(${isoJson(sql`l.last_seen_at`)}, 'null') || ',"values":{' || coalesce((
        select string_agg(to_json(v.metric) || ':{"value":' || v.value || ',"ts":' || ${isoJson(sql`v.ts`)} || '}', ',' order by v.metric)
        from iot_latest v where v.device_id = l.id
      ), '') || '}}', ',' order by l.code) filter (where l.n <= ${limit}), '') || '],"truncated":' || (count(*) > ${limit}) || '}' as body
    from matched l`.execute(db);
  return rows[0]!.body;
}
