import net from 'node:net';
import { Aedes, type AuthenticateError, type Client } from 'aedes';
import type { DeviceIdentity } from '../device-registry/auth.js';
import type { Ingestor } from './ingestor.js';
import { PayloadRejected } from './payload.js';
import type { DeviceDirectory } from './device-directory.js';

export interface BrokerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface EmbeddedBroker {
  /** The port actually listened on (MQTT_PORT=0 picks a free one). */
  port: number;
  close(): Promise<void>;
}

export const telemetryTopic = (code: string) => `devices/${code}/telemetry`;

/** CONNACK 5 "not authorised", what Mosquitto answers to a wrong password too. */
function notAuthorised(): AuthenticateError {
  return Object.assign(new Error('not authorised'), { returnCode: 5 }) as AuthenticateError;
}

/**
 * The embedded MQTT broker (Aedes) of `npm start`. Devices sign in with their code and token and may
 * publish only to their own topic; nobody may subscribe. Messages are ingested here, in
 * authorizePublish, because Aedes sends a QoS 1 PUBACK right after it: the journal append happens
 * before the device hears "acknowledged". (Routing them to a subscriber first would acknowledge
 * before anything was written down.)
 */
export async function startEmbeddedBroker(options: {
  port: number;
  host: string;
  directory: DeviceDirectory;
  ingestor: Ingestor;
  log: BrokerLog;
}): Promise<EmbeddedBroker | undefined> {
  const { directory, ingestor, log } = options;
  const devices = new WeakMap<Client, DeviceIdentity>();
  const broker = await Aedes.createBroker({
    authenticate(client, username, password, done) {
      const code = username ?? '';
      directory.authenticate(code, password?.toString() ?? '').then(
        (device) => {
          if (!device) {
            log.warn({ device: code, clientId: client.id }, 'MQTT sign-in refused (thiết bị đăng nhập MQTT bị từ chối)');
            return done(notAuthorised(), false);
          }
          devices.set(client, device);
          done(null, true);
        },
        (error: unknown) => done(Object.assign(error as Error, { returnCode: 3 }) as AuthenticateError, false),
      );
    },
    authorizePublish(client, packet, done) {
      const device = client ? devices.get(client) : undefined;
      if (!device || packet.topic !== telemetryTopic(device.code)) {
        log.warn({ device: device?.code, topic: packet.topic }, 'MQTT publish refused: not the device\'s own topic (thiết bị gửi sai chủ đề)');
        if (device) ingestor.refuse(device.code, new PayloadRejected('forbidden_topic', packet.topic));
        return done(new Error('not authorised'));
      }
      void ingestOne(device.code, packet.payload as Buffer).then(() => done(null), done);
    },
    authorizeSubscribe(client, subscription, done) {
      log.warn({ device: devices.get(client)?.code, topic: subscription.topic }, 'MQTT subscribe refused (không được đăng ký chủ đề)');
      done(null, null);
    },
  });

  /** Resolves when the message may be acknowledged; rejects only when it couldn't be written down. */
  async function ingestOne(code: string, payload: Buffer): Promise<void> {
    // The identity is looked up again so a device disabled while connected stops within seconds.
    const device = await directory.byCode(code);
    if (!device || device.status === 'disabled') {
      ingestor.refuse(code, new PayloadRejected('device_disabled', 'device disabled while connected'));
      return;
    }
    try {
      await ingestor.acceptMqtt(device, payload);
    } catch (error) {
      // Refused messages are acknowledged and dropped: resending them would never help.
      if (!(error instanceof PayloadRejected)) throw error;
    }
  }

  const server = net.createServer((socket) => broker.handle(socket));
  const listening = await new Promise<boolean>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => (error.code === 'EADDRINUSE' || error.code === 'EACCES' ? resolve(false) : reject(error)));
    server.listen(options.port, options.host, () => resolve(true));
  });
  if (!listening) {
    log.warn(
      { port: options.port },
      `Cổng MQTT ${options.port} đang bận hoặc không được phép: chạy tiếp không có broker MQTT nhúng (đặt MQTT_PORT khác). / MQTT port ${options.port} is taken or not allowed: running without the embedded MQTT broker (set another MQTT_PORT).`,
    );
    await new Promise<void>((resolve) => broker.close(() => resolve()));
    return undefined;
  }
  const port = (server.address() as net.AddressInfo).port;
  log.info({ port }, 'Embedded MQTT broker listening (broker MQTT nhúng đang chạy)');
  return {
    port,
    async close() {
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
