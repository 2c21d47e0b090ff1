/**
 * Failed phone checks per dossier code, in this process's memory. The address limit of the route
 * stops one client; this stops many addresses guessing the phone of one dossier together.
 */
export class FailureLimiter {
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {}

  /** Seconds until the key may try again, or 0 when it may now. */
  blockedFor(key: string, now = Date.now()): number {
    const entry = this.failures.get(key);
    if (!entry || now - entry.since >= this.windowMs) return 0;
    return entry.count >= this.max ? Math.ceil((entry.since + this.windowMs - now) / 1000) : 0;
  }

  fail(key: string, now = Date.now()): void {
    const entry = this.failures.get(key);
    if (!entry || now - entry.since >= this.windowMs) this.failures.set(key, { count: 1, since: now });
    else entry.count++;
    // Forget old keys now and then so the map stays small.
    if (this.failures.size > 10_000) for (const [k, e] of this.failures) if (now - e.since >= this.windowMs) this.failures.delete(k);
  }
}
