import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import { planDemoReports, FLOOD_CATEGORIES, type PlannedReport } from './plan.js';
import { loadDemoWorld, type DemoWorld } from './world.js';

// The plan alone (no database writes): distributions need a few thousand reports, which plan in about a second.
let t: TestPlatform;
let world: DemoWorld;
let year: PlannedReport[];
const until = new Date('2026-12-31T17:00:00Z');
const DAY = 86_400_000;

before(async () => {
  t = await createTestPlatform();
  world = await loadDemoWorld(t.ctx.db);
  year = [...planDemoReports(world, { count: 4000, seed: 11, until })];
});
after(() => t.close());

const monthOf = (r: PlannedReport) => new Date(r.createdAt.getTime() + 7 * 3_600_000).getUTCMonth() + 1;

test('the plan is deterministic for a seed, and another seed gives other reports', () => {
  const again = [...planDemoReports(world, { count: 4000, seed: 11, until })];
  assert.deepEqual(again, year);
  const other = [...planDemoReports(world, { count: 300, seed: 12, until })];
  assert.notDeepEqual(other.map((r) => r.id), year.slice(0, 300).map((r) => r.id));
});

test('the year is the 365 days before "until", in order of arrival, with exactly the requested count', () => {
  assert.equal(year.length, 4000);
  assert.ok(year.every((r, i) => i === 0 || year[i - 1]!.createdAt <= r.createdAt));
  assert.ok(year[0]!.createdAt.getTime() >= until.getTime() - 366 * DAY);
  assert.ok(year.at(-1)!.createdAt <= until);
  const weekday = (r: PlannedReport) => new Date(r.createdAt.getTime() + 7 * 3_600_000).getUTCDay();
  const mondays = year.filter((r) => weekday(r) === 1).length;
  const sundays = year.filter((r) => weekday(r) === 0).length;
  assert.ok(mondays > sundays * 1.2, `weekly rhythm: ${mondays} on Mondays, ${sundays} on Sundays`);
});

test('autumn months have several times more flooding reports than spring, mostly in the coastal and river communes', () => {
  const flooding = year.filter((r) => FLOOD_CATEGORIES.has(r.categoryCode));
  const autumn = flooding.filter((r) => [9, 10, 11].includes(monthOf(r)));
  const spring = flooding.filter((r) => [3, 4, 5].includes(monthOf(r)));
  assert.ok(autumn.length > spring.length * 3, `autumn ${autumn.length}, spring ${spring.length}`);
  const prone = new Set(world.communes.filter((c) => c.floodProne).map((c) => c.code));
  const floodWater = autumn.filter((r) => r.categoryCode === 'ngap-ung-thoat-nuoc');
  const inProne = floodWater.filter((r) => prone.has(r.communeCode)).length;
  assert.ok(inProne > floodWater.length * 0.75, `${inProne} of ${floodWater.length} autumn flooding reports in flood-prone communes`);
});

test('urban wards get more reports each than rural communes (the population proxy)', () => {
  const perCommune = new Map<string, number>();
  for (const r of year) perCommune.set(r.communeCode, (perCommune.get(r.communeCode) ?? 0) + 1);
  const mean = (kind: string) => {
    const list = world.communes.filter((c) => c.kind === kind);
    return list.reduce((s, c) => s + (perCommune.get(c.code) ?? 0), 0) / list.length;
  };
  assert.ok(mean('ward') > mean('lowland') * 3, `ward ${mean('ward')}, lowland ${mean('lowland')}`);
  assert.ok(mean('lowland') > mean('upland'));
});

test('old reports are mostly closed (~80 % fixed, some not fixed, not ours, duplicate, refused); recent ones are still open', () => {
  const old = year.filter((r) => until.getTime() - r.createdAt.getTime() > 60 * DAY);
  const closed = old.filter((r) => r.status === 'closed');
  assert.ok(closed.length > old.length * 0.95, `${closed.length} of ${old.length} old reports closed`);
  const share = (o: string) => closed.filter((r) => r.outcome === o).length / closed.length;
  assert.ok(share('fixed') > 0.72 && share('fixed') < 0.9, `fixed ${share('fixed')}`);
  for (const o of ['not_fixed', 'not_ours', 'refused', 'duplicate']) assert.ok(share(o) > 0.003 && share(o) < 0.12, `${o} ${share(o)}`);
  assert.ok(closed.filter((r) => r.outcome !== 'fixed').every((r) => r.outcomeReason), 'every other outcome has a reason');
  const recent = year.filter((r) => until.getTime() - r.createdAt.getTime() < 2 * DAY);
  assert.ok(recent.length > 0);
  assert.ok(recent.filter((r) => r.status !== 'closed').length > recent.length * 0.5, 'most reports of the last two days are open');
  for (const s of ['new', 'accepted', 'in_progress', 'resolved']) assert.ok(year.some((r) => r.status === s), `some reports are ${s}`);
});

test('about 60 % of resolved reports are rated, skewed to 4–5 stars; most results are on time', () => {
  const resolvedOnce = year.filter((r) => r.events.some((e) => e.kind === 'resolve') && until.getTime() - r.createdAt.getTime() > 60 * DAY);
  const rated = resolvedOnce.filter((r) => r.ratingStars !== null);
  const share = rated.length / resolvedOnce.length;
  assert.ok(share > 0.5 && share < 0.7, `rated ${share}`);
  const fiveOrFour = rated.filter((r) => r.ratingStars! >= 4).length / rated.length;
  assert.ok(fiveOrFour > 0.65, `4–5 stars ${fiveOrFour}`);
  const withResult = year.filter((r) => r.resolvedAt);
  const late = withResult.filter((r) => r.resolvedAt! > r.dueAt).length / withResult.length;
  assert.ok(late > 0.05 && late < 0.3, `late share ${late}`);
});

test('states agree with timestamps and the timeline (closed ⇒ closed_at and outcome, resolved_at ≤ closed_at, events in order)', () => {
  const changes: Record<string, string[]> = { new: ['received', 'transfer'], accepted: ['accept'], in_progress: ['start', 'reopened'], resolved: ['resolve'], closed: ['close', 'refuse'] };
  for (const r of year) {
    assert.equal(r.status === 'closed', r.outcome !== null, r.id);
    assert.equal(r.status === 'closed', r.closedAt !== null, r.id);
    if (r.resolvedAt && r.closedAt) assert.ok(r.resolvedAt <= r.closedAt, r.id);
    if (r.acceptedAt) assert.ok(r.acceptedAt >= r.createdAt, r.id);
    if (r.status === 'new') assert.equal(r.acceptedAt, null);
    if (r.status === 'resolved') assert.ok(r.resolvedAt && r.resultText);
    if (r.ratedAt) {
      assert.ok(r.ratingStars, r.id);
      assert.ok(r.outcome === 'not_fixed' || r.events.some((e) => e.kind === 'resolve' && e.at <= r.ratedAt!), `rated after a result: ${r.id}`);
    }
    if (r.outcome === 'duplicate') assert.ok(r.duplicateOf);
    assert.ok(r.acceptDueAt > r.createdAt && r.dueAt >= r.acceptDueAt, r.id);
    assert.equal(r.events[0]!.kind, 'received');
    assert.ok(r.events.every((e, i) => e.at <= until && (i === 0 || r.events[i - 1]!.at <= e.at)), `events in order: ${r.id}`);
    assert.equal(r.updatedAt.getTime(), r.events.at(-1)!.at.getTime());
    const lastChange = r.events.filter((e) => !['note', 'rated'].includes(e.kind)).at(-1)!;
    assert.ok(changes[r.status]!.includes(lastChange.kind), `${r.status} after ${lastChange.kind}`);
  }
});
