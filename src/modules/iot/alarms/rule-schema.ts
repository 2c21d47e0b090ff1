import { Type, type Static } from 'typebox';
import { StrictObject } from '../../../platform/http/schema.js';

/**
 * The rule language, written once: request validation, TypeScript types and the OpenAPI document.
 * A condition nests at most two groups deep (`all` of `any`s or the reverse), which covers every
 * rule an operator writes by hand and keeps the schema non-recursive for the API documentation.
 */
const MetricKey = Type.String({ minLength: 1, maxLength: 60, pattern: '^[a-z][a-z0-9_]*$' });

export const ThresholdCondition = StrictObject(
  {
    metric: MetricKey,
    op: Type.Union([Type.Literal('gt'), Type.Literal('gte'), Type.Literal('lt'), Type.Literal('lte')]),
    value: Type.Number(),
    /** Once raised, clears only when the value is back past value − hysteresis (above) or value + hysteresis (below). */
    hysteresis: Type.Optional(Type.Number({ minimum: 0 })),
  },
  { description: 'The latest value compared with a threshold' },
);

export const RateCondition = StrictObject(
  {
    metric: MetricKey,
    rateOfChange: StrictObject({
      op: Type.Union([Type.Literal('gte'), Type.Literal('lte')]),
      /** Metric units per hour, e.g. 20 for "water rising ≥ 20 cm/h"; negative for falling. */
      perHour: Type.Number(),
      windowMinutes: Type.Integer({ minimum: 1, maximum: 1440 }),
    }),
  },
  { description: 'Change per hour over the last windowMinutes (first to last reading in the window)' },
);

export const NoDataCondition = StrictObject(
  { noData: StrictObject({ minutes: Type.Integer({ minimum: 1, maximum: 10080 }) }) },
  { description: 'No reading from the device for this many minutes' },
);

const Leaf = Type.Union([ThresholdCondition, RateCondition, NoDataCondition]);
const InnerGroup = Type.Union([StrictObject({ all: Type.Array(Leaf, { minItems: 1, maxItems: 20 }) }), StrictObject({ any: Type.Array(Leaf, { minItems: 1, maxItems: 20 }) })]);
const Inner = Type.Union([Leaf, InnerGroup]);

export const Condition = Type.Union([
  Leaf,
  StrictObject({ all: Type.Array(Inner, { minItems: 1, maxItems: 20 }) }),
  StrictObject({ any: Type.Array(Inner, { minItems: 1, maxItems: 20 }) }),
]);

export const SEVERITIES = ['info', 'warning', 'critical'] as const;
export const Severity = Type.Union([Type.Literal('info'), Type.Literal('warning'), Type.Literal('critical')]);

const Label = StrictObject({ vi: Type.String({ minLength: 1, maxLength: 200 }), en: Type.String({ minLength: 1, maxLength: 200 }) });

export const RuleLevel = StrictObject({
  /** 1..5, e.g. báo động I, II, III for a flood gauge: the highest level that holds wins. */
  level: Type.Integer({ minimum: 1, maximum: 5 }),
  severity: Severity,
  label: Label,
  condition: Condition,
});

export const NotifySettings = StrictObject({
  inApp: Type.Boolean({ default: true }),
  email: Type.Boolean({ default: true }),
});

/** What a client sends to create or replace a rule. */
export const RuleInput = StrictObject({
  name: Label,
  /** Exactly one of deviceCode or typeCode. */
  deviceCode: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
  typeCode: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
  levels: Type.Array(RuleLevel, { minItems: 1, maxItems: 5 }),
  /** Minimum duration a level's condition must hold before raising (and stop holding before clearing). */
  forSeconds: Type.Integer({ minimum: 0, maximum: 86_400, default: 0 }),
  enabled: Type.Boolean({ default: true }),
  /** Defaults to the target device's owner agency (or the caller's agency for a type rule). */
  ownerAgencyId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
  notify: Type.Optional(NotifySettings),
});

export type ThresholdConditionT = Static<typeof ThresholdCondition>;
export type RateConditionT = Static<typeof RateCondition>;
export type NoDataConditionT = Static<typeof NoDataCondition>;
export type LeafCondition = Static<typeof Leaf>;
export type ConditionT = Static<typeof Condition>;
export type SeverityT = (typeof SEVERITIES)[number];
export type RuleLevelT = Static<typeof RuleLevel>;
export type RuleInputT = Static<typeof RuleInput>;
export type NotifySettingsT = Static<typeof NotifySettings>;

/** What the engine needs of a rule. */
export interface RuleDefinition {
  levels: RuleLevelT[];
  forSeconds: number;
  /** Bumped on every edit, so stored state from an older definition is recognised. */
  version: number;
}

/** Every leaf of a condition tree, in order. */
export function leavesOf(condition: ConditionT): LeafCondition[] {
  if ('all' in condition) return condition.all.flatMap((c) => leavesOf(c as ConditionT));
  if ('any' in condition) return condition.any.flatMap((c) => leavesOf(c as ConditionT));
  return [condition];
}

/** The metric keys a rule reads. */
export function metricsOf(levels: RuleLevelT[]): string[] {
  const keys = new Set<string>();
  for (const level of levels) for (const leaf of leavesOf(level.condition)) if ('metric' in leaf) keys.add(leaf.metric);
  return [...keys];
}
