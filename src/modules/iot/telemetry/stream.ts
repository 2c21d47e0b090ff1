import type { ServerResponse } from 'node:http';
import type { App, AppContext } from '../../../platform/http/module.js';
import { iotEvents } from '../events.js';
import type { Reading } from '../readings.js';
import { deviceByCode } from './devices.js';
import { latestValues } from './queries.js';
import { CodeParams, PROBLEM, READ_ACCESS, tags } from './schemas.js';

/** Proxies and load balancers drop a connection silent for about a minute; a comment every 25 s keeps it. */
export const HEARTBEAT_MS = 25_000;

/**
 * Server-Sent Events of one device's readings as they are committed (luồng dữ liệu trực tiếp):
 * first `latest` (the current values), then `readings` for every committed batch that holds the
 * device's. Open streams are ended when the server closes, which would otherwise wait for them.
 */
export function registerStreamRoute(app: App, ctx: AppContext): void {
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of [...open]) end();
  });

  app.get(
    '/api/v1/iot/devices/:code/stream',
    {
      config: { access: READ_ACCESS },
      schema: {
        tags,
        summary: 'Live readings of a device (text/event-stream): `latest` once, then `readings` per committed batch',
        description:
          'Events: `latest` `{"values":{"<metric>":{"value","ts"}}}`; `readings` `{"readings":[{"metric","ts","value","outOfRange"}]}`. ' +
          'A comment line every 25 seconds keeps the connection open.',
        params: CodeParams,
        response: { 404: PROBLEM },
      },
    },
    async (request, reply) => {
      const device = await deviceByCode(ctx.db, request.params.code);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        // nginx would otherwise buffer the stream.
        'x-accel-buffering': 'no',
        'x-request-id': request.id,
      });
      res.write('retry: 5000\n\n');
      const bus = iotEvents(ctx.db);
      const onReadings = (readings: Reading[]) => {
        const mine = readings.filter((r) => r.deviceId === device.id);
        if (mine.length === 0) return;
        send(res, 'readings', { readings: mine.map((r) => ({ metric: r.metric, ts: r.ts.toISOString(), value: r.value, outOfRange: r.outOfRange })) });
      };
      // Listen before reading the snapshot, so nothing committed in between is missed.
      bus.on('readings', onReadings);
      const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      const end = () => {
        if (!open.delete(end)) return;
        clearInterval(heartbeat);
        bus.off('readings', onReadings);
        if (!res.writableEnded) res.end();
      };
      open.add(end);
      res.on('close', end);
      try {
        const latest = (await latestValues(ctx.db, [device.id])).get(device.id) ?? {};
        const values = Object.fromEntries(Object.entries(latest).map(([m, v]) => [m, { value: v.value, ts: v.ts.toISOString() }]));
        send(res, 'latest', { values });
      } catch (error) {
        request.log.error({ err: error }, 'iot stream could not read the latest values');
        end();
      }
    },
  );
}

function send(res: ServerResponse, event: string, data: unknown): void {
  if (!res.writableEnded) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}
