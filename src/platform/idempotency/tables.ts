import type { ColumnType, JSONColumnType } from 'kysely';

/**
 * The first answer to each request that carried an `Idempotency-Key`, so a client retrying after a
 * dropped connection gets that answer again instead of creating a second record.
 */
export interface IdempotencyKeyTable {
  /** Which operation the key was used for, e.g. `feedback.report.create`. */
  scope: string;
  /** The signed-in user's id, or `anonymous`. */
  principal: string;
  key: string;
  /** SHA-256 of the request's content: the same key with other content is a client error. */
  fingerprint: string;
  status_code: number;
  response: JSONColumnType<object>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface IdempotencyTables {
  idempotency_keys: IdempotencyKeyTable;
}
