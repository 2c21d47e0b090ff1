import { parseArgs } from 'node:util';
import { loadConfig, ConfigError, type Config } from './platform/config/config.js';
import { openDatabase, type DatabaseHandle } from './platform/db/database.js';
import { migrateToLatest } from './platform/db/migrator.js';
import { AuditTrail } from './platform/audit/audit-trail.js';
import { createUser } from './platform/identity/users.js';
import { issueApiKey } from './platform/identity/issue-api-key.js';
import { isRole } from './platform/identity/roles.js';
import { backupEmbedded, restoreEmbedded } from './platform/db/backup.js';
import { importAdminUnits } from './platform/admin-units/area.js';
import { generateDemoReports } from './modules/feedback/demo/generate.js';
import { rebuildFeedbackStats } from './modules/feedback/stats/rebuild.js';
import { feedbackDb, platformTrx } from './modules/feedback/tables.js';
import { generateDemoDossiers } from './modules/public-services/demo/generate.js';
import { DEVICE_CREATE_USAGE, deviceCreateCommand } from './modules/iot/device-registry/cli-command.js';
import { MOSQUITTO_FILES_USAGE, mosquittoFilesCommand } from './modules/iot/ingestion/cli-command.js';

const CLI_ACTOR = { userId: null, label: 'system:cli' };

const USAGE = `Usage: npm run cli -- <command> [options]
  migrate                                   apply pending migrations
  user:create --email E --password P --role R [--name N] [--agency CODE]
  apikey:create --name N --scopes S1,S2 [--expires YYYY-MM-DD]   prints the key alone on its last line
  admin-units:import [--data-dir DIR] [--force]   (re)load the official units, boundaries and conversions
  audit:verify                              exit 0 if the audit chain is intact, 1 naming the first broken record
  backup FILE                               copy the embedded database to FILE (server: use pg_dump)
  restore FILE                              restore FILE into an empty DATA_DIR
  feedback:generate --count N [--seed S] [--until YYYY-MM-DD]   add N demo reports over the year before --until (default now)
  feedback:stats:rebuild                    recount the feedback statistics from every report and timeline (audited)
  services:generate --count N [--seed S] [--until YYYY-MM-DD]   add N demo dossiers over the year before --until (default now)
  services:recompute-deadlines [--apply]    list (or with --apply move, audited and notified) due dates a calendar change moves
  ${DEVICE_CREATE_USAGE}
  ${MOSQUITTO_FILES_USAGE}`;

type Command = (config: Config, args: string[]) => Promise<number>;

async function withDatabase<T>(config: Config, fn: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(handle.db);
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

const commands: Record<string, Command> = {
  async migrate(config) {
    return withDatabase(config, async () => {
      console.log('Migrations applied.');
      return 0;
    });
  },

  async 'user:create'(config, args) {
    const { values } = parseArgs({ args, options: { email: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, agency: { type: 'string' } } });
    if (!values.email || !values.password || !values.role) throw new ConfigError('user:create needs --email, --password and --role');
    const role = values.role;
    if (!isRole(role)) throw new ConfigError(`Unknown role "${role}"`);
    return withDatabase(config, async ({ db }) => {
      const agencyId = values.agency
        ? ((await db.selectFrom('agencies' as never).select('id' as never).where('code' as never, '=', values.agency as never).executeTakeFirst()) as { id: string } | undefined)?.id
        : null;
      if (values.agency && !agencyId) throw new ConfigError(`No agency with code "${values.agency}"`);
      const audit = new AuditTrail(db);
      const user = await db.transaction().execute((trx) =>
        createUser(trx, audit, { email: values.email!, password: values.password!, role, fullName: values.name ?? values.email!.split('@')[0]!, agencyId: agencyId ?? null }, CLI_ACTOR),
      );
      console.log(`Created ${user.role} ${user.email} (${user.id})`);
      return 0;
    });
  },

  async 'apikey:create'(config, args) {
    const { values } = parseArgs({ args, options: { name: { type: 'string' }, scopes: { type: 'string' }, expires: { type: 'string' } } });
    if (!values.name || !values.scopes) throw new ConfigError('apikey:create needs --name and --scopes');
    const scopes = values.scopes.split(',').map((s) => s.trim()).filter(Boolean);
    const expiresAt = values.expires ? new Date(`${values.expires}T23:59:59+07:00`) : null;
    if (expiresAt && Number.isNaN(expiresAt.getTime())) throw new ConfigError('--expires must be YYYY-MM-DD');
    return withDatabase(config, async ({ db }) => {
      const audit = new AuditTrail(db);
      const issued = await db.transaction().execute((trx) => issueApiKey(trx, audit, { name: values.name!, scopes, expiresAt, agencyId: null, createdBy: null }, CLI_ACTOR));
      console.log(`API key "${values.name}" (${issued.id}), scopes ${scopes.join(', ')}. It is shown once:`);
      console.log(issued.key);
      return 0;
    });
  },

  async 'admin-units:import'(config, args) {
    const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' }, force: { type: 'boolean' } } });
    return withDatabase(config, async ({ db }) => {
      const result = await importAdminUnits({ db, audit: new AuditTrail(db) }, { ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}), force: values.force ?? false });
      console.log(result.skipped ? 'Administrative units already up to date.' : `Administrative units imported: ${JSON.stringify(result)}`);
      return 0;
    });
  },

  async 'audit:verify'(config) {
    return withDatabase(config, async ({ db }) => {
      const result = await new AuditTrail(db).verify();
      if (result.ok) {
        console.log(`Audit chain intact: ${result.checked} records checked.`);
        return 0;
      }
      console.log(`Audit chain BROKEN at record ${result.firstBroken!.seq}: ${result.firstBroken!.message}`);
      return 1;
    });
  },

  async 'feedback:generate'(config, args) {
    const { values } = parseArgs({ args, options: { count: { type: 'string' }, seed: { type: 'string' }, until: { type: 'string' } } });
    const count = Number(values.count);
    const seed = Number(values.seed ?? 42);
    if (!Number.isInteger(count) || count < 1) throw new ConfigError('feedback:generate needs --count N (a whole number ≥ 1)');
    if (!Number.isInteger(seed)) throw new ConfigError('--seed must be a whole number');
    const until = values.until ? new Date(`${values.until}T23:59:59+07:00`) : new Date();
    if (Number.isNaN(until.getTime())) throw new ConfigError('--until must be YYYY-MM-DD');
    return withDatabase(config, async ({ db }) => {
      let shown = 0;
      const result = await generateDemoReports({ db, audit: new AuditTrail(db) }, {
        count,
        seed,
        until,
        batchSize: 1000,
        onProgress(written) {
          if (written - shown >= 50_000 || written === count) {
            shown = written;
            console.log(`  ${written} / ${count} reports written`);
            if (written === count) console.log('  recounting the daily statistics (same transaction)…');
          }
        },
      });
      console.log(`Generated ${result.count} demo reports (${result.events} timeline events, seed ${seed}) in ${(result.ms / 1000).toFixed(1)} s.`);
      return 0;
    });
  },

  async 'services:generate'(config, args) {
    const { values } = parseArgs({ args, options: { count: { type: 'string' }, seed: { type: 'string' }, until: { type: 'string' } } });
    const count = Number(values.count);
    const seed = Number(values.seed ?? 7);
    if (!Number.isInteger(count) || count < 1) throw new ConfigError('services:generate needs --count N (a whole number ≥ 1)');
    if (!Number.isInteger(seed)) throw new ConfigError('--seed must be a whole number');
    const until = values.until ? new Date(`${values.until}T23:59:59+07:00`) : new Date();
    if (Number.isNaN(until.getTime())) throw new ConfigError('--until must be YYYY-MM-DD');
    return withDatabase(config, async ({ db }) => {
      let shown = 0;
      const result = await generateDemoDossiers({ db, audit: new AuditTrail(db) }, {
        count,
        seed,
        until,
        batchSize: 1000,
        onProgress(written) {
          if (written - shown >= 50_000 || written === count) console.log(`  ${(shown = written)} / ${count} dossiers written`);
        },
      });
      console.log(`Generated ${result.count} demo dossiers (${result.events} trail events, seed ${seed}) in ${(result.ms / 1000).toFixed(1)} s.`);
      return 0;
    });
  },

  async 'services:recompute-deadlines'(config, args) {
    const { values } = parseArgs({ args, options: { apply: { type: 'boolean' } } });
    // The whole platform (not just the database): applying notifies applicants through the job queue.
    const { startPlatform } = await import('./platform/runtime.js');
    const { recomputeDeadlines } = await import('./modules/public-services/deadlines/index.js');
    const platform = await startPlatform({ config, workers: false, seedDemo: false });
    try {
      const dryRun = !values.apply;
      const result = await recomputeDeadlines(platform.ctx, { dryRun, actor: { ...CLI_ACTOR, agencyId: null } });
      for (const m of result.moved) console.log(`  ${m.code}: ${m.oldDue} → ${m.newDue}`);
      for (const s of result.skipped) console.log(`  ${s.code}: skipped (${s.reason})`);
      const verb = dryRun ? 'would move (dry run; --apply writes)' : 'moved';
      console.log(`Calendar version ${result.calendarVersion}: ${result.moved.length} due dates ${verb}, ${result.unchanged} unchanged, ${result.skipped.length} skipped, ${result.failed} failed.`);
      return result.failed > 0 ? 1 : 0;
    } finally {
      await platform.close();
    }
  },

  async 'feedback:stats:rebuild'(config) {
    return withDatabase(config, async ({ db }) => {
      const started = Date.now();
      const audit = new AuditTrail(db);
      const result = await feedbackDb(db)
        .transaction()
        .execute(async (trx) => {
          const counted = await rebuildFeedbackStats(trx);
          await audit.record(platformTrx(trx), { actor: CLI_ACTOR, action: 'feedback.stats.rebuild', targetType: 'feedback_stats', details: { ...counted } });
          return counted;
        });
      console.log(`Statistics rebuilt from ${result.reports} reports: ${result.rows} daily rows in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      return 0;
    });
  },

  'device:create': deviceCreateCommand,
  'iot:mosquitto-files': mosquittoFilesCommand,

  async backup(config, [file]) {
    if (!file) throw new ConfigError('backup needs a FILE');
    if (config.databaseUrl) throw new ConfigError('On a PostgreSQL server use pg_dump (see docs/operations.md).');
    const bytes = await backupEmbedded(config.dataDir, file);
    console.log(`Backup written to ${file} (${bytes} bytes).`);
    return 0;
  },

  async restore(config, [file]) {
    if (!file) throw new ConfigError('restore needs a FILE');
    if (config.databaseUrl) throw new ConfigError('On a PostgreSQL server use pg_restore (see docs/operations.md).');
    await restoreEmbedded(config.dataDir, file);
    return withDatabase(config, async ({ db }) => {
      const result = await new AuditTrail(db).verify();
      console.log(`Restored into ${config.dataDir}. Audit chain ${result.ok ? 'intact' : 'BROKEN'} (${result.checked} records).`);
      return result.ok ? 0 : 1;
    });
  },
};

async function main(): Promise<number> {
  const [name, ...args] = process.argv.slice(2);
  const command = name ? commands[name] : undefined;
  if (!command) {
    console.error(USAGE);
    return 2;
  }
  return command(loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' }), args);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof ConfigError || (error instanceof Error && 'status' in error);
    console.error(known ? `Error: ${(error as Error).message}` : error);
    process.exit(2);
  },
);
