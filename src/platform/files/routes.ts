import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/module.js';
import { actorOf, requireUser } from '../http/access.js';
import { AppError, errors } from '../http/errors.js';
import { Uuid } from '../http/schema.js';
import { fileTooLarge, findReadableFile, readFileBytes, storeUpload } from './file-service.js';
import { DEFAULT_PURPOSE, PURPOSE_PATTERN } from './upload-policy.js';

const tags = ['files'];
const PROBLEM = { $ref: 'Problem#' };

export const FileView = Type.Object(
  {
    id: Type.String(),
    ownerUserId: Type.Union([Type.String(), Type.Null()]),
    purpose: Type.String(),
    name: Type.String(),
    mime: Type.String(),
    size: Type.Integer(),
    sha256: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'File' },
);

/** `attachment; filename="ascii"; filename*=UTF-8''…` so Vietnamese names survive (RFC 6266). */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export async function registerFileRoutes(app: App, ctx: AppContext): Promise<void> {
  // Multipart parsing is only needed here, so it lives in this plugin's scope and nowhere else.
  await app.register(async (scope) => {
    const files = scope.withTypeProvider<TypeBoxTypeProvider>();
    await files.register(multipart, {
      limits: { fileSize: ctx.config.maxUploadBytes, files: 1, fields: 5, fieldSize: 1024, parts: 6, headerPairs: 50 },
    });

    files.post(
      '/api/v1/files',
      {
        config: { access: { roles: '*' }, rateLimit: { max: 60, timeWindow: '10 minutes' } },
        schema: {
          tags,
          summary: 'Upload one file (multipart/form-data, field "file")',
          description:
            'The type is detected from the content. Images (JPEG, PNG, WebP; HEIC where supported) are turned upright, ' +
            'stripped of all metadata (EXIF, GPS, …) and limited to 2560 px; PDFs are stored as sent.',
          querystring: Type.Object({ purpose: Type.Optional(Type.String({ pattern: PURPOSE_PATTERN, default: DEFAULT_PURPOSE })) }),
          response: { 201: FileView, 400: PROBLEM, 413: PROBLEM, 415: PROBLEM },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        if (!request.isMultipart()) {
          throw new AppError(415, 'multipart_required', {
            vi: 'Hãy gửi tệp dưới dạng multipart/form-data.',
            en: 'Send the file as multipart/form-data.',
          });
        }
        const part = await request.file();
        if (!part) throw errors.badRequest('file_missing', 'Chưa có tệp nào được gửi.', 'No file was sent.');
        let buffer: Buffer;
        try {
          buffer = await part.toBuffer();
        } catch (error) {
          if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fileTooLarge(ctx.config.maxUploadBytes);
          throw error;
        }
        const stored = await storeUpload(ctx, undefined, {
          buffer,
          filename: part.filename ?? '',
          ownerUserId: user.id,
          purpose: request.query.purpose ?? DEFAULT_PURPOSE,
          actor: actorOf(request),
          ip: request.ip,
          requestId: request.id,
        });
        return reply.status(201).send(stored);
      },
    );

    files.get(
      '/api/v1/files/:id',
      {
        config: { access: { roles: '*' } },
        schema: {
          tags,
          summary: 'Download a file (its owner, or staff)',
          params: Type.Object({ id: Uuid }),
          response: { 304: Type.Null(), 404: PROBLEM },
        },
      },
      async (request, reply) => {
        const notFound = () => errors.notFound('Không tìm thấy tệp.', 'No such file.');
        const row = await findReadableFile(ctx, request.params.id, request.principal);
        if (!row) throw notFound();
        const data = await readFileBytes(ctx, row);
        if (!data) {
          request.log.warn({ fileId: row.id }, 'file row without stored bytes');
          throw notFound();
        }
        const user = requireUser(request);
        if (row.owner_user_id !== user.id) {
          // Staff opening a person's upload is a read of personal data: it goes in the audit trail.
          await ctx.audit.recordAlone({
            actor: actorOf(request),
            action: 'file.read',
            targetType: 'file',
            targetId: row.id,
            subjectUserId: row.owner_user_id,
            ip: request.ip,
            requestId: request.id,
          });
        }
        const etag = `"${row.sha256}"`;
        if (request.headers['if-none-match'] === etag) return reply.status(304).header('etag', etag).send();
        const isImage = row.mime.startsWith('image/');
        return reply
          .header('content-type', row.mime)
          .header('content-length', String(data.length))
          .header('content-disposition', contentDisposition(isImage ? 'inline' : 'attachment', row.original_name))
          .header('x-content-type-options', 'nosniff')
          // Even if a stored file were opened as a page, it could run nothing and reach nothing.
          .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
          .header('cache-control', 'private, max-age=0, must-revalidate')
          .header('etag', etag)
          .send(data);
      },
    );
  });
}
