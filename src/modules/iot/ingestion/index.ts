import type { Migration } from 'kysely/migration';
import type { Db } from '../../../platform/db/database.js';
import type { App, AppContext } from '../../../platform/http/module.js';
import { iotEvents } from '../events.js';
import { storeReadings } from '../telemetry/store.js';
import { startEmbeddedBroker, type EmbeddedBroker } from './broker.js';
import { DeviceDirectory } from './device-directory.js';
import { Ingestor } from './ingestor.js';
import { FileJournal, MemoryJournal } from './journal.js';
import { MosquittoBridge } from './mosquitto-bridge.js';
import { registerIngestionHttp } from './routes.js';
import { ingestionSettings } from './settings.js';
import { startSubscriber, type Subscriber } from './subscriber.js';

export const ingestionMigrations: Record<string, Migration> = {};

/** What is running for one platform (tests and the startup banner read it). */
export interface IngestionRuntime {
  ingestor: Ingestor;
  /** The embedded broker's port, when one is listening. */
  brokerPort: number | undefined;
  subscriber: Subscriber | undefined;
  bridge: MosquittoBridge | undefined;
}

const runtimes = new WeakMap<Db, IngestionRuntime>();

/** The ingestion side of a started platform, by its database. */
export function ingestionRuntime(db: Db): IngestionRuntime | undefined {
  return runtimes.get(db);
}

/** The HTTP telemetry route, and the MQTT side (embedded broker or external one) started with the app and stopped with it. */
export function registerIngestionRoutes(app: App, ctx: AppContext): void {
  const settings = ingestionSettings(ctx.config);
  const directory = new DeviceDirectory(ctx.db);
  let ingestor: Ingestor | undefined;
  let broker: EmbeddedBroker | undefined;
  const current = (): Ingestor => {
    if (!ingestor) throw new Error('IoT ingestion is not started');
    return ingestor;
  };
  registerIngestionHttp(app, { db: ctx.db, directory, ingestor: current });

  app.addHook('onReady', async () => {
    // The journal is opened only now: a platform built and closed without serving never touches it.
    ingestor = new Ingestor({
      store: (readings) => storeReadings(ctx.db, readings),
      emit: (stored) => iotEvents(ctx.db).emit('readings', stored),
      journal: settings.journalDir ? new FileJournal(settings.journalDir, { fsync: settings.journalFsync }) : new MemoryJournal(),
      log: ctx.log,
      throttle: settings.throttle,
    });
    await ingestor.start();
    const runtime: IngestionRuntime = { ingestor, brokerPort: undefined, subscriber: undefined, bridge: undefined };
    runtimes.set(ctx.db, runtime);
    if (settings.mosquitto) {
      const account = settings.mqttUsername && settings.mqttPassword ? { username: settings.mqttUsername, password: settings.mqttPassword } : undefined;
      runtime.bridge = new MosquittoBridge(ctx.db, settings.mosquitto, account, ctx.log);
      await runtime.bridge.start();
    }
    if (settings.mqttUrl) {
      runtime.subscriber = startSubscriber({
        url: settings.mqttUrl,
        clientId: settings.mqttClientId,
        username: settings.mqttUsername,
        password: settings.mqttPassword,
        directory,
        ingestor,
        log: ctx.log,
      });
    } else if (settings.embeddedPort !== undefined) {
      broker = await startEmbeddedBroker({ port: settings.embeddedPort, host: settings.host, directory, ingestor, log: ctx.log });
      runtime.brokerPort = broker?.port;
    }
  });

  app.addHook('onClose', async () => {
    const runtime = runtimes.get(ctx.db);
    runtimes.delete(ctx.db);
    // Stop taking messages, then write what is queued while the database is still open.
    await broker?.close();
    await runtime?.subscriber?.close();
    await runtime?.bridge?.stop();
    await ingestor?.stop();
  });
}
