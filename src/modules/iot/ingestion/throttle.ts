/**
 * A token bucket per device, counted in readings (one metric value = one token). A message may
 * overdraw the bucket once when it is full (a backlog after an outage must get through), after
 * which the device waits until the bucket refills. A flooding device is refused while every other
 * device keeps its own bucket and flows.
 */
export interface ThrottleSettings {
  /** Sustained rate: readings per minute per device. */
  perMinute: number;
  /** Bucket size: readings a device may send at once after being quiet. */
  burst: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export type ThrottleDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export class DeviceThrottle {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    private readonly settings: ThrottleSettings,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = settings.perMinute / 60_000;
  }

  take(deviceId: string, readings: number): ThrottleDecision {
    const now = this.now();
    const bucket = this.buckets.get(deviceId) ?? { tokens: this.settings.burst, at: now };
    bucket.tokens = Math.min(this.settings.burst, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    this.buckets.set(deviceId, bucket);
    const needed = Math.min(readings, this.settings.burst);
    if (bucket.tokens < needed) {
      const waitMs = this.perMs > 0 ? (needed - bucket.tokens) / this.perMs : 60_000;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    }
    bucket.tokens -= readings;
    if (this.buckets.size > 100_000) this.forgetFull(now);
    return { ok: true };
  }

  /** Drops buckets that have refilled (they'd start full anyway), so the map stays the size of the active fleet. */
  private forgetFull(now: number): void {
    for (const [id, b] of this.buckets) if (b.tokens + (now - b.at) * this.perMs >= this.settings.burst) this.buckets.delete(id);
  }
}
