import { sql, type Kysely, type RawBuilder } from 'kysely';
import { endOfPeriod, startOfVietnamDay, type Period } from '../stats/period.js';
import type { StatsFilter } from '../stats/query.js';
import { DEFAULT_ALLOWED_DELAY_MINUTES } from './settings.js';

export interface SyncHealthOptions {
  /** NATIONAL_SYNC_ALLOWED_DELAY_MINUTES (`allowedDelayMinutes(ctx.config)`); 15 by default. */
  allowedDelayMinutes?: number;
  /** The same scope filter the other indicators use. */
  filter?: StatsFilter;
}

/**
 * Decision 766 indicator 1.4 (đồng bộ theo thời gian thực): of the dossiers active in the period —
 * received before its end and not closed before its start, or returned in it — those whose every
 * status change in the period (from receipt on) reached the portal within the allowed delay.
 * A change not delivered yet counts as late. Period days are Vietnam days, both ends inclusive.
 */
export async function syncHealth(db: Kysely<any>, period: Period, options: SyncHealthOptions = {}): Promise<{ numerator: number; denominator: number }> {
  const from = startOfVietnamDay(period.from);
  const to = endOfPeriod(period);
  const delay = options.allowedDelayMinutes ?? DEFAULT_ALLOWED_DELAY_MINUTES;
  const { rows } = await sql<{ denominator: string | number; late: string | number }>`
    with active as (
      select d.id, d.received_at from dossiers d
      where d.received_at is not null and d.received_at < ${to} and ${scope(options.filter ?? {})}
        and (d.finished_at is null or d.finished_at >= ${from} or (d.returned_at >= ${from} and d.returned_at < ${to}))
    ), late as (
      select distinct a.id from active a
      join dossier_events e on e.dossier_id = a.id
      where e.at >= ${from} and e.at < ${to} and e.at >= a.received_at
        and e.from_status is distinct from e.to_status
        and not exists (
          select 1 from dossier_sync_outbox o
          where o.dossier_id = e.dossier_id and o.status = e.to_status and o.at = e.at
            and o.delivered_at is not null and o.delivered_at <= o.at + make_interval(mins => ${delay}::int)
        )
    )
    select (select count(*) from active) as denominator, (select count(*) from late) as late`.execute(db);
  const denominator = Number(rows[0]?.denominator ?? 0);
  return { numerator: denominator - Number(rows[0]?.late ?? 0), denominator };
}

function scope(filter: StatsFilter): RawBuilder<unknown> {
  const parts = [sql`true`];
  if (filter.agencyId) parts.push(sql`coalesce(d.handling_agency_id, d.receiving_agency_id) = ${filter.agencyId}`);
  if (filter.receivingAgencyId) parts.push(sql`d.receiving_agency_id = ${filter.receivingAgencyId}`);
  if (filter.communeCode !== undefined) parts.push(sql`coalesce(d.commune_code, '') = ${filter.communeCode}`);
  if (filter.procedureCode) parts.push(sql`d.procedure_code = ${filter.procedureCode}`);
  return sql.join(parts, sql` and `);
}
