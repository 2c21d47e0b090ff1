import mqtt, { type MqttClient } from 'mqtt';
import type { SeriesGenerator } from './generator.js';
import { SimulatorError, type DriveableDevice } from './platform-client.js';

export interface FleetCounters {
  connected: number;
  /** Devices the broker refused (wrong credentials, not authorised). */
  refused: number;
  /** Messages the broker acknowledged (QoS 1 PUBACK). */
  sent: number;
  readings: number;
  /** Publishes that failed (connection lost, refused by the broker). */
  failed: number;
}

export interface FleetClock {
  /** Simulated time now (ms): the series' time, running `speed` times faster than the wall clock. */
  simulatedNow(): number;
  /** Simulated seconds between two messages of a device. */
  simulatedInterval: number;
}

/**
 * One MQTT client per device (username = code, password = token), each publishing
 * `{"ts","values"}` on `devices/{code}/telemetry` with QoS 1 every interval. `ts` is the wall clock
 * (what a real device sends); the values come from the simulated clock, so a flood plays out fast.
 */
export class Fleet {
  readonly counters: FleetCounters = { connected: 0, refused: 0, sent: 0, readings: 0, failed: 0 };
  private readonly clients = new Map<string, MqttClient>();
  private readonly timers: NodeJS.Timeout[] = [];
  /** The last values published, by device code (for the live summary). */
  readonly last = new Map<string, Record<string, number>>();

  constructor(
    private readonly brokerUrl: string,
    private readonly generator: SeriesGenerator,
    private readonly clock: FleetClock,
  ) {}

  /** Connects every device; throws SimulatorError when the broker cannot be reached at all. */
  async connect(devices: readonly DriveableDevice[]): Promise<void> {
    const results = await Promise.allSettled(devices.map((d) => this.connectOne(d)));
    const unreachable = results.find((r) => r.status === 'rejected' && !isRefusal(r.reason));
    if (unreachable && this.counters.connected === 0) {
      const reason = ((unreachable as PromiseRejectedResult).reason as Error).message;
      throw new SimulatorError(`Không kết nối được MQTT broker ${this.brokerUrl} (${reason}) / Cannot reach the MQTT broker at ${this.brokerUrl} (${reason}); pass --mqtt`);
    }
  }

  /** Starts publishing, each device at its own offset within the interval so the load is even. */
  start(devices: readonly DriveableDevice[], intervalSeconds: number): void {
    devices.forEach((device, i) => {
      if (!this.clients.has(device.code)) return;
      const offset = (intervalSeconds * 1000 * i) / devices.length;
      const first = setTimeout(() => {
        void this.publish(device);
        this.timers.push(setInterval(() => void this.publish(device), intervalSeconds * 1000));
      }, offset);
      this.timers.push(first);
    });
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    await Promise.all([...this.clients.values()].map((c) => c.endAsync().catch(() => undefined)));
    this.clients.clear();
  }

  private async connectOne(device: DriveableDevice): Promise<void> {
    try {
      const client = await mqtt.connectAsync(this.brokerUrl, { username: device.code, password: device.token, clientId: `sim-${device.code}`, connectTimeout: 5000, reconnectPeriod: 0 }, false);
      // Once in, ride out a broker restart like a real device.
      client.options.reconnectPeriod = 2000;
      client.on('error', () => undefined);
      this.clients.set(device.code, client);
      this.counters.connected++;
    } catch (error) {
      if (isRefusal(error)) this.counters.refused++;
      throw error;
    }
  }

  private async publish(device: DriveableDevice): Promise<void> {
    const client = this.clients.get(device.code);
    if (!client) return;
    const values = this.generator.valuesAt(device, this.clock.simulatedNow(), this.clock.simulatedInterval);
    this.last.set(device.code, values);
    const payload = JSON.stringify({ ts: new Date().toISOString(), values });
    try {
      await client.publishAsync(`devices/${device.code}/telemetry`, payload, { qos: 1 });
      this.counters.sent++;
      this.counters.readings += Object.keys(values).length;
    } catch {
      this.counters.failed++;
    }
  }
}

/** The broker answered and said no (bad credentials, not authorised), as opposed to not answering. */
function isRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'number' && code > 0;
}
