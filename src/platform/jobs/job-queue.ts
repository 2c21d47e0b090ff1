import { PgBoss, fromKysely, fromPglite, type Job } from 'pg-boss';
import type { Transaction } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { DatabaseHandle } from '../db/database.js';

export type JobHandler<T> = (data: T, job: Job<T>) => Promise<void>;

interface Registration {
  name: string;
  handler: JobHandler<any>;
  cron?: string | undefined;
}

/**
 * Durable background jobs and schedules on either engine, backed by pg-boss (its tables live in
 * the `pgboss` schema). Jobs are enqueued in the caller's transaction, so a job exists exactly
 * when the write that causes it commits.
 */
export class JobQueue {
  private boss: PgBoss | undefined;
  private readonly registrations: Registration[] = [];
  private started = false;

  constructor(
    private readonly database: DatabaseHandle,
    private readonly log: FastifyBaseLogger,
    private readonly databaseUrl: string | undefined,
  ) {}

  /** Declares a queue and its handler; `cron` (in Asia/Ho_Chi_Minh time) also schedules it. */
  register<T extends object>(name: string, handler: JobHandler<T>, options: { cron?: string } = {}): void {
    if (this.started) throw new Error(`Job ${name} registered after the queue started`);
    this.registrations.push({ name, handler, cron: options.cron });
  }

  async start(options: { work: boolean }): Promise<void> {
    const boss = this.database.pglite
      ? new PgBoss({ backend: 'pglite', db: fromPglite(this.database.pglite) } as never)
      : new PgBoss({ connectionString: this.databaseUrl!, max: 4 });
    boss.on('error', (error) => this.log.error({ err: error }, 'job queue error'));
    await boss.start();
    this.boss = boss;
    this.started = true;
    for (const r of this.registrations) {
      await boss.createQueue(r.name);
      if (!options.work) continue;
      await boss.work(r.name, { localConcurrency: this.database.engine === 'pglite' ? 1 : 2 }, async (jobs: Job<any>[]) => {
        for (const job of jobs) await r.handler(job.data, job);
      });
      if (r.cron) await boss.schedule(r.name, r.cron, {}, { tz: 'Asia/Ho_Chi_Minh' });
    }
  }

  /** Enqueues inside the caller's transaction. */
  async enqueue<T extends object>(trx: Transaction<any>, name: string, data: T, options: { startAfter?: Date | number; singletonKey?: string } = {}): Promise<string | null> {
    return this.requireBoss().send(name, data, { ...options, db: fromKysely(trx) } as never);
  }

  /** Enqueues on its own (for work not tied to a write, such as a manual re-run). */
  async enqueueNow<T extends object>(name: string, data: T): Promise<string | null> {
    return this.requireBoss().send(name, data);
  }

  async stop(): Promise<void> {
    if (!this.boss) return;
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 } as never);
    this.boss = undefined;
  }

  private requireBoss(): PgBoss {
    if (!this.boss) throw new Error('The job queue is not started');
    return this.boss;
  }
}
