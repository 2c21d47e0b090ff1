import { test, before, after, mock } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import { signInAs, type SignedIn } from '../../../platform/testing/sign-in.js';
import { feedbackDb, type ReportStatus } from '../tables.js';
import { COUNTER_COLUMNS } from './record.js';
import { rebuildFeedbackStats } from './rebuild.js';

/**
 * The property: whatever sequence of creations, officer actions, ratings and reopenings happens
 * (including refused ones), the counters maintained by the use cases equal a rebuild from the
 * reports and their timelines. The clock (JavaScript `Date` only) moves forward by random steps so
 * results land on other days, late and after several working days.
 */
const SEED = Number(process.env.STATS_PROPERTY_SEED ?? 20261123);
const STEPS = 300;
const ANY = ['accept', 'refuse', 'start', 'resolve', 'close', 'transfer', 'note', 'rate', 'reopen'] as const;
const LIKELY: Record<ReportStatus, ReadonlyArray<(typeof ANY)[number]>> = {
  new: ['accept', 'accept', 'accept', 'refuse', 'close', 'transfer'],
  accepted: ['start', 'resolve', 'resolve', 'close', 'transfer', 'note'],
  in_progress: ['resolve', 'resolve', 'close', 'transfer'],
  resolved: ['close', 'rate', 'reopen', 'reopen'],
  closed: ['rate', 'reopen', 'note'],
};

let t: TestPlatform;
let citizen: SignedIn;
let admin: SignedIn;
let officer: SignedIn;
let points: Array<{ lat: number; lng: number }>;
let agencyIds: string[];
before(async () => {
  t = await createTestPlatform({ env: { FEEDBACK_REPORTS_PER_10_MIN: '100000' } });
  citizen = await signInAs(t.app, 'citizen');
  admin = await signInAs(t.app, 'system_admin');
  officer = await signInAs(t.app, 'officer');
  const db = feedbackDb(t.ctx.db);
  const home = await db.selectFrom('admin_units').select('parent_code').where('code', '=', '18880').executeTakeFirstOrThrow();
  const communes = await db
    .selectFrom('admin_units')
    .select(['code', 'centroid_lat', 'centroid_lng'])
    .where('parent_code', '=', home.parent_code)
    .where('centroid_lat', 'is not', null)
    .where('boundary', 'is not', null)
    .orderBy('code')
    .limit(4)
    .execute();
  points = communes.map((c) => ({ lat: c.centroid_lat!, lng: c.centroid_lng! }));
  agencyIds = (await db.selectFrom('agencies').select('id').orderBy('code').limit(6).execute()).map((a) => a.id);
});
after(async () => {
  mock.timers.reset();
  await t.close();
});

/** mulberry32: a small seeded generator, so a failure can be replayed with its seed. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! };
}

async function snapshot(): Promise<unknown[]> {
  const rows = await feedbackDb(t.ctx.db)
    .selectFrom('feedback_stats_daily')
    .select([sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day'), 'agency_id', 'commune_code', 'category_code', ...COUNTER_COLUMNS])
    .orderBy('day')
    .orderBy('agency_id')
    .orderBy('commune_code')
    .orderBy('category_code')
    .execute();
  return rows.map((r) => ({ ...r }));
}

test('counters maintained by every write equal a rebuild from reports and timelines, for a random history', async () => {
  const rng = random(SEED);
  const categories = ['hu-hong-duong', 'den-chieu-sang', 'cay-xanh', 'dat-dai', 'dien', 'khac'];
  const reports: Array<{ id: string; trackingCode: string }> = [];
  const ok = new Map<string, number>();
  const done = (what: string, status: number) => {
    if (status < 300) ok.set(what, (ok.get(what) ?? 0) + 1);
  };
  const before = await snapshot();
  // Start in the past so that moving the clock forward never outlives the sessions.
  const realNow = Date.now();
  mock.timers.enable({ apis: ['Date'], now: realNow - 250 * 86_400_000 });
  try {
    for (let step = 0; step < STEPS; step++) {
      const jump = rng.int(4) === 0 ? rng.int(3 * 86_400_000) : rng.int(5 * 3_600_000);
      if (Date.now() + jump < realNow) mock.timers.tick(jump);
      const roll = rng.next();
      if (reports.length < 4 || roll < 0.15) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/feedback/reports',
          headers: rng.int(5) === 0 ? {} : citizen.writeHeaders,
          payload: { categoryCode: rng.pick(categories), description: `Phản ánh thử số ${step}, cần xử lý.`, ...rng.pick(points) },
        });
        assert.equal(res.statusCode, 201, res.body);
        reports.push({ id: res.json().id, trackingCode: res.json().trackingCode });
        done('create', res.statusCode);
        continue;
      }
      // Recent reports more often, so that many of them go the whole way.
      const report = rng.pick(rng.next() < 0.7 ? reports.slice(-6) : reports);
      const state = await feedbackDb(t.ctx.db).selectFrom('feedback_reports').select(['status', 'outcome']).where('id', '=', report.id).executeTakeFirstOrThrow();
      // Mostly a step the report's state allows; sometimes anything at all (refusals must count nothing).
      const kind = rng.next() < 0.2 ? rng.pick(ANY) : rng.pick(LIKELY[state.status]);
      if (kind === 'rate') {
        const res = await t.app.inject({ method: 'POST', url: `/api/v1/feedback/reports/${report.id}/rating`, headers: citizen.writeHeaders, payload: { stars: 1 + rng.int(5) } });
        done('rate', res.statusCode);
      } else if (kind === 'reopen') {
        const res = await t.app.inject({ method: 'POST', url: `/api/v1/feedback/reports/${report.id}/reopen`, headers: citizen.writeHeaders, payload: { reason: 'Vẫn chưa được xử lý.' } });
        done('reopen', res.statusCode);
      } else {
        const action = kind;
        const payload: Record<string, unknown> = { action };
        if (action === 'refuse' || action === 'close' || action === 'transfer') payload.reason = 'Lý do thử nghiệm.';
        if (action === 'resolve') payload.resultText = 'Đã xử lý xong tại hiện trường.';
        if (action === 'note') payload.note = 'Ghi chú nội bộ.';
        if (action === 'transfer') payload.agencyId = rng.pick(agencyIds);
        if (action === 'close') {
          const outcome = rng.pick(['fixed', 'not_fixed', 'not_ours', 'duplicate', undefined] as const);
          if (outcome) payload.outcome = outcome;
          if (outcome === 'duplicate') payload.duplicateOf = rng.pick(reports).trackingCode;
        }
        const res = await t.app.inject({ method: 'POST', url: `/api/v1/feedback/reports/${report.id}/actions`, headers: (rng.int(5) === 0 ? officer : admin).writeHeaders, payload });
        assert.ok([200, 400, 403, 409].includes(res.statusCode), res.body);
        done(action, res.statusCode);
      }
    }
  } finally {
    mock.timers.reset();
  }
  const incremental = await snapshot();
  if (process.env.STATS_PROPERTY_VERBOSE) console.log(SEED, Object.fromEntries(ok));
  for (const what of ['create', 'accept', 'resolve', 'close', 'rate', 'reopen']) assert.ok((ok.get(what) ?? 0) > 0, `seed ${SEED}: no successful ${what}`);
  const sum = (rows: unknown[], c: string) => rows.reduce((n: number, r) => n + Number((r as Record<string, number>)[c]), 0);
  assert.equal(sum(incremental, 'received') - sum(before, 'received'), ok.get('create'), 'one received per created report');
  assert.ok(sum(incremental, 'resolved') > sum(incremental, 'resolved_on_time'), `seed ${SEED}: some results should be late`);
  assert.ok(sum(incremental, 'days_0') < sum(incremental, 'resolved'), `seed ${SEED}: some results should take working days`);

  const result = await feedbackDb(t.ctx.db).transaction().execute((trx) => rebuildFeedbackStats(trx));
  assert.ok(result.reports >= reports.length);
  assert.deepEqual(await snapshot(), incremental, `seed ${SEED}: rebuild differs from the maintained counters`);
});
