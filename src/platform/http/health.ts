import { sql } from 'kysely';
import { Type } from 'typebox';
import type { App, AppContext } from './module.js';
import { pendingMigrations } from '../db/migrator.js';

export function registerHealthRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/healthz',
    {
      config: { access: { public: true } },
      schema: { tags: ['platform'], summary: 'The process is serving', response: { 200: Type.Object({ status: Type.Literal('ok') }) } },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['platform'],
        summary: 'The database is reachable and every migration is applied',
        response: {
          200: Type.Object({ status: Type.Literal('ready'), engine: Type.String() }),
          503: Type.Object({ status: Type.Literal('not_ready'), reason: Type.String() }),
        },
      },
    },
    async (_request, reply) => {
      try {
        await sql`select 1`.execute(ctx.db);
        const pending = await pendingMigrations(ctx.db);
        if (pending.length > 0) return reply.status(503).send({ status: 'not_ready' as const, reason: `${pending.length} migrations pending` });
        return { status: 'ready' as const, engine: ctx.database.engine };
      } catch {
        return reply.status(503).send({ status: 'not_ready' as const, reason: 'database unreachable' });
      }
    },
  );
}
