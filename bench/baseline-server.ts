/**
 * The feedback benchmark's baselines: a bare Fastify app on the platform's own database handle,
 * with the least work an endpoint of each kind can do.
 *   POST /insert   reads the same form body as Open311 POST and inserts one row into a scratch table
 *   GET  /select1  runs `select 1`
 */
import Fastify from 'fastify';
import formbody from '@fastify/formbody';
import { sql, type Kysely } from 'kysely';

export async function startBaseline(db: Kysely<any>, port: number): Promise<void> {
  await sql`create table if not exists bench_scratch (id bigserial primary key, description text not null, created_at timestamptz not null default now())`.execute(db);
  await sql`truncate bench_scratch`.execute(db);
  const app = Fastify();
  await app.register(formbody);
  app.post('/insert', async (request, reply) => {
    const body = request.body as Record<string, string>;
    const row = await sql<{ id: string }>`insert into bench_scratch (description) values (${body.description ?? ''}) returning id`.execute(db);
    return reply.status(201).send({ id: row.rows[0]!.id });
  });
  app.get('/select1', async () => (await sql<{ one: number }>`select 1 as one`.execute(db)).rows[0]);
  await app.listen({ port, host: '127.0.0.1' });
}
