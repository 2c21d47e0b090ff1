import type { ColumnType } from 'kysely';

export interface FileTable {
  id: string;
  /** Who uploaded it; null once that account is deleted (the file may still belong to a case). */
  owner_user_id: string | null;
  /** What the file is for (`attachment`, `image`, …); decides the allowed types at upload. */
  purpose: string;
  /** The uploader's file name, cleaned, with the extension of the type actually stored. */
  original_name: string;
  /** The type detected from the content (after re-encoding), never the one the client claimed. */
  mime: string;
  size: number;
  /** Hex SHA-256 of the stored bytes: integrity check and ETag. */
  sha256: string;
  /** Where the bytes are in the storage driver (disk path or object key below the files root). */
  storage_key: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface FileTables {
  files: FileTable;
}
