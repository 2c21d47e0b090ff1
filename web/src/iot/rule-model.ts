import type { Condition, LeafCondition, Op, Rule, RuleInput, Severity } from './api.js';

/**
 * The editor's flat model of a rule: per level, one AND/OR list of conditions. The API's language
 * allows two nested groups; a rule written that way through the API is flattened here (the editor
 * says so before it is saved).
 */
export type Kind = 'threshold' | 'rate' | 'no_data';
export interface EditCondition {
  kind: Kind;
  metric: string;
  op: Op;
  value: string;
  hysteresis: string;
  perHour: string;
  windowMinutes: string;
  minutes: string;
}
export interface EditLevel {
  level: number;
  severity: Severity;
  labelVi: string;
  labelEn: string;
  combine: 'all' | 'any';
  conditions: EditCondition[];
}
export interface EditRule {
  nameVi: string;
  nameEn: string;
  target: 'type' | 'device';
  typeCode: string;
  deviceCode: string;
  forSeconds: string;
  enabled: boolean;
  notifyInApp: boolean;
  notifyEmail: boolean;
  levels: EditLevel[];
  flattened: boolean;
}

export const SEVERITY_OF_LEVEL: Record<number, Severity> = { 1: 'info', 2: 'warning', 3: 'critical' };

export const newCondition = (metric = ''): EditCondition => ({ kind: 'threshold', metric, op: 'gte', value: '', hysteresis: '', perHour: '', windowMinutes: '60', minutes: '30' });
export const newLevel = (level: number, metric = ''): EditLevel => ({ level, severity: SEVERITY_OF_LEVEL[level] ?? 'warning', labelVi: '', labelEn: '', combine: 'all', conditions: [newCondition(metric)] });
export const newRule = (): EditRule => ({ nameVi: '', nameEn: '', target: 'type', typeCode: '', deviceCode: '', forSeconds: '0', enabled: true, notifyInApp: true, notifyEmail: true, levels: [newLevel(1)], flattened: false });

function leaves(c: Condition): { leaves: LeafCondition[]; nested: boolean } {
  if ('all' in c || 'any' in c) {
    const items = 'all' in c ? c.all : c.any;
    const out = items.map(leaves);
    return { leaves: out.flatMap((o) => o.leaves), nested: items.some((i) => 'all' in i || 'any' in i) };
  }
  return { leaves: [c], nested: false };
}

function fromLeaf(c: LeafCondition): EditCondition {
  const base = newCondition();
  if ('noData' in c) return { ...base, kind: 'no_data', minutes: String(c.noData.minutes) };
  if ('rateOfChange' in c) return { ...base, kind: 'rate', metric: c.metric, op: c.rateOfChange.op, perHour: String(c.rateOfChange.perHour), windowMinutes: String(c.rateOfChange.windowMinutes) };
  return { ...base, metric: c.metric, op: c.op, value: String(c.value), hysteresis: c.hysteresis ? String(c.hysteresis) : '' };
}

export function fromRule(rule: Rule): EditRule {
  let flattened = false;
  const levels = rule.levels.map((l) => {
    const { leaves: list, nested } = leaves(l.condition);
    flattened ||= nested;
    return { level: l.level, severity: l.severity, labelVi: l.label.vi, labelEn: l.label.en, combine: 'any' in l.condition ? ('any' as const) : ('all' as const), conditions: list.map(fromLeaf) };
  });
  return {
    nameVi: rule.name.vi,
    nameEn: rule.name.en,
    target: rule.deviceCode ? 'device' : 'type',
    typeCode: rule.typeCode ?? '',
    deviceCode: rule.deviceCode ?? '',
    forSeconds: String(rule.forSeconds),
    enabled: rule.enabled,
    notifyInApp: rule.notify?.inApp ?? true,
    notifyEmail: rule.notify?.email ?? true,
    levels,
    flattened,
  };
}

function toLeaf(c: EditCondition): LeafCondition {
  if (c.kind === 'no_data') return { noData: { minutes: Math.round(Number(c.minutes)) } };
  if (c.kind === 'rate') return { metric: c.metric, rateOfChange: { op: c.op === 'lt' || c.op === 'lte' ? 'lte' : 'gte', perHour: Number(c.perHour), windowMinutes: Math.round(Number(c.windowMinutes)) } };
  return { metric: c.metric, op: c.op, value: Number(c.value), ...(c.hysteresis.trim() ? { hysteresis: Number(c.hysteresis) } : {}) };
}

/** Level names default to "Cấp I" / "Level I" when left empty. */
export function toRuleInput(r: EditRule, roman: Record<number, string>): RuleInput {
  return {
    name: { vi: r.nameVi.trim(), en: r.nameEn.trim() || r.nameVi.trim() },
    ...(r.target === 'device' ? { deviceCode: r.deviceCode.trim() } : { typeCode: r.typeCode }),
    forSeconds: Math.max(0, Math.round(Number(r.forSeconds) || 0)),
    enabled: r.enabled,
    notify: { inApp: r.notifyInApp, email: r.notifyEmail },
    levels: r.levels.map((l) => {
      const list = l.conditions.map(toLeaf);
      const condition: Condition = list.length === 1 ? list[0]! : l.combine === 'all' ? { all: list } : { any: list };
      const name = roman[l.level] ?? String(l.level);
      return { level: l.level, severity: l.severity, label: { vi: l.labelVi.trim() || `Cấp ${name}`, en: l.labelEn.trim() || `Level ${name}` }, condition };
    }),
  };
}
