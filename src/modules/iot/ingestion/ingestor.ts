import type { Reading } from '../readings.js';
import type { Journal } from './journal.js';
import { parsePayload, PayloadRejected, type DeviceMetrics, type RejectReason } from './payload.js';
import { DeviceThrottle, type ThrottleSettings } from './throttle.js';

export interface IngestLog {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface IngestorOptions {
  /** Writes readings, ignoring ones already stored or repeated in the batch (the first wins); returns the newly stored (telemetry/store.ts storeReadings). */
  store(readings: Reading[]): Promise<Reading[]>;
  /** Called with each committed batch's new readings (iotEvents(db).emit('readings', …)). */
  emit(stored: Reading[]): void;
  journal: Journal;
  log: IngestLog;
  throttle: ThrottleSettings;
  /** Flush when this many readings are queued … */
  batchSize?: number;
  /** … or this long after the first one was. */
  flushMs?: number;
  maxConcurrentFlushes?: number;
  /** Past this many queued readings, MQTT acknowledgements wait (back-pressure on the brokers). */
  maxQueuedReadings?: number;
  now?: () => number;
}

export interface IngestDevice extends DeviceMetrics {
  code: string;
}

export interface AcceptResult {
  accepted: number;
  outOfRange: number;
}

/** Refused by the device's rate limit; the HTTP answer carries Retry-After. */
export class Throttled extends PayloadRejected {
  constructor(readonly retryAfterSeconds: number) {
    super('throttled', `rate limit exceeded, retry in ${retryAfterSeconds} s`);
  }
}

/** The counters behind GET /api/v1/iot/ingestion/stats. */
export interface IngestionStats {
  messagesAccepted: number;
  readingsAccepted: number;
  readingsStored: number;
  duplicates: number;
  outOfRange: number;
  throttled: number;
  rejected: Partial<Record<RejectReason, number>>;
  batches: number;
  batchFailures: number;
  queuedReadings: number;
  journalPendingReadings: number;
  replayedReadings: number;
}

interface Item {
  readings: Reading[];
  /** The journal segment holding them (MQTT), released on commit. */
  segment?: number;
  /** The HTTP request waiting for the commit. */
  done?: { resolve(): void; reject(error: unknown): void };
}

const REJECT_LOG_INTERVAL_MS = 60_000;

/**
 * The one pipeline both transports use: validate, throttle per device, queue, write in batches,
 * then announce the committed readings. HTTP callers wait for the commit; MQTT messages are
 * journaled before their acknowledgement instead, so the broker connection never waits on the database.
 */
export class Ingestor {
  private readonly throttle: DeviceThrottle;
  private readonly now: () => number;
  private queue: Item[] = [];
  private queued = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private roomWaiters: (() => void)[] = [];
  private readonly rejectLog = new Map<string, { at: number; suppressed: number }>();
  private stopped = false;
  private readonly counters: Omit<IngestionStats, 'queuedReadings' | 'journalPendingReadings'> = {
    messagesAccepted: 0,
    readingsAccepted: 0,
    readingsStored: 0,
    duplicates: 0,
    outOfRange: 0,
    throttled: 0,
    rejected: {},
    batches: 0,
    batchFailures: 0,
    replayedReadings: 0,
  };

  constructor(private readonly options: IngestorOptions) {
    this.throttle = new DeviceThrottle(options.throttle, options.now);
    this.now = options.now ?? Date.now;
  }

  /** Replays what a previous run journaled and never committed. Call before accepting anything. */
  async start(): Promise<void> {
    const leftover = this.options.journal.leftover();
    const size = this.batchSize();
    for (let i = 0; i < leftover.length; i += size) {
      const stored = await this.options.store(leftover.slice(i, i + size));
      this.counters.readingsStored += stored.length;
      this.announce(stored);
    }
    this.counters.replayedReadings += leftover.length;
    this.options.journal.dropLeftover();
  }

  /**
   * An MQTT message: validated and journaled synchronously, then queued. Resolves when the broker may
   * acknowledge it (at once, unless the queue is full); throws PayloadRejected for a refused message.
   */
  async acceptMqtt(device: IngestDevice, payload: Buffer): Promise<AcceptResult> {
    const readings = this.admit(device, payload);
    const segment = this.options.journal.append(readings);
    this.enqueue({ readings, segment });
    if (this.queued > this.maxQueued()) await new Promise<void>((resolve) => this.roomWaiters.push(resolve));
    return this.result(readings);
  }

  /** An HTTP request: resolves once the batch holding its readings is committed. */
  async acceptHttp(device: IngestDevice, payload: Buffer): Promise<AcceptResult> {
    const readings = this.admit(device, payload);
    await new Promise<void>((resolve, reject) => this.enqueue({ readings, done: { resolve, reject } }));
    return this.result(readings);
  }

  /** Counts and logs a message refused before validation (unknown device, wrong topic). */
  refuse(deviceCode: string, error: PayloadRejected): void {
    this.countRejection(deviceCode, error);
  }

  stats(): IngestionStats {
    return {
      ...this.counters,
      rejected: { ...this.counters.rejected },
      queuedReadings: this.queued,
      journalPendingReadings: this.options.journal.pendingReadings(),
    };
  }

  /** Writes everything queued and waits for it (before the database closes). */
  async stop(): Promise<void> {
    this.stopped = true;
    while (this.queue.length > 0 || this.inFlight.size > 0) {
      if (this.queue.length > 0) this.flush();
      await Promise.allSettled([...this.inFlight]);
    }
    this.clearTimer();
    this.options.journal.close();
  }

  /** Tests: vanish as a killed process would, without flushing. */
  crash(): void {
    this.stopped = true;
    this.clearTimer();
    this.queue = [];
    this.options.journal.close();
  }

  private admit(device: IngestDevice, payload: Buffer): Reading[] {
    try {
      const readings = parsePayload(device, payload, this.now());
      const decision = this.throttle.take(device.id, readings.length);
      if (!decision.ok) throw new Throttled(decision.retryAfterSeconds);
      this.counters.messagesAccepted += 1;
      this.counters.readingsAccepted += readings.length;
      this.counters.outOfRange += readings.filter((r) => r.outOfRange).length;
      return readings;
    } catch (error) {
      if (error instanceof PayloadRejected) this.countRejection(device.code, error);
      throw error;
    }
  }

  private countRejection(deviceCode: string, error: PayloadRejected): void {
    this.counters.rejected[error.reason] = (this.counters.rejected[error.reason] ?? 0) + 1;
    if (error.reason === 'throttled') this.counters.throttled += 1;
    // A device sending garbage every second must not fill the log: once per device per minute.
    const now = this.now();
    const last = this.rejectLog.get(deviceCode);
    if (last && now - last.at < REJECT_LOG_INTERVAL_MS) {
      last.suppressed += 1;
      return;
    }
    this.rejectLog.set(deviceCode, { at: now, suppressed: 0 });
    this.options.log.warn(
      { device: deviceCode, reason: error.reason, detail: error.detail, suppressedSinceLast: last?.suppressed ?? 0 },
      'IoT telemetry message dropped (bản tin bị loại)',
    );
  }

  private result(readings: Reading[]): AcceptResult {
    return { accepted: readings.length, outOfRange: readings.filter((r) => r.outOfRange).length };
  }

  private enqueue(item: Item): void {
    this.queue.push(item);
    this.queued += item.readings.length;
    if (this.queued >= this.batchSize()) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.options.flushMs ?? 50);
  }

  private flush(): void {
    this.clearTimer();
    while (this.queue.length > 0 && this.inFlight.size < (this.options.maxConcurrentFlushes ?? 2)) {
      const items = this.take();
      const flight = this.write(items).finally(() => {
        this.inFlight.delete(flight);
        this.wakeWaiters();
        if (this.queue.length > 0 && !this.stopped) this.flush();
      });
      this.inFlight.add(flight);
    }
    if (this.queue.length > 0 && !this.timer && !this.stopped) this.timer = setTimeout(() => this.flush(), this.options.flushMs ?? 50);
  }

  /** Whole messages up to the batch size (at least one message). */
  private take(): Item[] {
    const items: Item[] = [];
    let n = 0;
    while (this.queue.length > 0 && (items.length === 0 || n + this.queue[0]!.readings.length <= this.batchSize())) {
      const item = this.queue.shift()!;
      items.push(item);
      n += item.readings.length;
    }
    this.queued -= n;
    return items;
  }

  private async write(items: Item[]): Promise<void> {
    // The store drops repeats within the batch itself (it sorts and dedupes by key anyway).
    const batch = items.flatMap((i) => i.readings);
    const total = items.reduce((n, i) => n + i.readings.length, 0);
    let stored: Reading[];
    try {
      stored = await this.options.store(batch);
    } catch (error) {
      this.counters.batchFailures += 1;
      this.options.log.error({ err: error, readings: total }, 'IoT telemetry batch not stored');
      this.retryLater(items, error);
      return;
    }
    this.counters.batches += 1;
    this.counters.readingsStored += stored.length;
    this.counters.duplicates += total - stored.length;
    for (const item of items) {
      if (item.segment !== undefined) this.options.journal.release(item.segment, item.readings.length);
      item.done?.resolve();
    }
    this.announce(stored);
  }

  /** HTTP callers hear the failure (they may resend); journaled messages are tried again. */
  private retryLater(items: Item[], error: unknown): void {
    const journaled = items.filter((i) => i.segment !== undefined);
    for (const item of items) item.done?.reject(error);
    if (journaled.length === 0 || this.stopped) return;
    setTimeout(() => {
      if (this.stopped) return;
      for (const item of journaled) this.enqueue(item);
    }, 1000).unref();
  }

  private announce(stored: Reading[]): void {
    if (stored.length === 0) return;
    try {
      this.options.emit(stored);
    } catch (error) {
      this.options.log.error({ err: error }, 'IoT readings listener failed');
    }
  }

  private wakeWaiters(): void {
    if (this.queued > this.maxQueued()) return;
    for (const wake of this.roomWaiters.splice(0)) wake();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private batchSize(): number {
    return this.options.batchSize ?? 2000;
  }

  private maxQueued(): number {
    return this.options.maxQueuedReadings ?? 100_000;
  }
}
