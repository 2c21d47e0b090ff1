import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/http/module.js';
import { AppError, errors } from '../../platform/http/errors.js';
import { translateValidationError } from '../../platform/http/validation-messages.js';
import { normalizeNfc } from '../../platform/search/search-text.js';
import { ActionBody, type Action } from './schemas.js';
import type { Photo } from './create-report.js';
import { prepareResultPhotos } from './result-photos.js';

/**
 * An officer's action arrives as JSON, or as multipart with the JSON in an `action` field and the
 * result photos in `photos`. The photos come back already checked and cleaned (see result-photos.ts).
 */
export async function readActionRequest(ctx: AppContext, request: FastifyRequest): Promise<{ action: Action; photos: Photo[] }> {
  const validate = request.compileValidationSchema(ActionBody);
  let raw: unknown = request.body;
  const photos: Photo[] = [];
  if (request.isMultipart()) {
    raw = undefined;
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'photos') throw errors.badRequest('unexpected_file', 'Chỉ nhận ảnh trong trường "photos".', 'Only "photos" files are accepted.');
        photos.push({ buffer: await part.toBuffer(), filename: part.filename });
      } else if (part.fieldname === 'action') {
        raw = parseJsonField(part.value);
      }
    }
  }
  raw = normalizeNfc(raw);
  if (!validate(raw)) {
    const fields = (validate.errors ?? []).map((e) => translateValidationError(e as never, 'body'));
    throw new AppError(400, 'validation_failed', { vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The request data is not valid.' }, fields);
  }
  const action = raw as Action;
  if (photos.length > 0 && action.action !== 'resolve') {
    throw errors.badRequest('photos_not_allowed', 'Chỉ gửi kèm ảnh khi báo kết quả.', 'Photos can only be sent with a result.');
  }
  return { action, photos: await prepareResultPhotos(ctx, photos) };
}

function parseJsonField(value: unknown): unknown {
  try {
    return JSON.parse(String(value));
  } catch {
    throw errors.badRequest('malformed_body', 'Trường "action" không phải JSON hợp lệ.', 'The "action" field is not valid JSON.');
  }
}
