import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Selectable, Transaction } from 'kysely';
import { fileTypeFromBuffer } from 'file-type';
import type { Database } from '../db/tables.js';
import type { AppContext } from '../http/module.js';
import type { AuditEntry } from '../audit/audit-trail.js';
import type { Principal } from '../http/access.js';
import { AppError, errors } from '../http/errors.js';
import { STAFF_ROLES } from '../identity/roles.js';
import { cleanImage } from './image.js';
import { storageFor } from './storage.js';
import { DEFAULT_MAX_IMAGE_DIMENSION, acceptedTypeOf, heicSupported, uploadPurpose, type UploadPurpose } from './upload-policy.js';
import type { FileTable } from './tables.js';

export type FileRow = Selectable<FileTable>;

export interface UploadInput {
  buffer: Buffer;
  /** The name the client gave; only used (cleaned) as the download name. */
  filename: string;
  ownerUserId: string | null;
  purpose: string;
  /** Who is storing it, for the audit record; defaults to the owner. */
  actor?: AuditEntry['actor'];
  ip?: string;
  requestId?: string;
}

export interface StoredFile {
  id: string;
  ownerUserId: string | null;
  purpose: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  createdAt: string;
}

export function fileTooLarge(limitBytes: number): AppError {
  const mb = (limitBytes / (1024 * 1024)).toFixed(limitBytes % (1024 * 1024) === 0 ? 0 : 1);
  return new AppError(413, 'file_too_large', {
    vi: `Tệp vượt quá dung lượng cho phép (${mb} MB).`,
    en: `The file is larger than allowed (${mb} MB).`,
  });
}

function unsupportedType(purpose: UploadPurpose): AppError {
  const names = purpose.accept.map((m) => m.split('/')[1]!.toUpperCase()).join(', ');
  return new AppError(415, 'unsupported_file_type', {
    vi: `Loại tệp không được chấp nhận. Chỉ nhận: ${names}.`,
    en: `This type of file is not accepted. Accepted: ${names}.`,
  });
}

export interface ProcessedUpload {
  data: Buffer;
  mime: string;
  ext: string;
}

/**
 * Checks and cleans an upload without touching the database: the type comes from the bytes
 * (never the client's Content-Type or file name), must be on the purpose's allow-list, and
 * images are re-encoded without metadata. CPU-heavy, so it runs before any transaction opens.
 */
export async function processUpload(buffer: Buffer, purposeName: string, maxUploadBytes: number): Promise<ProcessedUpload> {
  const purpose = uploadPurpose(purposeName);
  if (!purpose) {
    throw errors.badRequest('unknown_purpose', 'Mục đích tải tệp không hợp lệ.', 'Unknown upload purpose.', [
      { field: 'querystring.purpose', message: { vi: 'Mục đích không tồn tại.', en: 'No such purpose.' } },
    ]);
  }
  const limit = Math.min(maxUploadBytes, purpose.maxBytes ?? Infinity);
  if (buffer.length > limit) throw fileTooLarge(limit);
  if (buffer.length === 0) throw errors.badRequest('empty_file', 'Tệp rỗng.', 'The file is empty.');
  const type = acceptedTypeOf((await fileTypeFromBuffer(buffer))?.mime);
  if (!type || !purpose.accept.includes(type)) throw unsupportedType(purpose);
  if (type === 'application/pdf') return { data: buffer, mime: type, ext: 'pdf' };
  if (type === 'image/heic' && !heicSupported()) {
    throw new AppError(415, 'heic_not_supported', {
      vi: 'Máy chủ chưa đọc được ảnh HEIC. Hãy chọn định dạng JPEG (trên iPhone: Cài đặt › Camera › Định dạng › Tương thích nhất).',
      en: 'HEIC photos cannot be read here yet. Send a JPEG (on iPhone: Settings › Camera › Formats › Most Compatible).',
    });
  }
  return cleanImage(buffer, type, purpose.maxImageDimension ?? DEFAULT_MAX_IMAGE_DIMENSION);
}

/** A download name safe in any file system and header, with the extension of what is stored. */
export function cleanFileName(name: string, ext: string): string {
  const base = path.posix.basename(name.replace(/\\/g, '/')).normalize('NFC');
  const stem = base
    .replace(/\.[^.]*$/, '')
    .replace(/[\p{Cc}\p{Cf}"*/:<>?\\|]/gu, '')
    .trim()
    .slice(0, 120);
  return `${stem || 'tep'}.${ext}`;
}

export function presentFile(row: FileRow): StoredFile {
  return {
    id: row.id,
    ownerUserId: row.owner_user_id,
    purpose: row.purpose,
    name: row.original_name,
    mime: row.mime,
    size: row.size,
    sha256: row.sha256,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/**
 * Stores an upload for `ownerUserId`: checks and cleans it, writes the bytes, then records the row
 * and an audit entry in `trx` (or a transaction of its own). Other modules call this with the
 * buffer they received. The bytes are written before the row, so a failure leaves no row without
 * bytes; the bytes are removed again if the row cannot be written.
 */
export async function storeUpload(ctx: AppContext, trx: Transaction<Database> | undefined, input: UploadInput): Promise<StoredFile> {
  const processed = await processUpload(input.buffer, input.purpose, ctx.config.maxUploadBytes);
  const id = randomUUID();
  const key = `${id.slice(0, 2)}/${id}`;
  const storage = storageFor(ctx.config);
  await storage.put(key, processed.data, processed.mime);
  const record = async (t: Transaction<Database>) => {
    const row = await t
      .insertInto('files')
      .values({
        id,
        owner_user_id: input.ownerUserId,
        purpose: input.purpose,
        original_name: cleanFileName(input.filename, processed.ext),
        mime: processed.mime,
        size: processed.data.length,
        sha256: createHash('sha256').update(processed.data).digest('hex'),
        storage_key: key,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await ctx.audit.record(t, {
      actor: input.actor ?? { userId: input.ownerUserId, label: input.ownerUserId ? `user:${input.ownerUserId}` : 'system' },
      action: 'file.upload',
      targetType: 'file',
      targetId: id,
      subjectUserId: input.ownerUserId,
      ip: input.ip ?? null,
      requestId: input.requestId ?? null,
      details: { purpose: input.purpose, mime: processed.mime, size: processed.data.length },
    });
    return presentFile(row);
  };
  try {
    return trx ? await record(trx) : await ctx.db.transaction().execute(record);
  } catch (error) {
    await storage.delete(key).catch(() => {});
    throw error;
  }
}

/**
 * The file if this caller may read it: its owner, or staff. Anyone else gets `undefined`, the same
 * answer as for a file that does not exist, so ids can't be probed.
 */
export async function findReadableFile(ctx: AppContext, id: string, principal: Principal): Promise<FileRow | undefined> {
  if (principal.kind !== 'user') return undefined;
  const row = await ctx.db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  if (row.owner_user_id === principal.id || STAFF_ROLES.includes(principal.role)) return row;
  return undefined;
}

export async function readFileBytes(ctx: AppContext, row: FileRow): Promise<Buffer | undefined> {
  return storageFor(ctx.config).get(row.storage_key);
}
