/**
 * What every module benchmark's data step shares: the platform started once with the benchmark's
 * environment, and the module's demo rows topped up to the wanted volume (the missing ones made by
 * its demo generator and kept for the next run).
 */
import { loadConfig } from '../src/platform/config/config.js';
import { startPlatform, type Platform } from '../src/platform/runtime.js';

export interface BenchDatabase {
  /** PostgreSQL connection string, or undefined for the embedded engine in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
}

/** The environment every platform instance of a benchmark runs with (the server child too), plus the module's own settings. */
export function baseBenchEnv(target: BenchDatabase, moduleEnv: Record<string, string>): Record<string, string> {
  return {
    ...(target.databaseUrl ? { DATABASE_URL: target.databaseUrl } : {}),
    DATA_DIR: target.dataDir,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
    ...moduleEnv,
  };
}

/** Starts the platform (migrations and the base seed, no workers) with `env`, runs `work` and closes it, even on failure. */
export async function withBenchPlatform<T>(env: Record<string, string>, work: (platform: Platform) => Promise<T>): Promise<T> {
  const config = loadConfig({ ...process.env, ...env });
  const platform = await startPlatform({ config, workers: false, seedDemo: true });
  try {
    return await work(platform);
  } finally {
    await platform.close();
  }
}

/** The part of a module's demo generator the top-up calls. */
export type DemoGenerator = (options: { count: number; seed: number; batchSize: number; onProgress: (written: number) => void }) => Promise<{ count: number; ms: number }>;

export interface TopUp {
  generated: number;
  generateSeconds: number;
}

/**
 * Generates the rows missing below `wanted`, logging every 50,000. The seed is shifted by the count
 * already there, so a top-up never repeats the ids of an earlier run.
 */
export async function topUpDemoRows(
  rows: { noun: string; existing: number; wanted: number; baseSeed: number },
  generate: DemoGenerator,
  log: (line: string) => void,
): Promise<TopUp> {
  if (rows.existing >= rows.wanted) return { generated: 0, generateSeconds: 0 };
  const count = rows.wanted - rows.existing;
  log(`generating ${count} demo ${rows.noun} (${rows.existing} there; kept for later runs)…`);
  let shown = 0;
  const result = await generate({
    count,
    seed: rows.baseSeed + rows.existing,
    batchSize: 1000,
    onProgress(written) {
      if (written - shown >= 50_000 || written === count) log(`  ${(shown = written)} / ${count}`);
    },
  });
  return { generated: result.count, generateSeconds: result.ms / 1000 };
}
