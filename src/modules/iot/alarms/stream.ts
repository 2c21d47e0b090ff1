import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/http/errors.js';
import type { AppContext } from '../../../platform/http/module.js';
import { iotEvents, type AlarmEvent } from '../events.js';
import { alarmsDb } from './store.js';

const HEARTBEAT_MS = 15_000;

/**
 * Server-sent events of every alarm transition. Officers and agency admins hear only alarms of
 * devices their agency owns; leaders, system admins and API keys hear all. A comment line every
 * 15 s keeps proxies from closing an idle stream; the listener goes when the client does.
 */
export class AlarmStreams {
  private readonly open = new Set<() => void>();

  constructor(private readonly ctx: AppContext) {}

  serve(request: FastifyRequest, reply: FastifyReply): void {
    // EventSource always asks for text/event-stream; anything else (a plain GET) gets a 406 instead
    // of a response that never ends.
    if (!String(request.headers.accept ?? '').includes('text/event-stream')) {
      throw new AppError(406, 'not_acceptable', { vi: 'Luồng này chỉ trả về text/event-stream.', en: 'This stream only answers text/event-stream.' });
    }
    const p = request.principal;
    const agencyOnly = p.kind === 'user' && (p.role === 'officer' || p.role === 'agency_admin') ? p.agencyId : undefined;
    const owners = new Map<string, string | null>();
    const ownerOf = async (deviceId: string) => {
      if (!owners.has(deviceId)) {
        const d = await alarmsDb(this.ctx.db).selectFrom('iot_devices').select('owner_agency_id').where('id', '=', deviceId).executeTakeFirst();
        owners.set(deviceId, d?.owner_agency_id ?? null);
      }
      return owners.get(deviceId) ?? null;
    };
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.write(': connected\n\n');
    // Writes are chained so events leave in the order they happened even when a lookup is needed.
    let queue = Promise.resolve();
    const onAlarm = (event: AlarmEvent) => {
      queue = queue.then(async () => {
        if (agencyOnly !== undefined && (agencyOnly === null || (await ownerOf(event.deviceId)) !== agencyOnly)) return;
        if (!res.writableEnded) res.write(`event: alarm\ndata: ${JSON.stringify(event)}\n\n`);
      }).catch((error: unknown) => this.ctx.log.warn({ err: error }, 'alarm stream write failed'));
    };
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    const bus = iotEvents(this.ctx.db);
    bus.on('alarm', onAlarm);
    const cleanup = () => {
      clearInterval(heartbeat);
      bus.off('alarm', onAlarm);
      this.open.delete(end);
    };
    const end = () => {
      cleanup();
      if (!res.writableEnded) res.end();
    };
    this.open.add(end);
    request.raw.on('close', cleanup);
    res.on('close', cleanup);
  }

  /** Ends every open stream (server shutdown). */
  closeAll(): void {
    for (const end of [...this.open]) end();
  }
}
