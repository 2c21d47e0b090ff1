import { Type, type Static } from 'typebox';
import { Compile } from 'typebox/compile';
import { StrictObject } from '../../../platform/http/schema.js';
import type { MetricDefinition } from '../metrics.js';
import type { Reading } from '../readings.js';

/** Limits of one message (MQTT publish or HTTP body), so one device can't make the platform chew on megabytes. */
export const PAYLOAD_LIMITS = {
  maxBytes: 256 * 1024,
  maxObjects: 1000,
  maxMetricsPerObject: 64,
  maxFutureMs: 5 * 60_000,
} as const;

const MetricKey = Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]{0,63}$' });

export const TelemetryObject = StrictObject(
  {
    ts: Type.String({ format: 'date-time', description: 'Source timestamp, ISO 8601 with a time zone' }),
    values: Type.Record(MetricKey, Type.Number(), {
      minProperties: 1,
      maxProperties: PAYLOAD_LIMITS.maxMetricsPerObject,
      description: 'Metric key → number, in the units of the device type',
    }),
  },
  { $id: 'IotTelemetryObject' },
);
export const TelemetryArray = Type.Array(TelemetryObject, { minItems: 1, maxItems: PAYLOAD_LIMITS.maxObjects });
/** What a device sends: one object or an array of them (a backlog after being offline). */
export const TelemetryPayload = Type.Union([TelemetryObject, TelemetryArray], {
  description: '{"ts":"<ISO 8601>","values":{"<metric>":<number>}} or an array of up to 1,000 such objects; at most 256 KiB',
});
export type TelemetryObjectBody = Static<typeof TelemetryObject>;

const checkObject = Compile(TelemetryObject);
const checkArray = Compile(TelemetryArray);

export type RejectReason =
  | 'too_large'
  | 'malformed_json'
  | 'invalid_schema'
  | 'future_timestamp'
  | 'not_finite'
  | 'unknown_metric'
  | 'unknown_device'
  | 'device_disabled'
  | 'forbidden_topic'
  | 'throttled';

/** A message refused as a whole: the reason is a stable code; the detail is for logs and the HTTP answer. */
export class PayloadRejected extends Error {
  constructor(
    readonly reason: RejectReason,
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}

/** The device fields validation needs (a DeviceIdentity fits). */
export interface DeviceMetrics {
  id: string;
  metrics: MetricDefinition[];
}

/**
 * Parses and validates one message into readings. Throws PayloadRejected for the whole message when
 * anything is wrong (a partial accept would leave the device unsure what to resend).
 */
export function parsePayload(device: DeviceMetrics, payload: Buffer | string, now = Date.now()): Reading[] {
  const size = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
  if (size > PAYLOAD_LIMITS.maxBytes) throw new PayloadRejected('too_large', `${size} bytes > ${PAYLOAD_LIMITS.maxBytes}`);
  let body: unknown;
  try {
    body = JSON.parse(payload.toString());
  } catch {
    throw new PayloadRejected('malformed_json', 'not JSON');
  }
  return readingsOf(device, body, now);
}

/** Validates an already parsed body (the HTTP route parses JSON itself). */
export function readingsOf(device: DeviceMetrics, body: unknown, now = Date.now()): Reading[] {
  const objects = checkShape(body);
  const metrics = metricsByKey(device.metrics);
  const readings: Reading[] = [];
  for (const [index, object] of objects.entries()) {
    const ts = new Date(object.ts);
    if (Number.isNaN(ts.getTime())) throw new PayloadRejected('invalid_schema', `/${index}/ts is not a date`);
    if (ts.getTime() - now > PAYLOAD_LIMITS.maxFutureMs) {
      throw new PayloadRejected('future_timestamp', `${object.ts} is more than 5 minutes ahead`);
    }
    for (const [key, raw] of Object.entries(object.values)) {
      const metric = metrics.get(key);
      if (!metric) throw new PayloadRejected('unknown_metric', `"${key}" is not a metric of this device's type (${[...metrics.keys()].join(', ')})`);
      const value = roundTo(raw, metric.precision);
      readings.push({ deviceId: device.id, metric: key, ts, value, outOfRange: value < metric.min || value > metric.max });
    }
  }
  return readings;
}

const byKey = new WeakMap<readonly MetricDefinition[], Map<string, MetricDefinition>>();

/** The device type's metrics by key, built once per metrics list (the device directory hands out the same list for seconds). */
function metricsByKey(metrics: readonly MetricDefinition[]): Map<string, MetricDefinition> {
  let map = byKey.get(metrics);
  if (!map) byKey.set(metrics, (map = new Map(metrics.map((m) => [m.key, m]))));
  return map;
}

function checkShape(body: unknown): TelemetryObjectBody[] {
  const check = Array.isArray(body) ? checkArray : checkObject;
  if (check.Check(body)) return Array.isArray(body) ? (body as TelemetryObjectBody[]) : [body as TelemetryObjectBody];
  const infinite = firstInfinite(body);
  if (infinite) throw new PayloadRejected('not_finite', `"${infinite}" is not a finite number`);
  const first = [...check.Errors(body)][0];
  const where = first?.instancePath || '/';
  throw new PayloadRejected('invalid_schema', `${where} ${first?.message ?? 'is not valid'}`);
}

/** JSON has no NaN, but 1e999 parses to Infinity: name it rather than say "must be number". */
function firstInfinite(body: unknown): string | undefined {
  for (const object of Array.isArray(body) ? body : [body]) {
    const values = (object as { values?: unknown } | null)?.values;
    if (!values || typeof values !== 'object') continue;
    for (const [key, v] of Object.entries(values)) if (typeof v === 'number' && !Number.isFinite(v)) return key;
  }
  return undefined;
}

/** Rounds half away from zero at `precision` decimals, exactly for decimal inputs (1.005 → 1.01). */
export function roundTo(value: number, precision: number): number {
  // `+ 0` so that -0.001 rounds to 0, not -0 (which a chart would print as "-0").
  if (Number.isInteger(value)) return value + 0;
  const p = Math.max(0, Math.min(12, Math.trunc(precision)));
  const sign = value < 0 ? -1 : 1;
  const scale = 10 ** p;
  const shifted = Math.abs(value) * scale;
  // Away from a half, the binary product rounds the way the decimal text would, and dividing the
  // whole result by an exact power of ten is the double nearest the decimal: no text needed. This
  // is the path of nearly every reading (it was a tenth of ingestion's time).
  if (shifted < 2 ** 52 && Math.abs((shifted % 1) - 0.5) > 1e-9 * Math.max(1, shifted)) return (sign * Math.round(shifted)) / scale + 0;
  return roundDecimalText(value, p, sign);
}

/** Near a half: shifting the decimal point in the text avoids 1.005 * 100 = 100.49999…. */
function roundDecimalText(value: number, p: number, sign: number): number {
  const text = String(Math.abs(value));
  // Exponent notation can't be shifted so.
  if (text.includes('e')) return Math.round(value * 10 ** p) / 10 ** p + 0;
  return sign * Number(`${Math.round(Number(`${text}e${p}`))}e-${p}`) + 0;
}
