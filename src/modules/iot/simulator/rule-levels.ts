import type { FloodLevels } from './flood.js';

/** The part of an alarm rule's levels the simulator reads (see alarms/rule-schema.ts). */
export interface RuleLevelLike {
  level: number;
  condition: unknown;
}

/**
 * Alarm levels I, II, III of a metric from a rule's staged levels: the "value above" threshold of
 * each of levels 1, 2 and 3. Undefined unless all three are there and rise, so the flood scenario
 * only ever aims at levels that make sense.
 */
export function floodLevelsFromRule(levels: readonly RuleLevelLike[], metric: string): FloodLevels | undefined {
  const found = [1, 2, 3].map((n) => {
    const level = levels.find((l) => l.level === n);
    return level ? risingThreshold(level.condition, metric) : undefined;
  });
  const [a, b, c] = found;
  if (a === undefined || b === undefined || c === undefined || !(a < b && b < c)) return undefined;
  return [a, b, c];
}

/** The smallest `gt`/`gte` threshold on the metric anywhere in the condition tree. */
function risingThreshold(condition: unknown, metric: string): number | undefined {
  if (!condition || typeof condition !== 'object') return undefined;
  const c = condition as { all?: unknown[]; any?: unknown[]; metric?: unknown; op?: unknown; value?: unknown };
  const children = c.all ?? c.any;
  if (Array.isArray(children)) {
    const values = children.map((child) => risingThreshold(child, metric)).filter((v): v is number => v !== undefined);
    return values.length ? Math.min(...values) : undefined;
  }
  if (c.metric === metric && (c.op === 'gt' || c.op === 'gte') && typeof c.value === 'number') return c.value;
  return undefined;
}
