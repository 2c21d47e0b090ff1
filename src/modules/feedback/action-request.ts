import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/http/module.js';
import { errors } from '../../platform/http/errors.js';
import { jsonField, validatedBody } from '../../platform/http/multipart.js';
import { ActionBody, type Action } from './schemas.js';
import type { Photo } from './create-report.js';
import { readPhotoForm } from './photo-parts.js';
import { prepareResultPhotos } from './result-photos.js';

/**
 * An officer's action arrives as JSON, or as multipart with the JSON in an `action` field and the
 * result photos in `photos`. The photos come back already checked and cleaned (see result-photos.ts).
 */
export async function readActionRequest(ctx: AppContext, request: FastifyRequest): Promise<{ action: Action; photos: Photo[] }> {
  const { raw, photos } = request.isMultipart() ? await readMultipartAction(request) : { raw: request.body, photos: [] };
  const action = validatedBody<Action>(request, ActionBody, raw);
  if (photos.length > 0 && action.action !== 'resolve') {
    throw errors.badRequest('photos_not_allowed', 'Chỉ gửi kèm ảnh khi báo kết quả.', 'Photos can only be sent with a result.');
  }
  return { action, photos: await prepareResultPhotos(ctx, photos) };
}

async function readMultipartAction(request: FastifyRequest): Promise<{ raw: unknown; photos: Photo[] }> {
  const { fields, photos } = await readPhotoForm(request);
  return { raw: jsonField(fields, 'action'), photos };
}
