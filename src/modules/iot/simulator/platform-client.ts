import type { MetricDefinition } from '../metrics.js';
import type { FloodLevels } from './flood.js';
import { floodLevelsFromRule, type RuleLevelLike } from './rule-levels.js';

/** A failure the simulator explains to its user in both languages, then exits. */
export class SimulatorError extends Error {}

export interface DriveableDevice {
  code: string;
  typeCode: string;
  metrics: MetricDefinition[];
  token: string;
}

interface Session {
  cookie: string;
  csrfToken: string;
}

/** The platform's HTTP API as the simulator uses it: a system administrator's session. */
export class PlatformClient {
  private session: Session | undefined;

  constructor(readonly baseUrl: string) {}

  async signIn(email: string, password: string): Promise<void> {
    const res = await this.fetch('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    if (res.status !== 200) throw new SimulatorError(`Đăng nhập ${email} không thành công (${res.status}) / Sign-in as ${email} failed (${res.status}): ${await res.text()}`);
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const cookie = res.headers.getSetCookie()[0]?.split(';')[0];
    if (!cookie) throw new SimulatorError('Máy chủ không trả về phiên đăng nhập / The server returned no session cookie');
    this.session = { cookie, csrfToken };
  }

  /** The demo devices that are not disabled, by code, with their type's metrics (no tokens yet). */
  async demoDevices(): Promise<Array<Omit<DriveableDevice, 'token'>>> {
    const types = await this.get<{ items: Array<{ code: string; metrics: MetricDefinition[] }> }>('/api/v1/iot/device-types');
    const metricsOf = new Map(types.items.map((t) => [t.code, t.metrics]));
    const devices: Array<Omit<DriveableDevice, 'token'>> = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ code: string; typeCode: string; isDemo: boolean; status: string }>; nextCursor: string | null } = await this.get(
        `/api/v1/iot/devices?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      for (const d of page.items) if (d.isDemo && d.status !== 'disabled') devices.push({ code: d.code, typeCode: d.typeCode, metrics: metricsOf.get(d.typeCode) ?? [] });
      cursor = page.nextCursor;
    } while (cursor);
    return devices.sort((a, b) => a.code.localeCompare(b.code));
  }

  /** A new token for the device (the old one stops working): the simulator's credentials at the broker. */
  async rotateToken(code: string): Promise<string> {
    const res = await this.fetch(`/api/v1/iot/devices/${encodeURIComponent(code)}/token`, { method: 'POST', headers: this.headers(true) });
    if (res.status !== 200) throw new SimulatorError(`Không cấp được mã thiết bị ${code} (${res.status}) / Could not issue a token for ${code} (${res.status}): ${await res.text()}`);
    return ((await res.json()) as { token: string }).token;
  }

  /**
   * Alarm levels I–III of each water-level station from its rules (its own rule first, then its
   * type's), for the stations whose rules name them.
   */
  async floodLevels(stations: ReadonlyArray<{ code: string; typeCode: string }>): Promise<Map<string, FloodLevels>> {
    const levels = new Map<string, FloodLevels>();
    const res = await this.fetch('/api/v1/iot/rules?limit=200', { headers: this.headers(false) });
    if (res.status !== 200) return levels;
    const body = (await res.json()) as { items?: Array<{ deviceCode?: string | null; typeCode?: string | null; enabled?: boolean; levels: RuleLevelLike[] }> };
    const rules = (body.items ?? []).filter((r) => r.enabled !== false);
    for (const station of stations) {
      const candidates = [...rules.filter((r) => r.deviceCode === station.code), ...rules.filter((r) => !r.deviceCode && r.typeCode === station.typeCode)];
      const found = candidates.map((r) => floodLevelsFromRule(r.levels, 'water_level')).find((l) => l !== undefined);
      if (found) levels.set(station.code, found);
    }
    return levels;
  }

  /** What the server's ingestion has dropped, by reason (null when the counters are not available). */
  async rejectedCount(): Promise<number | null> {
    try {
      const res = await this.fetch('/api/v1/iot/ingestion/stats', { headers: this.headers(false) });
      if (res.status !== 200) return null;
      const stats = (await res.json()) as { rejected?: Record<string, number> };
      return Object.values(stats.rejected ?? {}).reduce((a, b) => a + b, 0);
    } catch {
      return null;
    }
  }

  private async get<T>(path: string): Promise<T> {
    const res = await this.fetch(path, { headers: this.headers(false) });
    if (res.status !== 200) throw new SimulatorError(`${path}: máy chủ trả về ${res.status} / the server answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  }

  private headers(write: boolean): Record<string, string> {
    if (!this.session) return {};
    return write ? { cookie: this.session.cookie, 'x-csrf-token': this.session.csrfToken } : { cookie: this.session.cookie };
  }

  private async fetch(path: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(`${this.baseUrl}${path}`, init);
    } catch (error) {
      const reason = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      throw new SimulatorError(`Không kết nối được máy chủ ${this.baseUrl} (${reason}); hãy chạy npm start trước / Cannot reach the server at ${this.baseUrl} (${reason}); run npm start first, or pass --url`);
    }
  }
}
