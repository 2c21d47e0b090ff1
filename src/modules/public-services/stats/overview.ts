/**
 * For the operations centre (IOC): the headline figures of public services over a period, from the
 * maintained aggregates, plus the dossiers overdue right now (open dossiers, `dossiers_open_due_idx`).
 * Cheap enough to poll; no personal data.
 */
import { sql, type Kysely } from 'kysely';
import { round4 } from './curves.js';
import type { Period } from './period.js';
import { totalSums } from './query.js';

export interface PublicServicesOverview {
  from: string;
  to: string;
  received: number;
  finished: number;
  /** (early + on time) / finished, national rule; null without finished dossiers. */
  onTimeRate: number | null;
  /** online receipts / receipts. */
  onlineRate: number | null;
  /** Open dossiers past their due date now (or with more than one supplement request). */
  overdueNow: number;
  satisfaction: { evaluations: number; averageRating: number | null; satisfiedRate: number | null };
}

export async function publicServicesOverview(db: Kysely<any>, period: Period, now = new Date()): Promise<PublicServicesOverview> {
  const all = await totalSums(db, period, {});
  const online = await onlineReceived(db, period);
  const { rows } = await sql<{ overdue: string }>`
    select count(*) as overdue from dossiers
    where status in (2, 4, 5, 6)
      and (supplement_requests > 1 or due_at < case when status = 5 and paused_since is not null then paused_since else ${now} end)`.execute(db);
  const rate = (n: number, d: number) => (d > 0 ? round4(n / d) : null);
  return {
    from: period.from,
    to: period.to,
    received: all.received,
    finished: all.finished,
    onTimeRate: rate(all.finished_early + all.finished_on_time, all.finished),
    onlineRate: rate(online, all.received),
    overdueNow: Number(rows[0]?.overdue ?? 0),
    satisfaction: {
      evaluations: all.evaluations,
      averageRating: all.evaluations > 0 ? Math.round((all.rating_sum / all.evaluations) * 100) / 100 : null,
      satisfiedRate: rate(all.satisfied, all.evaluations),
    },
  };
}

async function onlineReceived(db: Kysely<any>, period: Period): Promise<number> {
  const { rows } = await sql<{ n: string | null }>`
    select sum(received) as n from dossier_stats_daily where day between ${period.from} and ${period.to} and channel = 'online'`.execute(db);
  return Number(rows[0]?.n ?? 0);
}
