import type { PortalSettings } from './settings.js';
import type { SyncPayload } from './tables.js';

/**
 * Our adapter contract with the National Public Service Portal (Cổng DVCQG). The real API is not
 * public: this is OUR wire format, to be mapped onto the portal's once it is known (README).
 */
export interface NationalPortalClient {
  /** Delivers one status change; resolves once the portal holds it, throws otherwise. Idempotent by (code, sequence). */
  pushUpdate(update: SyncPayload): Promise<void>;
  /**
   * Per dossier code, the highest sequence n such that the portal holds every update 1…n (0 or
   * absent when it holds none): a gap below the highest update received counts as missing.
   */
  lastSequences(codes: string[]): Promise<Record<string, number>>;
}

/** A portal answer that is not a success, kept short for `last_error`. */
export class PortalError extends Error {}

const TIMEOUT_MS = 10_000;

/** POSTs JSON with the bearer token: `/dossier-updates` and `/last-sequences` under NATIONAL_PORTAL_URL. */
export function httpPortalClient(settings: PortalSettings): NationalPortalClient {
  return {
    async pushUpdate(update) {
      await post(settings, '/dossier-updates', update);
    },
    async lastSequences(codes) {
      const body = (await post(settings, '/last-sequences', { codes })) as { sequences?: Record<string, unknown> } | null;
      const out: Record<string, number> = {};
      for (const [code, n] of Object.entries(body?.sequences ?? {})) if (Number.isInteger(n)) out[code] = n as number;
      return out;
    },
  };
}

async function post(settings: PortalSettings, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${settings.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${settings.token}` },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const text = await response.text();
  if (!response.ok) throw new PortalError(`portal answered ${response.status} on ${path}: ${text.slice(0, 200)}`);
  return text ? JSON.parse(text) : null;
}
