// Child-process entry for the benchmark: a bare Fastify hello-world (the baseline), the platform,
// or the platform on a benchmark's prepared database (feedback, public services) with its bare baselines beside it.
import Fastify from 'fastify';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/platform/config/config.js';
import { startPlatform } from '../src/platform/runtime.js';
import { startBaseline } from './baseline-server.js';

const kind = process.argv[2];
const port = Number(process.argv[3]);

if (kind === 'hello') {
  const app = Fastify();
  app.get('/hello', async () => ({ hello: 'world' }));
  await app.listen({ port, host: '127.0.0.1' });
} else if (kind === 'feedback' || kind === 'prepared') {
  // DATA_DIR and DATABASE_URL come from the benchmark (the prepared database, kept between runs).
  const config = loadConfig({ ...process.env, PORT: String(port) });
  const platform = await startPlatform({ config, workers: false, seedDemo: false });
  await platform.app.listen({ port, host: '127.0.0.1' });
  // The baselines share the platform's database handle: the same pool (server) or the same engine (embedded).
  await startBaseline(platform.ctx.db, port + 1);
} else {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tinhso-bench-'));
  const config = loadConfig({ ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'development' });
  const platform = await startPlatform({ config, workers: false, seedDemo: true });
  await platform.app.listen({ port, host: '127.0.0.1' });
}
process.on('SIGINT', () => process.exit(0));
process.stdout.write('ready\n');
