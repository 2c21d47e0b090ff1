/**
 * Reports waiting for the network. A report that could not be sent (no connection) is kept in
 * IndexedDB with its photos and sent by itself when the browser is back online — on the `online`
 * event, and on the next page load of the citizen portal (see `boot.ts`).
 */
import { ApiError, asApiError, type Bilingual } from '../lib/api.js';
import { loadSession } from '../lib/session.js';
import { submitReport } from './api.js';
import type { DraftPhoto } from './draft.js';
import { idbAll, idbDelete, idbPut, newKey } from './store.js';
import type { ReportInput } from './types.js';

export type OutboxState = 'waiting' | 'sending' | 'sent' | 'failed';

export interface OutboxEntry {
  id: string;
  createdAt: string;
  report: ReportInput;
  photos: DraftPhoto[];
  categoryName: Bilingual | null;
  state: OutboxState;
  attempts: number;
  trackingCode?: string;
  sentAt?: string;
  /** Why the server refused it (it will not be retried by itself). */
  error?: Bilingual;
}

/** How many reports wait; read by `boot.ts` without loading this module. */
export const PENDING_KEY = 'tinhso.feedback.pending';

const listeners = new Set<() => void>();
let flushing: Promise<void> | null = null;

function changed(entries?: OutboxEntry[]): void {
  if (entries) {
    const waiting = entries.filter((e) => e.state === 'waiting' || e.state === 'sending').length;
    try {
      if (waiting > 0) localStorage.setItem(PENDING_KEY, String(waiting));
      else localStorage.removeItem(PENDING_KEY);
    } catch {
      /* storage disabled: sending on the next load will not happen, the online event still works */
    }
  }
  for (const listener of listeners) listener();
}

/** Called after every change of the outbox (in this tab). */
export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function listOutbox(): Promise<OutboxEntry[]> {
  const entries = await idbAll<OutboxEntry>('outbox');
  return entries.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

async function save(entry: OutboxEntry): Promise<void> {
  await idbPut('outbox', entry);
  changed(await listOutbox());
}

/** `id` is also the idempotency key: pass the one a failed direct send already used. */
export async function enqueue(report: ReportInput, photos: DraftPhoto[], categoryName: Bilingual | null, id: string = newKey()): Promise<OutboxEntry> {
  const entry: OutboxEntry = { id, createdAt: new Date().toISOString(), report, photos, categoryName, state: 'waiting', attempts: 0 };
  await save(entry);
  return entry;
}

export async function remove(id: string): Promise<void> {
  await idbDelete('outbox', id);
  changed(await listOutbox());
}

/** A lost connection, as opposed to a refusal by the server. */
export function isNetworkError(error: unknown): boolean {
  return error instanceof ApiError ? error.status === 0 : error instanceof TypeError;
}

async function sendOne(entry: OutboxEntry): Promise<void> {
  await save({ ...entry, state: 'sending', attempts: entry.attempts + 1 });
  try {
    const created = await submitReport(entry.report, entry.photos, entry.id);
    // Keep the entry (without its photos) so the person sees the tracking code; they dismiss it.
    await save({ ...entry, state: 'sent', photos: [], trackingCode: created.trackingCode, sentAt: new Date().toISOString(), attempts: entry.attempts + 1 });
  } catch (error) {
    if (isNetworkError(error) || (error instanceof ApiError && (error.status >= 500 || error.status === 429))) {
      await save({ ...entry, state: 'waiting', attempts: entry.attempts + 1 });
      throw error;
    }
    await save({ ...entry, state: 'failed', error: asApiError(error).messages, attempts: entry.attempts + 1 });
  }
}

async function flushNow(): Promise<void> {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return;
  const waiting = (await listOutbox()).filter((e) => e.state === 'waiting' || e.state === 'sending');
  if (waiting.length === 0) return changed([]);
  // The CSRF token of a signed-in person comes with the session.
  await loadSession().catch(() => null);
  for (const entry of waiting) {
    try {
      await sendOne(entry);
    } catch {
      return; // still offline or the server is busy: try again on the next `online` or load
    }
  }
}

/**
 * Sends every waiting report, one at a time. One run at a time per tab, and one tab at a time
 * where the browser offers Web Locks (so two open tabs never send the same report twice).
 */
export function flushOutbox(): Promise<void> {
  flushing ??= (async () => {
    try {
      const locks = (navigator as Navigator & { locks?: LockManager }).locks;
      if (locks) await locks.request('tinhso-feedback-outbox', () => flushNow());
      else await flushNow();
    } catch {
      /* IndexedDB unavailable: nothing was queued */
    } finally {
      flushing = null;
    }
  })();
  return flushing;
}

let watching = false;
/** Sends on every return of the network, and once now. */
export function watchOutbox(): void {
  if (!watching) {
    watching = true;
    window.addEventListener('online', () => void flushOutbox());
  }
  void flushOutbox();
}
