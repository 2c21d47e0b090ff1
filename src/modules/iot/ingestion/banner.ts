import type { Config } from '../../../platform/config/config.js';
import type { Db } from '../../../platform/db/database.js';
import { ingestionRuntime } from './index.js';
import { ingestionSettings } from './settings.js';

/** The startup banner's line saying where devices publish, so a new user can point a sensor or the simulator at it. */
export function mqttBannerLine(config: Config, db: Db): string {
  const settings = ingestionSettings(config);
  if (settings.mqttUrl) return `MQTT: external broker ${redact(settings.mqttUrl)} (devices publish to devices/<code>/telemetry)`;
  const port = ingestionRuntime(db)?.brokerPort;
  if (port === undefined) return 'MQTT: no broker (the MQTT port is taken or off; see the log). Devices can still POST /api/v1/iot/devices/<code>/telemetry';
  return `MQTT: embedded broker at mqtt://localhost:${port} (devices publish to devices/<code>/telemetry; npm run simulate)`;
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(invalid MQTT_URL)';
  }
}
