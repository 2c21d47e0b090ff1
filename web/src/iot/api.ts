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
  deviceCount?: number;
}

/** A device on the map and in lists (the GeoJSON layer carries no more than this). */
export interface DeviceSummary {
  code: string;
  name: string;
  typeCode: string;
  sector: Sector;
  lat: number;
  lng: number;
  communeCode: string | null;
  status: DeviceStatus;
  online: boolean;
}

/** `GET /api/v1/iot/devices/{code}`. */
export interface Device extends DeviceSummary {
  id: string;
  communeName: string | null;
  ownerAgencyId: string | null;
  lastSeenAt: string | null;
  type: { code: string; name: string; nameEn: string; reportIntervalSeconds: number; metrics: MetricDefinition[] };
  ownerAgency: { id: string; code: string; name: string } | null;
  tokenRotatedAt: string;
}

export interface DeviceFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: { code: string; name: string; type: string; sector: Sector; status: DeviceStatus; online: boolean; commune: string | null };
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
  code: string;
  metric: string;
  from: string;
  to: string;
  resolution: 'raw' | 'minute' | 'hour' | 'day';
  bucketSeconds: number | null;
  points: HistoryPoint[];
}
export interface BulkLatest {
  items: Array<{ code: string; lastSeenAt: string | null; values: LatestValues }>;
  truncated: boolean;
}

export interface Alarm {
  id: string;
  ruleId: string;
  ruleName: Bilingual;
  deviceId: string;
  deviceCode: string;
  deviceName: string;
  sector: string;
  communeCode: string | null;
  ownerAgencyId: string | null;
  level: number;
  maxLevel: number;
  severity: string;
  state: AlarmState;
  metric: string | null;
  value: number | null;
  message: Bilingual;
  raisedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  ackNote: string | null;
  clearedAt: string | null;
}
export interface AlarmHistoryEvent {
  kind: string;
  level: number;
  at: string;
  actorUserId: string | null;
  note: string | null;
  value: number | null;
}

/** The rule language (src/modules/iot/alarms/rule-schema.ts). */
export type Op = 'gt' | 'gte' | 'lt' | 'lte';
export type ThresholdCondition = { metric: string; op: Op; value: number; hysteresis?: number };
export type RateCondition = { metric: string; rateOfChange: { op: 'gte' | 'lte'; perHour: number; windowMinutes: number } };
export type NoDataCondition = { noData: { minutes: number } };
export type LeafCondition = ThresholdCondition | RateCondition | NoDataCondition;
export type Condition = LeafCondition | { all: Condition[] } | { any: Condition[] };
export type Severity = 'info' | 'warning' | 'critical';
export interface RuleLevel {
  level: number;
  severity: Severity;
  label: Bilingual;
  condition: Condition;
}
export interface RuleInput {
  name: Bilingual;
  deviceCode?: string;
  typeCode?: string;
  levels: RuleLevel[];
  forSeconds: number;
  enabled: boolean;
  ownerAgencyId?: string | null;
  notify?: { inApp: boolean; email: boolean };
}
export interface Rule extends Omit<RuleInput, 'deviceCode' | 'typeCode'> {
  id: string;
  deviceCode?: string | null;
  typeCode?: string | null;
}

const IOT = '/api/v1/iot';
export const paths = {
  types: `${IOT}/device-types`,
  type: (code: string) => `${IOT}/device-types/${encodeURIComponent(code)}`,
  devices: `${IOT}/devices`,
  device: (code: string) => `${IOT}/devices/${encodeURIComponent(code)}`,
  rotateToken: (code: string) => `${IOT}/devices/${encodeURIComponent(code)}/token`,
  latest: (code: string) => `${IOT}/devices/${encodeURIComponent(code)}/latest`,
  bulkLatest: `${IOT}/latest`,
  history: (code: string) => `${IOT}/devices/${encodeURIComponent(code)}/history`,
  deviceStream: (code: string) => `${IOT}/devices/${encodeURIComponent(code)}/stream`,
  alarms: `${IOT}/alarms`,
  alarm: (id: string) => `${IOT}/alarms/${encodeURIComponent(id)}`,
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
