import type { Db } from '../../platform/db/database.js';
import type { AppContext } from '../../platform/http/module.js';
import { iotEvents } from './events.js';
import type { Reading } from './readings.js';

/**
 * Hears committed readings on the IoT bus and hands each device's share of a batch to `handle`,
 * one device at a time in arrival order (a device's batches must not overtake each other), devices
 * in parallel. A failure is logged with `failure` and never reaches the emitter.
 */
export class DeviceReadingsListener {
  private readonly chains = new Map<string, Promise<void>>();
  private readonly listener = (readings: Reading[]) => this.submit(readings);

  constructor(
    private readonly ctx: AppContext,
    private readonly handle: (deviceId: string, readings: Reading[]) => Promise<unknown>,
    private readonly options: { failure: string; wants?: (reading: Reading) => boolean },
  ) {}

  start(): void {
    iotEvents(this.ctx.db).on('readings', this.listener);
  }

  async stop(): Promise<void> {
    iotEvents(this.ctx.db).off('readings', this.listener);
    await this.idle();
  }

  submit(readings: Reading[]): void {
    const wants = this.options.wants ?? (() => true);
    const byDevice = new Map<string, Reading[]>();
    for (const r of readings) {
      if (!wants(r)) continue;
      const list = byDevice.get(r.deviceId);
      if (list) list.push(r);
      else byDevice.set(r.deviceId, [r]);
    }
    for (const [deviceId, batch] of byDevice) {
      const chain = (this.chains.get(deviceId) ?? Promise.resolve())
        .then(() => this.handle(deviceId, batch))
        .then(
          () => undefined,
          (error: unknown) => this.ctx.log.error({ err: error, deviceId }, this.options.failure),
        );
      this.chains.set(deviceId, chain);
      void chain.finally(() => {
        if (this.chains.get(deviceId) === chain) this.chains.delete(deviceId);
      });
    }
  }

  /** Resolves once every batch heard so far is handled (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.chains.size > 0) await Promise.all([...this.chains.values()]);
  }
}

/**
 * One listener per database (tests run several platforms in one process): `start` creates and
 * starts it once, `get` finds it (tests wait on its `idle()`), `stop` stops and forgets it.
 */
export function listenerPerDatabase(create: (ctx: AppContext) => DeviceReadingsListener) {
  const running = new WeakMap<Db, DeviceReadingsListener>();
  return {
    start(ctx: AppContext): DeviceReadingsListener {
      let listener = running.get(ctx.db);
      if (!listener) {
        listener = create(ctx);
        listener.start();
        running.set(ctx.db, listener);
      }
      return listener;
    },
    get(db: Db): DeviceReadingsListener | undefined {
      return running.get(db);
    },
    async stop(db: Db): Promise<void> {
      const listener = running.get(db);
      running.delete(db);
      await listener?.stop();
    },
  };
}
