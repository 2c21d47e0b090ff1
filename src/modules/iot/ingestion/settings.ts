import path from 'node:path';
import type { Config } from '../../../platform/config/config.js';

/** Ingestion's settings, read from the environment (documented in README.md). */
export interface IngestionSettings {
  /** Port of the embedded broker; undefined = no embedded broker (an external one, or tests). */
  embeddedPort: number | undefined;
  host: string;
  /** An external broker: then no embedded broker, and the platform subscribes to this one. */
  mqttUrl: string | undefined;
  mqttUsername: string | undefined;
  mqttPassword: string | undefined;
  mqttClientId: string;
  /** Where the write-ahead journal lives; undefined = in memory (DATA_DIR=memory://). */
  journalDir: string | undefined;
  journalFsync: boolean;
  throttle: { perMinute: number; burst: number };
  mosquitto: { passwordFile: string; aclFile: string; pidFile: string | undefined; syncIntervalMs: number } | undefined;
}

function int(env: Config['env'], name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

export function ingestionSettings(config: Config): IngestionSettings {
  const env = config.env;
  const mqttUrl = env.MQTT_URL || undefined;
  // Tests run many platforms in one process: no broker unless a test asks for one with MQTT_PORT.
  const wantsEmbedded = !mqttUrl && (config.nodeEnv !== 'test' || (env.MQTT_PORT ?? '') !== '');
  const perMinute = int(env, 'IOT_DEVICE_MAX_READINGS_PER_MINUTE', 600);
  return {
    embeddedPort: wantsEmbedded ? int(env, 'MQTT_PORT', 1883) : undefined,
    host: env.MQTT_HOST || config.host,
    mqttUrl,
    mqttUsername: env.MQTT_USERNAME || undefined,
    mqttPassword: env.MQTT_PASSWORD || undefined,
    mqttClientId: env.MQTT_CLIENT_ID || 'tinhso-platform',
    journalDir: config.dataDir === 'memory://' ? undefined : path.join(config.dataDir, 'iot-journal'),
    journalFsync: env.IOT_JOURNAL_FSYNC === 'true',
    throttle: { perMinute, burst: int(env, 'IOT_DEVICE_BURST_READINGS', perMinute) },
    mosquitto: env.MOSQUITTO_PASSWORD_FILE
      ? {
          passwordFile: env.MOSQUITTO_PASSWORD_FILE,
          aclFile: env.MOSQUITTO_ACL_FILE || `${env.MOSQUITTO_PASSWORD_FILE}.acl`,
          pidFile: env.MOSQUITTO_PID_FILE || undefined,
          syncIntervalMs: int(env, 'MOSQUITTO_SYNC_INTERVAL_MS', 5000),
        }
      : undefined,
  };
}
