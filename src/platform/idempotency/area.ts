import type { AppModule } from '../http/module.js';
import { idempotencyMigrations } from './migrations.js';

/** Replay of answers to retried writes (`Idempotency-Key`); purged by the nightly maintenance. */
export const idempotencyArea: AppModule = {
  name: 'idempotency',
  migrations: idempotencyMigrations,
};
