import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/db/tables.js';
import type { PsDb, PublicServicesTables } from '../tables.js';

/**
 * What the national portal is told about one status change (our wire format, see README): public
 * facts only — no applicant, no form answers, no files.
 */
export interface SyncPayload {
  /** MaHoSo */
  code: string;
  /** Per-dossier order of the updates, 1, 2, 3…: the portal dedupes by (code, sequence). */
  sequence: number;
  /** MaTTHC */
  procedureCode: string;
  /** MaDonViTiepNhan / the handling agency's code. */
  receivingAgencyCode: string | null;
  handlingAgencyCode: string | null;
  /** TrangThaiHoSo (statuses.ts), and the status it left. */
  status: number;
  fromStatus: number;
  /** KenhThucHien: 1 counter, 2 online, 3 post. */
  channel: 1 | 2 | 3;
  /** When the status changed (ISO 8601). */
  at: string;
  /** NgayNop, NgayTiepNhan, NgayHenTra (the legal due date, never an apology's), NgayKetThucXuLy, NgayTraKetQua. */
  submittedAt: string | null;
  receivedAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
  returnedAt: string | null;
}

export interface SyncOutboxTable {
  id: Generated<string>;
  dossier_id: string;
  code: string;
  sequence: number;
  status: number;
  at: ColumnType<Date, Date | string, never>;
  payload: ColumnType<SyncPayload, string, string>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: ColumnType<Date, Date | string, Date | string>;
  delivered_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  dead_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  last_error: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

/** One row per reconciliation pass; the admin status shows the latest. */
export interface SyncReconciliationTable {
  id: Generated<string>;
  at: ColumnType<Date, Date | string, never>;
  dossiers_checked: number;
  requeued: number;
  error: string | null;
}

export type SyncTables = { dossier_sync_outbox: SyncOutboxTable; national_sync_reconciliations: SyncReconciliationTable };

export type SyncDb = Kysely<Database & PublicServicesTables & SyncTables>;
export type SyncTrx = Transaction<Database & PublicServicesTables & SyncTables>;

export function syncDb(db: Kysely<Database> | PsDb): SyncDb {
  return (db as Kysely<Database>).withTables<PublicServicesTables & SyncTables>();
}
