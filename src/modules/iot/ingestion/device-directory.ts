import { createHash } from 'node:crypto';
import type { Db } from '../../../platform/db/database.js';
import { authenticateDevice, deviceIdentity, type DeviceIdentity } from '../device-registry/auth.js';

interface Entry {
  identity: DeviceIdentity | null;
  until: number;
}

/**
 * Device identities for the transports, remembered for a few seconds: verifying a token is a
 * PBKDF2 hash (deliberately slow), and a device posting every second must not pay it every time.
 * A disabled device is refused within `ttlMs`.
 */
export class DeviceDirectory {
  private readonly byToken = new Map<string, Entry>();
  private readonly byCodeCache = new Map<string, Entry>();

  constructor(
    private readonly db: Db,
    private readonly ttlMs = 5000,
  ) {}

  /** The device if the token is its own and it isn't disabled. */
  async authenticate(code: string, token: string): Promise<DeviceIdentity | null> {
    const key = `${code}\u0000${createHash('sha256').update(token).digest('base64')}`;
    const hit = this.fresh(this.byToken, key);
    if (hit) return hit.identity;
    const identity = await authenticateDevice(this.db, code, token);
    // Failures aren't remembered: a device whose token was just issued must get in at once.
    if (identity) this.remember(this.byToken, key, identity);
    return identity;
  }

  /** The device named by a topic (the broker already authenticated it), or null when unknown. */
  async byCode(code: string): Promise<DeviceIdentity | null> {
    const hit = this.fresh(this.byCodeCache, code);
    if (hit) return hit.identity;
    const identity = await deviceIdentity(this.db, code);
    this.remember(this.byCodeCache, code, identity);
    return identity;
  }

  private fresh(map: Map<string, Entry>, key: string): Entry | undefined {
    const entry = map.get(key);
    if (entry && entry.until > Date.now()) return entry;
    if (entry) map.delete(key);
    return undefined;
  }

  private remember(map: Map<string, Entry>, key: string, identity: DeviceIdentity | null): void {
    if (map.size > 50_000) map.clear();
    // An unknown code is forgotten sooner: it may be a device being registered right now.
    map.set(key, { identity, until: Date.now() + (identity ? this.ttlMs : Math.min(this.ttlMs, 1000)) });
  }
}
