import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestPlatform } from '../../../platform/testing/test-platform.js';
import { END_STATUSES, NATIONAL_STATUSES, OPEN_STATUSES, RECEIVED } from '../statuses.js';
import { psDb } from '../tables.js';
import { generateDemoDossiers, TEST_DEMO_DOSSIERS } from './generate.js';
import { planDemoDossiers } from './plan.js';
import { loadDemoWorld } from './world.js';

const CODE = /^[A-Z0-9-]+-\d{6}-\d{4}$/;

test('demo dossiers: a first start loads a year of them, every row marked demo, codes unique and in the national format', async (t) => {
  const platform = await createTestPlatform();
  t.after(() => platform.close());
  const db = psDb(platform.ctx.db);
  const rows = await db.selectFrom('dossiers').select(['code', 'is_demo', 'status', 'received_at', 'due_at', 'due_explanation', 'channel', 'submitted_at']).execute();
  assert.equal(rows.length, TEST_DEMO_DOSSIERS);
  assert.ok(rows.every((r) => r.is_demo));
  const codes = rows.flatMap((r) => (r.code ? [r.code] : []));
  assert.equal(new Set(codes).size, codes.length, 'no code is used twice');
  assert.ok(codes.every((c) => CODE.test(c)), 'every code is {agency}-{yyMMdd}-{seq4}');
  for (const r of rows.filter((x) => x.received_at)) {
    assert.ok(r.code && r.due_at && r.due_explanation, 'a received dossier has its code, due date and explanation');
    assert.ok(r.received_at! >= r.submitted_at!, 'receipt never precedes submission');
  }
  const statuses = new Set(rows.map((r) => r.status));
  assert.ok(statuses.has(10) && statuses.has(4), `a realistic mix of statuses, got ${[...statuses].join(',')}`);
  assert.ok(new Set(rows.map((r) => r.channel)).size >= 2, 'counter and online filing both appear');
});

test('demo dossiers: each status is where its own trail ends, and the statistics count exactly the received ones', async (t) => {
  const platform = await createTestPlatform();
  t.after(() => platform.close());
  const db = psDb(platform.ctx.db);
  const mismatched = await sql<{ n: string }>`
    select count(*) as n from dossiers d
    where d.is_demo and d.status <> (select e.to_status from dossier_events e where e.dossier_id = d.id order by e.at desc, e.id desc limit 1)`.execute(db);
  assert.equal(Number(mismatched.rows[0]!.n), 0);
  const received = await db.selectFrom('dossiers').select(db.fn.countAll<string>().as('n')).where('received_at', 'is not', null).executeTakeFirstOrThrow();
  const counted = await sql<{ n: string }>`select coalesce(sum(received), 0) as n from dossier_stats_daily`.execute(db);
  assert.equal(Number(counted.rows[0]!.n), Number(received.n));
  const open = await db.selectFrom('dossiers').select(db.fn.countAll<string>().as('n')).where('status', 'in', [...OPEN_STATUSES]).executeTakeFirstOrThrow();
  const ended = await db.selectFrom('dossiers').select(db.fn.countAll<string>().as('n')).where('status', 'in', [...END_STATUSES]).executeTakeFirstOrThrow();
  assert.ok(Number(ended.n) > Number(open.n), 'most of a past year has been finished');
  assert.ok(Object.keys(NATIONAL_STATUSES).includes(String(RECEIVED)));
});

test('demo dossiers: the same seed plans the same year, and a later generation continues the code sequences', async (t) => {
  const platform = await createTestPlatform();
  t.after(() => platform.close());
  const until = new Date('2026-06-30T17:00:00+07:00');
  const world = await loadDemoWorld(platform.ctx.db, until);
  assert.ok(world.procedures.length >= 30, 'the demo catalog is in force');
  const summary = (seed: number) => [...planDemoDossiers(world, { count: 50, seed, until })].map((p) => `${p.procedure.code}|${p.channel}|${p.submittedAt.toISOString()}|${p.applicant.name}`);
  assert.deepEqual(summary(5), summary(5));
  assert.notDeepEqual(summary(5), summary(6));

  const before = await psDb(platform.ctx.db).selectFrom('dossiers').select('code').where('code', 'is not', null).execute();
  const result = await generateDemoDossiers(platform.ctx, { count: 120, seed: 99, until: new Date() });
  assert.equal(result.count, 120);
  const after = await psDb(platform.ctx.db).selectFrom('dossiers').select('code').where('code', 'is not', null).execute();
  const all = after.map((r) => r.code!);
  assert.equal(new Set(all).size, all.length, 'codes of the second generation never repeat the first');
  assert.ok(all.length > before.length);
  const behind = await sql<{ n: string }>`
    select count(*) as n from dossiers d
    join agencies a on a.id = d.receiving_agency_id
    join dossier_code_sequences s on s.agency_code = a.code and to_char(s.day, 'YYMMDD') = split_part(right(d.code, 11), '-', 1)
    where d.code is not null and s.last_seq < right(d.code, 4)::int`.execute(platform.ctx.db);
  assert.equal(Number(behind.rows[0]!.n), 0, 'the sequences are at or past every code handed out, so a real receipt never reuses one');
});
