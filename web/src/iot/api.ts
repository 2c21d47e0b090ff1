/**
 * The IoT API as the pages read it (mirrors the module's schemas in src/modules/iot/*). Every path
 * and shape the pages use is here, so a change on the server is one edit.
 */
import type { User } from '../lib/session.js';

export type Bilingual = { vi: string; en: string };
export const SECTORS = ['agriculture', 'transport', 'tourism', 'environment'] as const;
export type Sector = (typeof SECTORS)[number];
export const DEVICE_STATUSES = ['active', 'maintenance', 'disabled'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];
export const ALARM_STATES = ['active', 'acknowledged', 'cleared'] as const;
export type AlarmState = (typeof ALARM_STATES)[number];

export interface MetricDefinition {
  key: string;
  name: Bilingual;
  unit: string;
  min: number;
  max: number;
  precision: number;
}

export interface DeviceType {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  sector: Sector;
  metrics: MetricDefinition[];
  reportIntervalSeconds: number;
  isBuiltin: boolean;
}

export interface Device {
  id: string;
  code: string;
  name: string;
  typeId: string;
  typeCode: string;
  sector: Sector;
  lat: number;
  lng: number;
  communeCode: string | null;
  communeName?: string | null;
  ownerAgencyId: string | null;
  status: DeviceStatus;
  lastSeenAt: string | null;
  createdAt?: string;
}

export interface DeviceFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: Omit<Device, 'lat' | 'lng'> & { lat?: number; lng?: number };
}
export interface DeviceCollection {
  type: 'FeatureCollection';
  features: DeviceFeature[];
}

export type LatestValues = Record<string, { value: number; ts: string }>;
export interface LatestResponse {
  values: LatestValues;
}

export interface HistoryPoint {
  ts: string;
  avg: number;
  min: number;
  max: number;
  count: number;
}
export interface HistoryResponse {
  metric: string;
  resolution: string;
  points: HistoryPoint[];
}

export interface Alarm {
  id: string;
  ruleId: string;
  ruleName?: string;
  deviceId: string;
  deviceCode: string;
  deviceName?: string;
  metric?: string | null;
  level: number;
  state: AlarmState;
  value?: number | null;
  message?: Bilingual | string | null;
  raisedAt: string;
  acknowledgedAt?: string | null;
  acknowledgedBy?: string | null;
  ackNote?: string | null;
  clearedAt?: string | null;
}

export type ConditionKind = 'threshold' | 'rate' | 'no_data';
export type Operator = '>' | '>=' | '<' | '<=';
export interface RuleCondition {
  kind: ConditionKind;
  metric?: string;
  operator?: Operator;
  value?: number;
  /** Rate of change: per minute, over `windowMinutes`. */
  windowMinutes?: number;
  /** No data: minutes of silence. */
  minutes?: number;
}
export interface RuleLevel {
  level: 1 | 2 | 3;
  combine: 'and' | 'or';
  conditions: RuleCondition[];
}
export interface Rule {
  id: string;
  name: string;
  deviceId: string | null;
  deviceTypeId: string | null;
  enabled: boolean;
  hysteresis: number;
  minDurationSeconds: number;
  levels: RuleLevel[];
}
export type RuleInput = Omit<Rule, 'id'>;

const IOT = '/api/v1/iot';
export const paths = {
  types: `${IOT}/device-types`,
  type: (id: string) => `${IOT}/device-types/${encodeURIComponent(id)}`,
  devices: `${IOT}/devices`,
  device: (code: string) => `${IOT}/devices/${encodeURIComponent(code)}`,
  rotateToken: (code: string) => `${IOT}/devices/${encodeURIComponent(code)}/token`,
  latest: (code: string) => `${IOT}/devices/${encodeURIComponent(code)}/latest`,
  bulkLatest: `${IOT}/latest`,
  history: (code: string) => `${IOT}/devices/${encodeURIComponent(code)}/history`,
  deviceStream: (code: string) => `${IOT}/devices/${encodeURIComponent(code)}/stream`,
  alarms: `${IOT}/alarms`,
  acknowledge: (id: string) => `${IOT}/alarms/${encodeURIComponent(id)}/acknowledge`,
  alarmStream: `${IOT}/alarms/stream`,
  rules: `${IOT}/rules`,
  rule: (id: string) => `${IOT}/rules/${encodeURIComponent(id)}`,
};

/** Page paths in the officer entry. */
export const PAGE = {
  devices: '/can-bo/thiet-bi',
  newDevice: '/can-bo/thiet-bi/moi',
  device: (code: string) => `/can-bo/thiet-bi/${encodeURIComponent(code)}`,
  alarms: '/can-bo/canh-bao',
  rules: '/can-bo/quy-tac-canh-bao',
  types: '/can-bo/loai-thiet-bi',
};

/** The browser only hides what a role cannot do; the server decides. */
export const canEditDevices = (user: User) => user.role === 'system_admin' || user.role === 'agency_admin';
export const canEditDevice = (user: User, device: Pick<Device, 'ownerAgencyId'>) =>
  user.role === 'system_admin' || (user.role === 'agency_admin' && !!user.agencyId && user.agencyId === device.ownerAgencyId);
export const canEditTypes = (user: User) => user.role === 'system_admin';
export const canAcknowledge = (user: User) => user.role !== 'officer' || !!user.agencyId;
