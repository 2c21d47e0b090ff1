import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import { buildApp } from './app.js';

let t: TestPlatform;
before(async () => {
  t = await createTestPlatform({ seedDemo: false });
});
after(() => t.close());

test('closing the server lets an in-flight request finish before it stops', async () => {
  const { app } = await buildApp({
    ctx: { config: t.config, database: t.ctx.database, db: t.ctx.db, audit: t.ctx.audit, jobs: t.ctx.jobs },
    areas: [
      {
        name: 'slow',
        routes: (a) =>
          void a.get('/api/v1/slow', { config: { access: { public: true } } }, async () => {
            await new Promise((r) => setTimeout(r, 400));
            return { done: true };
          }),
      },
    ],
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const inFlight = fetch(`http://127.0.0.1:${port}/api/v1/slow`);
  await new Promise((r) => setTimeout(r, 100));
  const closing = app.close();
  const res = await inFlight;
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { done: true });
  await closing;
  await assert.rejects(fetch(`http://127.0.0.1:${port}/api/v1/slow`), 'no new connections after close');
});
