import { loadConfig, productionProblems, ConfigError } from './platform/config/config.js';
import { startPlatform } from './platform/runtime.js';
import { registerWeb } from './web-server.js';
import { hasDemoAccounts, demoSignIns } from './platform/identity/demo-accounts.js';
import { mqttBannerLine } from './modules/iot/ingestion/banner.js';

/** `npm start`: the whole platform in one process. */
async function main(): Promise<void> {
  const config = loadConfig();
  refuseUnsafeProduction(productionProblems(config, false));
  const platform = await startPlatform({ config, web: registerWeb });
  const problems = productionProblems(config, await hasDemoAccounts(platform.ctx.db));
  if (problems.length > 0) await platform.close();
  refuseUnsafeProduction(problems);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    platform.app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    // Fastify's close waits for in-flight requests; the database then checkpoints and closes.
    await platform.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await platform.app.listen({ port: config.port, host: config.host });
  const lines = [
    '',
    `Tỉnh Số is running at ${config.publicUrl}  (database: ${platform.ctx.database.engine === 'pglite' ? `embedded, ${config.dataDir}` : 'PostgreSQL server'})`,
    `API docs: ${config.publicUrl}/api/docs`,
    mqttBannerLine(config, platform.ctx.db),
  ];
  if (config.demoData) {
    lines.push('Demo sign-ins (DEMO DATA — not for production):');
    for (const s of demoSignIns()) lines.push(`  ${s.role.padEnd(13)} ${s.email.padEnd(34)} ${s.password}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

function refuseUnsafeProduction(problems: string[]): void {
  if (problems.length > 0) throw new ConfigError(`Refusing to start in production:\n- ${problems.join('\n- ')}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
