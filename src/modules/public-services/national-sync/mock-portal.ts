/**
 * A local stand-in for the national portal, for tests only: a real HTTP server on 127.0.0.1 that
 * records what it receives, dedupes by (code, sequence), and can be told to fail, lose its answer
 * or drop an update. Its answers are the recorded ones in `mock-portal-fixtures.json`.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SyncPayload } from './tables.js';

export const fixtures = JSON.parse(readFileSync(new URL('./mock-portal-fixtures.json', import.meta.url), 'utf8')) as {
  pushUpdate: { request: { path: string; body: SyncPayload }; response: Record<string, unknown> };
  lastSequences: { request: { path: string }; response: { sequences: Record<string, number> } };
  unauthorized: { status: number; response: Record<string, unknown> };
};

export const MOCK_TOKEN = 'mock-portal-token';

export interface MockPortal {
  url: string;
  /** Every update that reached the portal's store, duplicates included, in arrival order. */
  received: SyncPayload[];
  /** What the portal holds: per code, sequence → update (one copy each). */
  held: Map<string, Map<number, SyncPayload>>;
  /** The next `times` pushes for `code` are refused with 503 and not stored. */
  fail(code: string, times: number): void;
  /** The next push for `code` is stored but answered 503: the sender never learns it arrived (a lost ack). */
  loseAck(code: string): void;
  /** The push of (code, sequence) is answered 200 and silently not stored (a dropped update). */
  drop(code: string, sequence: number): void;
  sequencesOf(code: string): number[];
  close(): Promise<void>;
}

export async function startMockPortal(): Promise<MockPortal> {
  const failures = new Map<string, number>();
  const lostAcks = new Set<string>();
  const drops = new Set<string>();
  const portal = {
    url: '',
    received: [] as SyncPayload[],
    held: new Map<string, Map<number, SyncPayload>>(),
    fail: (code: string, times: number) => void failures.set(code, times),
    loseAck: (code: string) => void lostAcks.add(code),
    drop: (code: string, sequence: number) => void drops.add(`${code}#${sequence}`),
    sequencesOf: (code: string) => [...(portal.held.get(code)?.keys() ?? [])].sort((a, b) => a - b),
  };

  function push(update: SyncPayload, res: ServerResponse): void {
    const left = failures.get(update.code) ?? 0;
    if (left > 0) {
      failures.set(update.code, left - 1);
      return answer(res, 503, { error: 'unavailable' });
    }
    if (drops.delete(`${update.code}#${update.sequence}`)) return answer(res, 200, fixtures.pushUpdate.response);
    const byCode = portal.held.get(update.code) ?? new Map<number, SyncPayload>();
    const duplicate = byCode.has(update.sequence);
    if (!duplicate) byCode.set(update.sequence, update);
    portal.held.set(update.code, byCode);
    portal.received.push(update);
    if (lostAcks.delete(update.code)) return answer(res, 503, { error: 'timeout' });
    answer(res, 200, { ...fixtures.pushUpdate.response, duplicate });
  }

  function lastSequences(codes: string[], res: ServerResponse): void {
    const sequences: Record<string, number> = {};
    for (const code of codes) {
      // The highest n with 1…n all held: a gap counts as missing.
      let n = 0;
      while (portal.held.get(code)?.has(n + 1)) n++;
      if (n > 0) sequences[code] = n;
    }
    answer(res, 200, { sequences });
  }

  const server = createServer((req, res) => {
    void readJson(req).then((body) => {
      if (req.headers.authorization !== `Bearer ${MOCK_TOKEN}`) return answer(res, fixtures.unauthorized.status, fixtures.unauthorized.response);
      if (req.method === 'POST' && req.url === fixtures.pushUpdate.request.path) return push(body as SyncPayload, res);
      if (req.method === 'POST' && req.url === fixtures.lastSequences.request.path) return lastSequences((body as { codes: string[] }).codes, res);
      answer(res, 404, { error: 'not_found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  portal.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(portal, {
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  });
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : null;
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
