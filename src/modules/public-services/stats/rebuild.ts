/**
 * Recomputing `dossier_stats_daily` from `dossiers` (and `dossier_evaluations`, `dossier_payments`
 * for the trigger-kept columns): after bulk imports, a repair, or to check the maintained counters.
 * The rules are those of facts.ts, written once more in SQL so the whole recount is one
 * `insert … select … group by` in the database: nothing per dossier passes through this process.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { COUNTER_COLUMNS, KEY_COLUMNS, type CounterColumn } from './tables.js';

export interface RebuildResult {
  rows: number;
}

const vn = (instant: string) => `((${instant} at time zone 'UTC') + interval '7 hours')::date`;

/** The SQL twin of `timeliness()` in facts.ts, for a dossier row `d` with its `end_at`. */
const LATE = `(d.supplement_requests > 1 or (d.due_at is not null and d.end_at > d.due_at))`;
const EARLY = `(not ${LATE} and d.due_at is not null and ${vn('d.end_at')} < ${vn('d.due_at')})`;

/** One branch of the facts: its day, the counters it sets (SQL expressions over `d`), its rows. */
interface Branch {
  day: string;
  counts: Partial<Record<CounterColumn, string>>;
  from: string;
}

const DOSSIER_FROM = (where: string) => `d where ${where}`;

const BRANCHES: Branch[] = [
  {
    day: vn('d.received_at'),
    counts: {
      received: '1',
      received_e_result: 'd.e_result::int',
      reused: 'd.reused_data::int',
      store_linked: "(d.reused_data or (d.e_result and coalesce(d.delivery_method = 'online', false)))::int",
      fee_dossiers: '(d.fee_total > 0)::int',
    },
    from: DOSSIER_FROM('d.received_at is not null'),
  },
  {
    day: vn('d.end_at'),
    counts: {
      finished: '1',
      finished_early: `${EARLY}::int`,
      finished_on_time: `(not ${LATE} and not ${EARLY})::int`,
      finished_late: `${LATE}::int`,
      withdrawn: '(d.status = 7)::int',
      stopped: '(d.status = 8)::int',
      with_supplement: '(d.supplement_requests > 0)::int',
      apology: '(d.extended_due_at is not null)::int',
      resolved: '(d.status in (9, 10))::int',
      digitised: '(d.digitised and d.status in (9, 10))::int',
      digitised_e_result: '(d.digitised and d.e_result and d.status in (9, 10))::int',
      e_result: '(d.e_result and d.status in (9, 10))::int',
      handling_minutes: `greatest(0, floor(extract(epoch from (date_trunc('milliseconds', d.end_at) - date_trunc('milliseconds', d.received_at))) / 60))::bigint`,
    },
    from: DOSSIER_FROM('d.end_at is not null'),
  },
  { day: vn('d.returned_at'), counts: { returned: '1' }, from: DOSSIER_FROM('d.status = 10 and d.returned_at is not null') },
  { day: vn('coalesce(d.finished_at, d.updated_at)'), counts: { refused: '1' }, from: DOSSIER_FROM('d.status = 3') },
  {
    day: vn('e.created_at'),
    counts: { evaluations: '1', rating_sum: 'e.rating', satisfied: '(e.rating >= 4)::int', dissatisfied: '(e.rating <= 2)::int' },
    from: 'dossier_evaluations e join d on d.id = e.dossier_id',
  },
  {
    day: vn('coalesce(d.received_at, p.first_paid_at)'),
    counts: { paid_online: '1' },
    from: `(select dossier_id, (array_agg(paid_at order by created_at, id))[1] as first_paid_at
            from dossier_payments where method in ('gateway', 'bank_transfer') group by dossier_id) p
           join d on d.id = p.dossier_id`,
  },
];

function branchSql(b: Branch): string {
  const counters = COUNTER_COLUMNS.map((c) => `${b.counts[c] ?? '0'} as ${c}`).join(', ');
  return `select ${b.day} as day, d.agency_id, d.receiving_agency_id, d.commune_code, d.procedure_code, d.channel, ${counters} from ${b.from}`;
}

/** The whole recount as one statement (exported for the test that compares it with the maintained rows). */
export function rebuildStatement(): RawBuilder<unknown> {
  const sums = COUNTER_COLUMNS.map((c) => `sum(${c})`).join(', ');
  return sql.raw(`
    insert into dossier_stats_daily (${KEY_COLUMNS.join(', ')}, ${COUNTER_COLUMNS.join(', ')})
    with d as (
      select id, status, channel, procedure_code, receiving_agency_id, received_at, due_at, finished_at, returned_at, updated_at,
        supplement_requests, extended_due_at, digitised, reused_data, delivery_method, fee_total,
        coalesce(handling_agency_id, receiving_agency_id) as agency_id,
        coalesce(commune_code, '') as commune_code,
        result_sha256 is not null as e_result,
        case when received_at is not null and status in (7, 8, 9, 10) then coalesce(finished_at, returned_at, updated_at) end as end_at
      from dossiers
      where status > 0
    ),
    facts as (${BRANCHES.map(branchSql).join('\n      union all\n      ')})
    select ${KEY_COLUMNS.join(', ')}, ${sums}
    from facts
    group by ${KEY_COLUMNS.join(', ')}`);
}

/**
 * Empties the table and counts everything again, in one transaction (the caller's, or a new one):
 * the `lock` makes concurrent commands wait, so no change is lost or counted twice.
 */
export async function rebuildDossierStats(db: Kysely<any>): Promise<RebuildResult> {
  const run = async (trx: Kysely<any>) => {
    await sql`lock table dossier_stats_daily, dossier_stats_monthly in exclusive mode`.execute(trx);
    // The monthly rollup follows the daily rows by trigger: emptied here, refilled by the insert.
    await sql`delete from dossier_stats_daily`.execute(trx);
    await sql`delete from dossier_stats_monthly`.execute(trx);
    const result = await rebuildStatement().execute(trx);
    return { rows: Number(result.numAffectedRows ?? 0) };
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}
