import { Readable } from 'node:stream';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { App, AppContext } from '../../../platform/http/module.js';
import { AppError } from '../../../platform/http/errors.js';
import { deviceByCode } from './devices.js';
import { timeRange } from './range.js';
import { CodeParams, ExportQuery, PROBLEM, READ_ACCESS, tags } from './schemas.js';

export const MAX_EXPORT_ROWS = 1_000_000;
const PAGE = 5000;

interface ExportRow {
  metric: string;
  ts: Date | string;
  value: number;
  out_of_range: boolean;
}

/** Raw readings as CSV, streamed page by page (keyset on the primary key) so memory stays flat. */
export function registerExportRoute(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/iot/devices/:code/export.csv',
    {
      config: { access: READ_ACCESS },
      schema: {
        tags,
        summary: 'Raw readings of a device as CSV (ts, metric, value, out_of_range), by metric then time; at most 1,000,000 rows',
        description: 'Default range: the last 30 days. More than 1,000,000 rows is refused with 413: narrow the range or pick a metric.',
        params: CodeParams,
        querystring: ExportQuery,
        response: { 400: PROBLEM, 404: PROBLEM, 413: PROBLEM },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const range = timeRange(q, 30);
      const device = await deviceByCode(ctx.db, request.params.code);
      const filter = { deviceId: device.id, metric: q.metric, from: range.from.toISOString(), to: range.to.toISOString() };
      if ((await countUpTo(ctx.db, filter, MAX_EXPORT_ROWS + 1)) > MAX_EXPORT_ROWS) {
        throw new AppError(413, 'export_too_large', {
          vi: `Quá ${MAX_EXPORT_ROWS.toLocaleString('vi-VN')} bản ghi: hãy thu hẹp khoảng thời gian hoặc chọn một chỉ số.`,
          en: `More than ${MAX_EXPORT_ROWS.toLocaleString('en-US')} readings: narrow the range or pick a metric.`,
        });
      }
      const name = `${device.code}${q.metric ? `-${q.metric}` : ''}.csv`.replace(/[^A-Za-z0-9_.-]/g, '_');
      reply.header('content-disposition', `attachment; filename="${name}"`);
      reply.type('text/csv; charset=utf-8');
      return reply.send(Readable.from(csvLines(ctx.db, filter)));
    },
  );
}

interface Filter {
  deviceId: string;
  metric: string | undefined;
  from: string;
  to: string;
}

async function countUpTo(db: Kysely<any>, f: Filter, limit: number): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`
    select count(*) as n from (select 1 from iot_readings where ${where(f)} limit ${limit}) capped`.execute(db);
  return Number(rows[0]!.n);
}

function where(f: Filter) {
  const metric = f.metric === undefined ? sql`true` : sql`metric = ${f.metric}`;
  return sql`device_id = ${f.deviceId} and ${metric} and ts >= ${f.from}::timestamptz and ts < ${f.to}::timestamptz`;
}

async function* csvLines(db: Kysely<any>, f: Filter): AsyncGenerator<string> {
  yield 'ts,metric,value,out_of_range\n';
  let after: { metric: string; ts: string } | null = null;
  for (;;) {
    const next: RawBuilder<unknown> = after === null ? sql`true` : sql`(metric, ts) > (${after.metric}, ${after.ts}::timestamptz)`;
    const { rows }: { rows: ExportRow[] } = await sql<ExportRow>`
      select metric, ts, value, out_of_range from iot_readings where ${where(f)} and ${next} order by metric, ts limit ${PAGE}`.execute(db);
    if (rows.length === 0) return;
    yield rows.map((r) => `${new Date(r.ts).toISOString()},${r.metric},${Number(r.value)},${r.out_of_range}\n`).join('');
    const last: ExportRow = rows[rows.length - 1]!;
    after = { metric: last.metric, ts: new Date(last.ts).toISOString() };
    if (rows.length < PAGE) return;
  }
}
