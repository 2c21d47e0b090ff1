import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import type { DossierRow } from '../dossiers/transition.js';
import { psDb } from '../tables.js';
import { rebuildDossierStats } from './rebuild.js';
import { COUNTER_COLUMNS, KEY_COLUMNS, MONTH_KEY_COLUMNS } from './tables.js';
import { change, createDossier, createProcedure, evaluate, fakeSha256, pay } from './test-support.js';

/**
 * The property: after any sequence of commands (receipt, refusal, hand-over, transfer, supplement
 * requests and supplements, payments, apology, digitisation, results, return, withdrawal, stop,
 * evaluations), the counters kept by recordStatsChange and the triggers equal a rebuild from the
 * dossiers. The clock moves forward by random steps so facts land on many days.
 */
const SEED = Number(process.env.STATS_PROPERTY_SEED ?? 20261202);
const STEPS = 200;

let t: TestPlatform;
before(async () => {
  t = await createTestPlatform();
});
after(() => t.close());

function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]! };
}

/** Every non-zero counter row, as comparable text. */
async function snapshot(): Promise<string[]> {
  const { rows } = await sql<Record<string, unknown>>`
    select to_char(day, 'YYYY-MM-DD') as day, ${sql.raw(KEY_COLUMNS.slice(1).join(', '))}, ${sql.raw(COUNTER_COLUMNS.join(', '))}
    from dossier_stats_daily`.execute(t.ctx.db);
  return rows
    .filter((r) => COUNTER_COLUMNS.some((c) => Number(r[c]) !== 0))
    .map((r) => [...KEY_COLUMNS.map((k) => String(r[k])), ...COUNTER_COLUMNS.map((c) => `${c}=${Number(r[c])}`)].join('|'))
    .sort();
}

/** The monthly rollup as comparable text, either as kept (by the triggers) or summed from the daily rows. */
async function monthlySnapshot(source: 'kept' | 'daily'): Promise<string[]> {
  const keys = sql.raw(KEY_COLUMNS.slice(1).join(', '));
  const sums = sql.raw(COUNTER_COLUMNS.map((c) => `sum(${c}) as ${c}`).join(', '));
  const { rows } =
    source === 'kept'
      ? await sql<Record<string, unknown>>`select to_char(month, 'YYYY-MM') as month, ${keys}, ${sql.raw(COUNTER_COLUMNS.join(', '))} from dossier_stats_monthly`.execute(t.ctx.db)
      : await sql<Record<string, unknown>>`select to_char(day, 'YYYY-MM') as month, ${keys}, ${sums} from dossier_stats_daily group by 1, ${keys}`.execute(t.ctx.db);
  return rows
    .filter((r) => COUNTER_COLUMNS.some((c) => Number(r[c]) !== 0))
    .map((r) => [...MONTH_KEY_COLUMNS.map((k) => String(r[k])), ...COUNTER_COLUMNS.map((c) => `${c}=${Number(r[c])}`)].join('|'))
    .sort();
}

test(`maintained counters equal a rebuild after ${STEPS} random commands (seed ${SEED})`, async () => {
  const rnd = random(SEED);
  const ctx = t.ctx;
  const db = psDb(ctx.db);
  const agencies = (await db.selectFrom('agencies').select('id').orderBy('code').limit(4).execute()).map((a) => a.id);
  const procedures = [
    await createProcedure(ctx, { code: 'PROP-A', agencyId: agencies[0]!, feeAmount: 50_000, onlinePayment: true }),
    await createProcedure(ctx, { code: 'PROP-B', agencyId: agencies[1]!, resultType: 'none', onlineLevel: 'partial' }),
    await createProcedure(ctx, { code: 'PROP-C', agencyId: null, level: 'commune', resultType: 'paper' }),
  ];
  let clock = new Date('2026-03-02T01:30:00Z');
  const tick = () => {
    clock = new Date(clock.getTime() + rnd.int(36 * 60) * 60_000);
    return clock;
  };
  const dossiers: DossierRow[] = [];
  const evaluated = new Set<string>();
  let counted = 0;
  const visited = new Set<number>();

  for (let step = 0; step < STEPS; step++) {
    const at = tick();
    if (dossiers.length < 8 || rnd.next() < 0.15) {
      const row = await createDossier(ctx, { procedure: rnd.pick(procedures), channel: rnd.pick(['online', 'counter', 'post'] as const), receivingAgencyId: rnd.pick(agencies), communeCode: rnd.pick([null, '18880', '18883']), at });
      dossiers.push(row);
      continue;
    }
    // Pick among dossiers something can still happen to (terminal ones would make most steps idle).
    const active = dossiers.map((d, i) => [d, i] as const).filter(([d]) => [1, 2, 4, 5, 6, 9].includes(d.status) || (d.status === 10 && !evaluated.has(d.id)));
    if (active.length === 0) continue;
    const [d, index] = rnd.pick(active);
    const days = (n: number) => new Date(at.getTime() + n * 86_400_000);
    let next: DossierRow | undefined;
    switch (d.status) {
      case 1:
        next = rnd.next() < 0.8
          ? await change(ctx, d.id, { action: 'receive', to: 2, at, changes: { received_at: at, due_at: days(1 + rnd.int(6)), fee_total: rnd.pick([0, 0, 30_000]), reused_data: rnd.next() < 0.4, digitised: rnd.next() < 0.5, handling_agency_id: rnd.next() < 0.5 ? rnd.pick(agencies) : null } })
          : await change(ctx, d.id, { action: 'refuse', to: 3, at, changes: rnd.next() < 0.5 ? { finished_at: at } : {} });
        break;
      case 2:
        next = rnd.next() < 0.85 ? await change(ctx, d.id, { action: 'hand_over', to: 4, at, changes: { handling_agency_id: rnd.pick(agencies) } }) : await change(ctx, d.id, { action: 'withdraw', to: 7, at, changes: { finished_at: at, outcome: 'withdrawn' } });
        break;
      case 4: {
        const action = rnd.pick(['supplement', 'payment', 'result', 'result', 'result', 'stop', 'transfer', 'apology', 'digitise', 'advance', 'withdraw'] as const);
        if (action === 'supplement') next = await change(ctx, d.id, { action: 'request_supplement', to: 5, at, changes: { supplement_requests: d.supplement_requests + 1, paused_since: at } });
        if (action === 'payment') next = await change(ctx, d.id, { action: 'request_payment', to: 6, at });
        if (action === 'result') next = await change(ctx, d.id, { action: 'issue_result', to: 9, at, changes: { finished_at: at, outcome: 'approved', result_sha256: rnd.next() < 0.7 ? fakeSha256() : null } });
        if (action === 'stop') next = await change(ctx, d.id, { action: 'stop', to: 8, at, changes: { finished_at: rnd.next() < 0.5 ? at : null, outcome: 'stopped' } });
        if (action === 'transfer') next = await change(ctx, d.id, { action: 'transfer', to: 4, at, changes: { handling_agency_id: rnd.pick(agencies) } });
        if (action === 'apology') next = await change(ctx, d.id, { action: 'apology', to: 4, at, changes: { extended_due_at: days(3) } });
        if (action === 'digitise') next = await change(ctx, d.id, { action: 'digitise', to: 4, at, changes: { digitised: true } });
        if (action === 'advance') next = await change(ctx, d.id, { action: 'advance', to: 4, at, subState: 'appraisal' });
        if (action === 'withdraw') next = await change(ctx, d.id, { action: 'withdraw', to: 7, at, changes: { outcome: 'withdrawn' } });
        break;
      }
      case 5:
        next = rnd.next() < 0.85
          ? await change(ctx, d.id, { action: 'supplement', to: 4, at, changes: { paused_since: null, due_at: new Date((d.due_at ?? at).getTime() + (at.getTime() - (d.paused_since ?? at).getTime())) } })
          : await change(ctx, d.id, { action: 'withdraw', to: 7, at, changes: { finished_at: at, outcome: 'withdrawn' } });
        break;
      case 6: {
        const method = rnd.pick(['gateway', 'bank_transfer', 'counter'] as const);
        await pay(ctx, d.id, method, 30_000, at);
        next = await change(ctx, d.id, { action: 'pay', to: 4, at, changes: { fee_status: 'paid' } });
        break;
      }
      case 9:
        if (rnd.next() < 0.6) next = await change(ctx, d.id, { action: 'return', to: 10, at, changes: { returned_at: at, delivery_method: rnd.pick(['counter', 'online', 'post'] as const) } });
        else if (!evaluated.has(d.id)) {
          await evaluate(ctx, d.id, 1 + rnd.int(5), at);
          evaluated.add(d.id);
          counted++;
        }
        break;
      case 10:
        if (!evaluated.has(d.id)) {
          await evaluate(ctx, d.id, 1 + rnd.int(5), at);
          evaluated.add(d.id);
          counted++;
        }
        break;
      default:
        break;
    }
    if (next) {
      visited.add(next.status);
      dossiers[index] = next;
      counted++;
    }
  }
  assert.ok(counted > STEPS / 2, `most steps changed a dossier or added an evaluation (${counted})`);
  for (const s of [2, 3, 4, 5, 6, 7, 8, 9, 10]) assert.ok(visited.has(s), `the run went through status ${s}`);

  const maintained = await snapshot();
  assert.ok(maintained.length > 20, `many counter rows (${maintained.length})`);
  assert.deepEqual(await monthlySnapshot('kept'), await monthlySnapshot('daily'), 'the monthly rollup equals the daily rows summed per month');
  await rebuildDossierStats(ctx.db);
  const rebuilt = await snapshot();
  assert.deepEqual(maintained, rebuilt);
  assert.deepEqual(await monthlySnapshot('kept'), await monthlySnapshot('daily'), 'after a rebuild too');
});
