import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Reading } from '../readings.js';
import { evaluate, type RuleState, type Transition } from './engine.js';
import type { ConditionT, RuleDefinition, RuleLevelT } from './rule-schema.js';

const T0 = Date.parse('2026-10-15T00:00:00Z');
const at = (minute: number) => new Date(T0 + minute * 60_000);

function level(n: number, condition: ConditionT): RuleLevelT {
  return { level: n, severity: n >= 3 ? 'critical' : 'warning', label: { vi: `Mức ${n}`, en: `Level ${n}` }, condition };
}

function rule(levels: RuleLevelT[], forSeconds = 0): RuleDefinition {
  return { levels, forSeconds, version: 1 };
}

type Point = [minute: number, values: Record<string, number>];

function readingsAt([minute, values]: Point): Reading[] {
  return Object.entries(values).map(([metric, value]) => ({ deviceId: 'd1', metric, ts: at(minute), value, outOfRange: false }));
}

/** Feeds each point as its own batch (as ingestion does) and lists the transitions as [kind, level, minute]. */
function run(def: RuleDefinition, points: Point[]): Array<[string, number, number]> {
  let state: RuleState | null = null;
  const out: Transition[] = [];
  for (const p of points) {
    const r = evaluate(def, state, { readings: readingsAt(p), now: at(p[0]) });
    state = r.state;
    out.push(...r.transitions);
  }
  return out.map((t) => [t.kind, t.to, (t.at.getTime() - T0) / 60_000]);
}

const wl = (values: number[], everyMinutes = 10): Point[] => values.map((v, i) => [i * everyMinutes, { water_level: v }]);

const flood = rule([
  level(1, { metric: 'water_level', op: 'gte', value: 300, hysteresis: 10 }),
  level(2, { metric: 'water_level', op: 'gte', value: 400, hysteresis: 10 }),
  level(3, { metric: 'water_level', op: 'gte', value: 500, hysteresis: 10 }),
]);

const cases: Array<{ name: string; rule: RuleDefinition; points: Point[]; expected: Array<[string, number, number]> }> = [
  {
    name: 'a threshold raises when crossed and clears when the value falls back',
    rule: rule([level(1, { metric: 'water_level', op: 'gt', value: 300 })]),
    points: wl([250, 290, 301, 320, 300, 280]),
    expected: [['raised', 1, 20], ['cleared', 0, 40]],
  },
  {
    name: 'staged flood levels escalate I → II → III and step back down to clear',
    rule: flood,
    points: wl([250, 310, 420, 510, 520, 480, 380, 280]),
    expected: [['raised', 1, 10], ['escalated', 2, 20], ['escalated', 3, 30], ['deescalated', 2, 50], ['deescalated', 1, 60], ['cleared', 0, 70]],
  },
  {
    name: 'a jump straight past level III raises at III in one step',
    rule: flood,
    points: wl([250, 530, 250]),
    expected: [['raised', 3, 10], ['cleared', 0, 20]],
  },
  {
    name: 'hysteresis: hovering around the threshold raises once; clears only below value − hysteresis',
    rule: flood,
    points: wl([295, 301, 299, 302, 295, 298, 291, 289]),
    expected: [['raised', 1, 10], ['cleared', 0, 70]],
  },
  {
    name: 'hysteresis below: a low threshold clears only above value + hysteresis',
    rule: rule([level(1, { metric: 'salinity', op: 'lt', value: 1, hysteresis: 0.2 })]),
    points: [[0, { salinity: 2 }], [10, { salinity: 0.9 }], [20, { salinity: 1.1 }], [30, { salinity: 1.21 }]],
    expected: [['raised', 1, 10], ['cleared', 0, 30]],
  },
  {
    name: 'minimum duration: a short spike raises nothing; a sustained rise raises after forSeconds; clearing waits too',
    rule: rule([level(1, { metric: 'water_level', op: 'gte', value: 300 })], 15 * 60),
    points: wl([250, 310, 250, 310, 320, 330, 250, 310, 250, 240, 230], 10),
    // 310 at 10 drops at 20: no raise. Holds from 30, raised at 50 (≥ 15 min at a reading).
    // False from 60, back at 70 (not 15 min), false from 80, cleared at 100.
    expected: [['raised', 1, 50], ['cleared', 0, 100]],
  },
  {
    name: 'rate of change: water rising ≥ 20 cm/h over 30 minutes raises; a steady level clears',
    rule: rule([level(1, { metric: 'water_level', rateOfChange: { op: 'gte', perHour: 20, windowMinutes: 30 } })]),
    points: wl([200, 202, 204, 206, 212, 218, 224, 224, 224, 224], 10),
    // First to last reading within 30 min: 202→212 at 40 is 20 cm/h; 218→224 at 80 is 12 cm/h.
    expected: [['raised', 1, 40], ['cleared', 0, 80]],
  },
  {
    name: 'rate of change falling (lte a negative rate)',
    rule: rule([level(1, { metric: 'water_level', rateOfChange: { op: 'lte', perHour: -30, windowMinutes: 60 } })]),
    points: wl([300, 300, 290, 280, 270, 260, 250], 10),
    // 300→290 over 20 minutes is −30 cm/h.
    expected: [['raised', 1, 20]],
  },
  {
    name: 'AND: both metrics must hold',
    rule: rule([level(1, { all: [{ metric: 'rain', op: 'gte', value: 50 }, { metric: 'water_level', op: 'gte', value: 300 }] })]),
    points: [[0, { rain: 60, water_level: 250 }], [10, { rain: 60, water_level: 310 }], [20, { rain: 10, water_level: 320 }]],
    expected: [['raised', 1, 10], ['cleared', 0, 20]],
  },
  {
    name: 'OR with a nested AND: either group raises',
    rule: rule([level(1, { any: [{ metric: 'aqi', op: 'gt', value: 150 }, { all: [{ metric: 'pm25', op: 'gt', value: 55 }, { metric: 'pm10', op: 'gt', value: 150 }] }] })]),
    points: [[0, { aqi: 100, pm25: 60, pm10: 100 }], [10, { aqi: 100, pm25: 60, pm10: 160 }], [20, { aqi: 160, pm25: 10, pm10: 10 }], [30, { aqi: 90, pm25: 10, pm10: 10 }]],
    expected: [['raised', 1, 10], ['cleared', 0, 30]],
  },
];

for (const c of cases) {
  test(`engine: ${c.name}`, () => {
    assert.deepEqual(run(c.rule, c.points), c.expected);
  });
}

test('engine: metrics update independently, so one metric per payload still satisfies an AND', () => {
  const def = rule([level(1, { all: [{ metric: 'rain', op: 'gte', value: 50 }, { metric: 'water_level', op: 'gte', value: 300 }] })]);
  assert.deepEqual(run(def, [[0, { rain: 60 }], [5, { water_level: 310 }]]), [['raised', 1, 5]]);
});

test('engine: out-of-range readings are ignored by rules', () => {
  const def = rule([level(1, { metric: 'water_level', op: 'gte', value: 300 })]);
  const r = evaluate(def, null, { readings: [{ deviceId: 'd1', metric: 'water_level', ts: at(0), value: 9999, outOfRange: true }], now: at(0) });
  assert.deepEqual(r.transitions, []);
  assert.equal(r.state.values.water_level, undefined);
});

test('engine: a late reading does not rewind the alarm, a duplicate changes nothing', () => {
  const def = rule([level(1, { metric: 'water_level', op: 'gte', value: 300 })]);
  let r = evaluate(def, null, { readings: readingsAt([10, { water_level: 320 }]), now: at(10) });
  assert.equal(r.transitions[0]?.kind, 'raised');
  r = evaluate(def, r.state, { readings: readingsAt([5, { water_level: 100 }]), now: at(11) });
  assert.deepEqual(r.transitions, [], 'the older low value does not clear');
  assert.equal(r.state.values.water_level?.value, 320);
  r = evaluate(def, r.state, { readings: readingsAt([10, { water_level: 320 }]), now: at(12) });
  assert.deepEqual(r.transitions, []);
});

test('engine: a value announced after newer readings of other metrics is judged at the newest instant seen, once', () => {
  const def = rule([level(1, { metric: 'aqi', op: 'gt', value: 150 })]);
  let r = evaluate(def, null, { readings: readingsAt([70, { pm25: 180 }]), now: at(70) });
  r = evaluate(def, r.state, { readings: readingsAt([60, { aqi: 230 }]), now: at(71) });
  assert.deepEqual(r.transitions.map((t) => [t.kind, t.to, t.at.getTime(), t.value]), [['raised', 1, at(70).getTime(), 230]]);
  assert.equal(r.state.lastTs, at(70).toISOString(), 'the clock is not rewound');
  r = evaluate(def, r.state, { readings: readingsAt([30, { aqi: 40 }]), now: at(72) });
  assert.deepEqual(r.transitions, [], 'older than the last aqi: a late packet, ignored');
  assert.equal(r.state.values.aqi?.value, 230);
});

test('engine: several instants in one batch are evaluated in time order, whatever order they come in', () => {
  const readings = [...readingsAt([20, { water_level: 410 }]), ...readingsAt([0, { water_level: 250 }]), ...readingsAt([10, { water_level: 310 }])];
  const r = evaluate(flood, null, { readings, now: at(20) });
  assert.deepEqual(r.transitions.map((t) => [t.kind, t.to]), [['raised', 1], ['escalated', 2]]);
  assert.equal(r.transitions[1]!.value, 410);
});

test('engine: no data for N minutes raises on a pass without readings and clears on the next reading', () => {
  const def = rule([level(1, { noData: { minutes: 30 } })]);
  let r = evaluate(def, null, { readings: readingsAt([0, { water_level: 200 }]), now: at(0) });
  assert.deepEqual(r.transitions, []);
  r = evaluate(def, r.state, { readings: [], now: at(29) });
  assert.deepEqual(r.transitions, []);
  r = evaluate(def, r.state, { readings: [], now: at(31) });
  assert.deepEqual(r.transitions.map((t) => t.kind), ['raised']);
  r = evaluate(def, r.state, { readings: readingsAt([40, { battery: 80 }]), now: at(40) });
  assert.deepEqual(r.transitions.map((t) => t.kind), ['cleared'], 'a reading of any metric proves the device alive');
});

test('engine: no data counts from the registry\'s last_seen_at, or from the first evaluation for a silent device', () => {
  const def = rule([level(1, { noData: { minutes: 30 } })]);
  let r = evaluate(def, null, { readings: [], now: at(0), lastSeenAt: at(-40) });
  assert.deepEqual(r.transitions.map((t) => t.kind), ['raised']);
  r = evaluate(def, null, { readings: [], now: at(0), lastSeenAt: null });
  assert.deepEqual(r.transitions, [], 'never heard of: the clock starts now');
  r = evaluate(def, r.state, { readings: [], now: at(31), lastSeenAt: null });
  assert.deepEqual(r.transitions.map((t) => t.kind), ['raised']);
});

test('engine: an edited rule keeps the raised level and re-judges it under the new thresholds', () => {
  let r = evaluate(flood, null, { readings: readingsAt([0, { water_level: 420 }]), now: at(0) });
  assert.equal(r.state.level, 2);
  const edited: RuleDefinition = { ...flood, version: 2, levels: flood.levels.map((l) => ({ ...l, condition: { ...(l.condition as object), value: (l.level) * 100 + 400 } as ConditionT })) };
  r = evaluate(edited, r.state, { readings: readingsAt([10, { water_level: 420 }]), now: at(10) });
  assert.deepEqual(r.transitions.map((t) => [t.kind, t.to]), [['cleared', 0]], '420 is below the new level I (500)');
});

test('engine: randomised noise around a threshold within the hysteresis band never flaps', () => {
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const def = rule([level(1, { metric: 'water_level', op: 'gte', value: 300, hysteresis: 10 })]);
  for (let trial = 0; trial < 20; trial++) {
    // Rise to the threshold, then hover within ±9 of it for 200 readings, then fall well below.
    const values = [280, 305, ...Array.from({ length: 200 }, () => 300 + (rand() * 18 - 9)), 250];
    assert.deepEqual(run(def, wl(values, 1)).map(([k]) => k), ['raised', 'cleared'], `trial ${trial}`);
  }
});
