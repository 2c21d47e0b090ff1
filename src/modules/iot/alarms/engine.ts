import type { Reading } from '../readings.js';
import { leavesOf, type ConditionT, type LeafCondition, type RuleDefinition } from './rule-schema.js';

/**
 * The rule engine (bộ máy luật cảnh báo): a pure function of a rule, its stored state for one
 * device, that device's new readings and the time. No database, no clock: the same inputs give the
 * same state and transitions, which is what the table-driven tests rely on.
 *
 * Each level keeps whether its condition holds and since when; a level turns on once its condition
 * has held for forSeconds and off once it has stopped holding for forSeconds. The alarm's level is
 * the highest level that is on. Hysteresis is judged against the level's own on/off state, so a
 * value hovering at a threshold never flaps.
 */

export interface LevelState {
  on: boolean;
  /** Whether the condition held at the last evaluation. */
  cond: boolean;
  /** When `cond` last changed (ISO 8601). */
  since: string;
}

export interface RuleState {
  /** The rule version this state was built for. */
  version: number;
  level: number;
  levels: Record<string, LevelState>;
  /** Latest in-range value per metric the rule reads. */
  values: Record<string, { value: number; ts: string }>;
  /** Recent [epoch ms, value] samples of metrics with a rate-of-change condition, oldest first. */
  samples: Record<string, Array<[number, number]>>;
  /** Newest reading time seen (ISO), the reference for "no data". */
  lastTs: string | null;
  /** First evaluation: "no data" for a device never heard from counts from here. */
  startedAt: string;
}

export type TransitionKind = 'raised' | 'escalated' | 'deescalated' | 'cleared';

export interface Transition {
  kind: TransitionKind;
  from: number;
  to: number;
  at: Date;
  /** The value of the first metric of the level that decided it, when there is one. */
  metric: string | null;
  value: number | null;
}

export interface EngineInput {
  /** New readings of one device, any order (sorted here); out-of-range ones are ignored. */
  readings: Reading[];
  now: Date;
  /** The device's last reading time as the registry knows it (for "no data" passes without readings). */
  lastSeenAt?: Date | null;
}

export interface EngineResult {
  state: RuleState;
  transitions: Transition[];
}

export function initialState(rule: RuleDefinition, now: Date): RuleState {
  return { version: rule.version, level: 0, levels: {}, values: {}, samples: {}, lastTs: null, startedAt: now.toISOString() };
}

/** Brings a state from an older version of the rule forward: levels at or below the raised one start on. */
function adopt(rule: RuleDefinition, prior: RuleState | null, now: Date): RuleState {
  if (!prior) return initialState(rule, now);
  const state: RuleState = structuredClone(prior);
  if (state.version === rule.version) return state;
  state.version = rule.version;
  state.levels = {};
  for (const l of rule.levels) {
    if (l.level <= state.level) state.levels[l.level] = { on: true, cond: true, since: now.toISOString() };
  }
  state.level = effectiveLevel(state);
  return state;
}

function effectiveLevel(state: RuleState): number {
  let level = 0;
  for (const [key, s] of Object.entries(state.levels)) if (s.on) level = Math.max(level, Number(key));
  return level;
}

/** The longest rate-of-change window per metric, in ms: how much history to keep. */
function rateWindows(rule: RuleDefinition): Map<string, number> {
  const windows = new Map<string, number>();
  for (const l of rule.levels) {
    for (const leaf of leavesOf(l.condition)) {
      if ('rateOfChange' in leaf) windows.set(leaf.metric, Math.max(windows.get(leaf.metric) ?? 0, leaf.rateOfChange.windowMinutes * 60_000));
    }
  }
  return windows;
}

function addSample(samples: Array<[number, number]>, ts: number, value: number): void {
  // Readings mostly arrive in order; a late one is put in its place, a duplicate time replaces.
  let i = samples.length;
  while (i > 0 && samples[i - 1]![0] > ts) i--;
  if (i > 0 && samples[i - 1]![0] === ts) samples[i - 1] = [ts, value];
  else samples.splice(i, 0, [ts, value]);
}

interface EvalContext {
  state: RuleState;
  at: number;
  lastSeen: number;
}

function rateOf(samples: Array<[number, number]> | undefined, windowMs: number, at: number): number | null {
  if (!samples) return null;
  const inWindow = samples.filter(([ts]) => ts >= at - windowMs && ts <= at);
  if (inWindow.length < 2) return null;
  const [t0, v0] = inWindow[0]!;
  const [t1, v1] = inWindow[inWindow.length - 1]!;
  if (t1 <= t0) return null;
  return ((v1 - v0) * 3_600_000) / (t1 - t0);
}

function leafHolds(leaf: LeafCondition, ctx: EvalContext, relaxed: boolean): boolean {
  if ('noData' in leaf) return ctx.at - ctx.lastSeen >= leaf.noData.minutes * 60_000;
  if ('rateOfChange' in leaf) {
    const rate = rateOf(ctx.state.samples[leaf.metric], leaf.rateOfChange.windowMinutes * 60_000, ctx.at);
    if (rate === null) return false;
    return leaf.rateOfChange.op === 'gte' ? rate >= leaf.rateOfChange.perHour : rate <= leaf.rateOfChange.perHour;
  }
  const current = ctx.state.values[leaf.metric];
  if (!current) return false;
  const h = relaxed ? (leaf.hysteresis ?? 0) : 0;
  const v = current.value;
  switch (leaf.op) {
    case 'gt':
      return v > leaf.value - h;
    case 'gte':
      return v >= leaf.value - h;
    case 'lt':
      return v < leaf.value + h;
    case 'lte':
      return v <= leaf.value + h;
  }
}

function holds(condition: ConditionT, ctx: EvalContext, relaxed: boolean): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c as ConditionT, ctx, relaxed));
  if ('any' in condition) return condition.any.some((c) => holds(c as ConditionT, ctx, relaxed));
  return leafHolds(condition, ctx, relaxed);
}

function firstMetric(condition: ConditionT): string | null {
  for (const leaf of leavesOf(condition)) if ('metric' in leaf) return leaf.metric;
  return null;
}

function kindOf(from: number, to: number): TransitionKind {
  if (from === 0) return 'raised';
  if (to === 0) return 'cleared';
  return to > from ? 'escalated' : 'deescalated';
}

/** Evaluates every level at one instant and records a transition when the alarm's level changes. */
function step(rule: RuleDefinition, state: RuleState, at: number, lastSeen: number, out: Transition[]): void {
  const ctx: EvalContext = { state, at, lastSeen };
  const iso = new Date(at).toISOString();
  const minMs = rule.forSeconds * 1000;
  for (const l of rule.levels) {
    const s = (state.levels[l.level] ??= { on: false, cond: false, since: iso });
    const c = holds(l.condition, ctx, s.on);
    if (c !== s.cond) {
      s.cond = c;
      s.since = iso;
    }
    const held = at - Date.parse(s.since) >= minMs;
    if (c && !s.on && held) s.on = true;
    if (!c && s.on && held) s.on = false;
  }
  const from = state.level;
  const to = effectiveLevel(state);
  if (to === from) return;
  state.level = to;
  const decisive = rule.levels.find((l) => l.level === (to || from));
  const metric = decisive ? firstMetric(decisive.condition) : null;
  const value = metric ? (state.values[metric]?.value ?? null) : null;
  out.push({ kind: kindOf(from, to), from, to, at: new Date(at), metric, value });
}

/**
 * Feeds one device's readings to a rule. Readings are grouped by time and evaluated in time order;
 * a reading older than the newest one seen only adds to the rate-of-change history (a late packet
 * must not rewind the alarm). With no readings, evaluates once at `now` (the no-data pass).
 */
export function evaluate(rule: RuleDefinition, prior: RuleState | null, input: EngineInput): EngineResult {
  const state = adopt(rule, prior, input.now);
  const windows = rateWindows(rule);
  const tracked = new Set(Object.keys(metricIndex(rule)));
  const transitions: Transition[] = [];
  const usable = input.readings.filter((r) => !r.outOfRange && tracked.has(r.metric));
  const previous = state.lastTs ? Date.parse(state.lastTs) : -Infinity;
  const seenBefore = Math.max(previous, input.lastSeenAt?.getTime() ?? -Infinity);
  for (const r of usable) {
    const ts = r.ts.getTime();
    if (windows.has(r.metric)) addSample((state.samples[r.metric] ??= []), ts, r.value);
  }
  catchUp(rule, state, usable, previous, transitions);
  // Instants at or after the newest one seen, each evaluated once all its readings are applied
  // (a payload's metrics share a time). Any reading, even of a metric no rule reads, proves the
  // device alive; a late one (older than the newest seen) must not rewind the alarm.
  const times = [...new Set(input.readings.map((r) => r.ts.getTime()).filter((ts) => ts >= previous))].sort((a, b) => a - b);
  const byTime = new Map<number, Reading[]>();
  for (const r of usable) if (r.ts.getTime() >= previous) byTime.set(r.ts.getTime(), [...(byTime.get(r.ts.getTime()) ?? []), r]);
  const fresh = input.readings.length > 0;
  const started = Date.parse(state.startedAt);
  let newest = previous;
  for (const at of fresh ? times : [input.now.getTime()]) {
    for (const r of byTime.get(at) ?? []) state.values[r.metric] = { value: r.value, ts: r.ts.toISOString() };
    newest = Math.max(newest, fresh ? at : newest);
    const lastSeen = fresh ? at : Number.isFinite(seenBefore) ? seenBefore : started;
    step(rule, state, at, lastSeen, transitions);
  }
  if (Number.isFinite(newest)) state.lastTs = new Date(newest).toISOString();
  trimSamples(state, windows, newest);
  return { state, transitions };
}

/**
 * A reading older than the newest instant seen but newer than its metric's last value (the hourly
 * VN_AQI, stamped at the end of its hour once later dust has arrived) is still that metric's newest
 * value: it is applied and judged at the newest instant seen, so it does not rewind the alarm.
 */
function catchUp(rule: RuleDefinition, state: RuleState, usable: Reading[], previous: number, out: Transition[]): void {
  const late = usable
    .filter((r) => r.ts.getTime() < previous && !(Date.parse(state.values[r.metric]?.ts ?? '') >= r.ts.getTime()))
    .sort((a, b) => a.ts.getTime() - b.ts.getTime());
  if (late.length === 0) return;
  for (const r of late) state.values[r.metric] = { value: r.value, ts: r.ts.toISOString() };
  step(rule, state, previous, previous, out);
}

function trimSamples(state: RuleState, windows: Map<string, number>, newest: number): void {
  for (const [metric, samples] of Object.entries(state.samples)) {
    const windowMs = windows.get(metric);
    if (windowMs === undefined) {
      delete state.samples[metric];
      continue;
    }
    const keepFrom = newest - windowMs;
    // Keep one sample before the window: the next evaluation's window may start earlier than it.
    const firstInside = samples.findIndex(([ts]) => ts >= keepFrom);
    if (firstInside > 1) samples.splice(0, firstInside - 1);
  }
}

/** Metric key → true, for every metric the rule reads. */
function metricIndex(rule: RuleDefinition): Record<string, true> {
  const index: Record<string, true> = {};
  for (const l of rule.levels) for (const leaf of leavesOf(l.condition)) if ('metric' in leaf) index[leaf.metric] = true;
  return index;
}
