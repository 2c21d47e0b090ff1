import { errors } from '../../platform/http/errors.js';
import { readMultipart } from '../../platform/http/multipart.js';
import type { FastifyRequest } from 'fastify';
import type { Photo } from './create-report.js';

/**
 * A feedback form sent as multipart (a report, or an officer's action): the JSON in one text field
 * (`report`, `action`), images only in `photos`. Any other file field is refused before it is read.
 */
export async function readPhotoForm(request: FastifyRequest): Promise<{ fields: Record<string, string>; photos: Photo[] }> {
  const { files, fields } = await readMultipart(request, (field) => {
    if (field !== 'photos') throw errors.badRequest('unexpected_file', 'Chỉ nhận ảnh trong trường "photos".', 'Only "photos" files are accepted.');
  });
  return { fields, photos: files.map(({ buffer, filename }) => ({ buffer, filename })) };
}
