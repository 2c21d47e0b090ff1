import type { ColumnType, Generated, JSONColumnType } from 'kysely';

export interface AuditLogTable {
  /** Position in the chain: 1, 2, 3 … with no gaps, assigned under a lock. */
  seq: ColumnType<string, string | number, never>;
  at: ColumnType<Date, Date | string, never>;
  actor_user_id: string | null;
  actor_api_key_id: string | null;
  actor_label: string;
  actor_agency_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  /** Whose personal data this touched, so the person can see who looked at it. */
  subject_user_id: string | null;
  purpose: string | null;
  ip: string | null;
  request_id: string | null;
  details: JSONColumnType<Record<string, unknown>>;
  prev_hash: string;
  hash: string;
}

/** The chain's last link, kept beside it so removing the newest rows is caught too. */
export interface AuditHeadTable {
  id: Generated<number>;
  seq: ColumnType<string, string | number, string | number>;
  hash: string;
}

export interface AuditTables {
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
}
