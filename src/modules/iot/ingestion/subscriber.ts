import mqtt, { type MqttClient } from 'mqtt';
import type { DeviceDirectory } from './device-directory.js';
import type { Ingestor } from './ingestor.js';
import { PayloadRejected } from './payload.js';

export interface SubscriberLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface Subscriber {
  /** Resolves once connected and subscribed the first time (tests wait on it). */
  ready: Promise<void>;
  close(): Promise<void>;
}

const TOPIC = /^devices\/([^/]+)\/telemetry$/;

/**
 * The platform as a client of an external broker (MQTT_URL): the broker authenticates devices and
 * enforces their topics; the platform subscribes to every device's topic with QoS 1 and a
 * persistent session (clean: false, fixed client id), so the broker keeps messages while the
 * platform is down. mqtt.js sends PUBACK after handleMessage calls back, i.e. after the journal append.
 */
export function startSubscriber(options: {
  url: string;
  clientId: string;
  username: string | undefined;
  password: string | undefined;
  directory: DeviceDirectory;
  ingestor: Ingestor;
  log: SubscriberLog;
}): Subscriber {
  const { directory, ingestor, log } = options;
  const client: MqttClient = mqtt.connect(options.url, {
    clientId: options.clientId,
    clean: false,
    protocolVersion: 4,
    reconnectPeriod: 2000,
    connectTimeout: 10_000,
    ...(options.username ? { username: options.username } : {}),
    ...(options.password ? { password: options.password } : {}),
  });

  client.handleMessage = (packet, callback) => {
    handle(packet.topic, packet.payload as Buffer).then(
      () => callback(),
      (error: unknown) => {
        // Not acknowledged: the broker delivers it again after reconnecting.
        log.error({ err: error, topic: packet.topic }, 'IoT message could not be journaled');
        callback(error as Error);
      },
    );
  };

  async function handle(topic: string, payload: Buffer): Promise<void> {
    const code = TOPIC.exec(topic)?.[1];
    if (!code) return;
    const device = await directory.byCode(code);
    if (!device) return ingestor.refuse(code, new PayloadRejected('unknown_device', `no device ${code}`));
    if (device.status === 'disabled') return ingestor.refuse(code, new PayloadRejected('device_disabled', 'device is disabled'));
    try {
      await ingestor.acceptMqtt(device, payload);
    } catch (error) {
      if (!(error instanceof PayloadRejected)) throw error;
    }
  }

  let firstReady: () => void;
  const ready = new Promise<void>((resolve) => (firstReady = resolve));
  client.on('connect', () => {
    client.subscribe('devices/+/telemetry', { qos: 1 }, (error) => {
      if (error) return log.error({ err: error }, 'MQTT subscribe failed');
      log.info({ url: redact(options.url) }, 'Subscribed to device telemetry at the MQTT broker (đã kết nối broker MQTT)');
      firstReady();
    });
  });
  let lastError = '';
  client.on('error', (error) => {
    // Reconnection repeats the same error every 2 s: say it once.
    if (error.message === lastError) return;
    lastError = error.message;
    log.warn({ url: redact(options.url), error: error.message }, 'MQTT broker connection failed; retrying (không kết nối được broker MQTT)');
  });

  return {
    ready,
    async close() {
      await client.endAsync();
    },
  };
}

/** The broker URL without credentials, for logs. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return 'mqtt://?';
  }
}
