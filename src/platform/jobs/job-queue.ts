import { PgBoss, fromKysely, fromPglite, type Job } from 'pg-boss';
import type { Transaction } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { DatabaseHandle } from '../db/database.js';

export type JobHandler<T> = (data: T, job: Job<T>) => Promise<void>;

/** Per-queue settings; pg-boss stores them on the queue, so every job sent to it gets them. */
export interface QueueSettings {
  /** Attempts after the first one before the job is marked failed (pg-boss default: 2). */
  retryLimit?: number;
  /** Seconds before the first retry; doubled on each later one when `retryBackoff` is on. */
  retryDelay?: number;
  retryBackoff?: boolean;
  /** Upper bound of the backoff delay, in seconds. */
  retryDelayMax?: number;
  /** How long one attempt may run before pg-boss considers it lost and retries it. */
  expireInSeconds?: number;
}

export interface RegisterOptions {
  /** Cron expression in Asia/Ho_Chi_Minh time; schedules the job when workers run. */
  cron?: string;
  queue?: QueueSettings;
  /** How often an idle worker looks for new jobs (pg-boss default 2 s, minimum 0.5 s). */
  pollingIntervalSeconds?: number;
}

interface Registration extends RegisterOptions {
  name: string;
  handler: JobHandler<any>;
}

export interface JobState {
  id: string;
  state: string;
  data: unknown;
  retryCount: number;
  /** When the job may run next (later than now while it waits for a retry). */
  startAfter: Date;
}

export const JOB_TIME_ZONE = 'Asia/Ho_Chi_Minh';

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
  register<T extends object>(name: string, handler: JobHandler<T>, options: RegisterOptions = {}): void {
    if (this.started) throw new Error(`Job ${name} registered after the queue started`);
    if (this.registrations.some((r) => r.name === name)) throw new Error(`Job ${name} registered twice`);
    this.registrations.push({ ...options, name, handler });
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
      // Queues are created even without workers: a web-only process must still be able to enqueue.
      // createQueue leaves an existing queue as it is, so settings changed in code are applied with
      // updateQueue as well.
      await boss.createQueue(r.name, r.queue ?? {});
      if (r.queue) await boss.updateQueue(r.name, r.queue);
      if (!options.work) continue;
      const workOptions = {
        localConcurrency: this.database.engine === 'pglite' ? 1 : 2,
        ...(r.pollingIntervalSeconds ? { pollingIntervalSeconds: r.pollingIntervalSeconds } : {}),
      };
      await boss.work(r.name, workOptions, async (jobs: Job<any>[]) => {
        for (const job of jobs) await r.handler(job.data, job);
      });
      if (r.cron) await boss.schedule(r.name, r.cron, {}, { tz: JOB_TIME_ZONE });
    }
  }

  /**
   * Enqueues inside the caller's transaction: the job row is written on the transaction's own
   * connection, so it commits or rolls back with the caller's write (proved by job-queue.test.ts).
   */
  async enqueue<T extends object>(
    trx: Transaction<any>,
    name: string,
    data: T,
    options: { startAfter?: Date | number; singletonKey?: string } = {},
  ): Promise<string | null> {
    return this.requireBoss().send(name, data, { ...options, db: fromKysely(trx) } as never);
  }

  /** Enqueues on its own (for work not tied to a write, such as a manual re-run). */
  async enqueueNow<T extends object>(name: string, data: T): Promise<string | null> {
    return this.requireBoss().send(name, data);
  }

  /** Jobs of a queue by id or by (a subset of) their data, oldest first; empty when none exist. */
  async findJobs(name: string, filter: { id?: string; data?: object }): Promise<JobState[]> {
    const jobs = await this.requireBoss().findJobs<unknown>(name, filter);
    return jobs.map((job) => ({ id: job.id, state: job.state, data: job.data, retryCount: job.retryCount, startAfter: new Date(job.startAfter) }));
  }

  /** The recurring schedules stored in the database (for the admin view and tests). */
  async schedules(): Promise<Array<{ name: string; cron: string; timezone: string }>> {
    const rows = await this.requireBoss().getSchedules();
    return rows.map((s) => ({ name: s.name, cron: s.cron, timezone: s.timezone }));
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
