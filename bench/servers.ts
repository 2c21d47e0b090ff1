// Child-process entry for the benchmark: a bare Fastify hello-world (the baseline) or the platform.
import Fastify from 'fastify';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/platform/config/config.js';
import { startPlatform } from '../src/platform/runtime.js';

const kind = process.argv[2];
const port = Number(process.argv[3]);

if (kind === 'hello') {
  const app = Fastify();
  app.get('/hello', async () => ({ hello: 'world' }));
  await app.listen({ port, host: '127.0.0.1' });
} else {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tinhso-bench-'));
  const config = loadConfig({ ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'development' });
  const platform = await startPlatform({ config, workers: false, seedDemo: true });
  await platform.app.listen({ port, host: '127.0.0.1' });
}
process.on('SIGINT', () => process.exit(0));
process.stdout.write('ready\n');
