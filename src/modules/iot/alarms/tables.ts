import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { RuleState } from './engine.js';
import type { NotifySettingsT, RuleLevelT, SeverityT } from './rule-schema.js';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type MaybeTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Bi = { vi: string; en: string };

export type AlarmState = 'active' | 'acknowledged' | 'cleared';
export type AlarmEventKind = 'raised' | 'escalated' | 'deescalated' | 'acknowledged' | 'cleared';

/** A rule (luật cảnh báo) on one device or on every device of a type. */
export interface RuleTable {
  id: Generated<string>;
  name: JSONColumnType<Bi, string, string>;
  device_id: string | null;
  type_id: string | null;
  levels: JSONColumnType<RuleLevelT[], string, string>;
  for_seconds: number;
  enabled: boolean;
  owner_agency_id: string | null;
  notify: JSONColumnType<NotifySettingsT, string, string>;
  version: ColumnType<number, number | undefined, number>;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  /** Set instead of deleting, so alarms raised by the rule keep their history. */
  deleted_at: MaybeTime;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** The engine's memory of one rule on one device. */
export interface RuleStateTable {
  rule_id: string;
  device_id: string;
  state: JSONColumnType<RuleState, string, string>;
  updated_at: UpdatedAt;
}

export interface AlarmTable {
  id: Generated<string>;
  rule_id: string;
  device_id: string;
  level: number;
  /** The highest level reached while open. */
  max_level: number;
  severity: SeverityT;
  state: AlarmState;
  raised_at: Date;
  acknowledged_at: MaybeTime;
  acknowledged_by: string | null;
  ack_note: string | null;
  cleared_at: MaybeTime;
  last_metric: string | null;
  last_value: number | null;
  message: JSONColumnType<Bi, string, string>;
  updated_at: UpdatedAt;
}

export interface AlarmEventTable {
  id: Generated<string>;
  alarm_id: string;
  kind: AlarmEventKind;
  level: number;
  at: Date;
  actor_user_id: string | null;
  note: string | null;
  value: number | null;
}

// A type alias (not an interface) so it satisfies Kysely's `withTables` constraint.
export type AlarmTables = {
  iot_rules: RuleTable;
  iot_rule_states: RuleStateTable;
  iot_alarms: AlarmTable;
  iot_alarm_events: AlarmEventTable;
};
