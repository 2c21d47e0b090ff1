import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/http/module.js';
import { actorOf, requireUser } from '../../platform/http/access.js';
import { errors } from '../../platform/http/errors.js';
import { processUpload, storeUpload } from '../../platform/files/file-service.js';
import { platformTrx, type FeedbackTrx } from './tables.js';
import { MAX_PHOTOS, type Photo } from './create-report.js';

/**
 * Checks and cleans the result photos (ảnh kết quả) before the action's transaction opens: a file
 * that is not an image, too large or unreadable is refused before anything is written, and the
 * CPU-heavy re-encoding does not hold the database's connection.
 */
export async function prepareResultPhotos(ctx: AppContext, photos: Photo[]): Promise<Photo[]> {
  if (photos.length > MAX_PHOTOS) throw errors.badRequest('too_many_photos', `Tối đa ${MAX_PHOTOS} ảnh.`, `At most ${MAX_PHOTOS} photos.`);
  const cleaned: Photo[] = [];
  for (const photo of photos) {
    const processed = await processUpload(photo.buffer, 'image', ctx.config.maxUploadBytes);
    cleaned.push({ buffer: processed.data, filename: photo.filename });
  }
  return cleaned;
}

/**
 * Stores result photos in the action's transaction, through the same file service as the
 * reporter's photos (re-encoded, no EXIF or GPS), after any earlier results' photos.
 */
export async function storeResultPhotos(ctx: AppContext, trx: FeedbackTrx, request: FastifyRequest, reportId: string, photos: Photo[]): Promise<string[]> {
  const officer = requireUser(request);
  const last = await trx
    .selectFrom('feedback_report_photos')
    .select((eb) => eb.fn.max('sort_order').as('n'))
    .where('report_id', '=', reportId)
    .where('kind', '=', 'result')
    .executeTakeFirst();
  const start = last?.n === null || last?.n === undefined ? 0 : Number(last.n) + 1;
  const ids: string[] = [];
  for (const [i, photo] of photos.entries()) {
    const stored = await storeUpload(ctx, platformTrx(trx), { buffer: photo.buffer, filename: photo.filename, ownerUserId: officer.id, purpose: 'image', actor: actorOf(request), ip: request.ip, requestId: String(request.id) });
    await trx.insertInto('feedback_report_photos').values({ report_id: reportId, file_id: stored.id, kind: 'result', sort_order: start + i, hidden_reason: null }).execute();
    ids.push(stored.id);
  }
  return ids;
}
