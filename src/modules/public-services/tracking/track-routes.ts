import type { FastifyRequest } from 'fastify';
import { errors, AppError } from '../../../platform/http/errors.js';
import type { App, AppContext } from '../../../platform/http/module.js';
import { readFileBytes } from '../../../platform/files/file-service.js';
import { contentDisposition } from '../../../platform/files/routes.js';
import { psDb } from '../tables.js';
import { FailureLimiter } from './limiter.js';
import { DocumentParams, DossierCodeParam, TokenQuery, TrackView, VerifiedTrackView, VerifyBody } from './schemas.js';
import { checkAccessToken } from './token.js';
import { documentsOf, PUBLIC_ACTOR, verificationFailed, verifiedView } from './verified.js';
import { findByCode, publicView } from './view.js';

const tags = ['public-services'];
const PROBLEM = { $ref: 'Problem#' };

function setting(ctx: AppContext, name: string, fallback: number): number {
  const value = Number(ctx.config.env[name] ?? fallback);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

function notFound(): AppError {
  return errors.notFound('Không tìm thấy hồ sơ với mã này.', 'No dossier has this code.');
}

export function registerTrackRoutes(app: App, ctx: AppContext): void {
  const perCode = new FailureLimiter(setting(ctx, 'PUBLIC_SERVICES_VERIFY_FAILURES_PER_CODE_PER_HOUR', 10), 3600_000);

  app.get(
    '/api/v1/dossiers/track/:code',
    {
      config: { access: { public: true }, rateLimit: { max: setting(ctx, 'PUBLIC_SERVICES_TRACK_PER_MINUTE', 30), timeWindow: '1 minute' } },
      schema: { tags, summary: 'Track a dossier by its code: status, dates, timeline (no personal data)', params: DossierCodeParam, response: { 200: TrackView, 404: PROBLEM, 429: PROBLEM } },
    },
    async (request, reply) => {
      const db = psDb(ctx.db);
      const row = await findByCode(db, request.params.code);
      if (!row) throw notFound();
      reply.header('cache-control', 'no-store');
      return publicView(db, row);
    },
  );

  app.post(
    '/api/v1/dossiers/track/:code/verify',
    {
      config: { access: { public: true }, rateLimit: { max: setting(ctx, 'PUBLIC_SERVICES_VERIFY_PER_15_MIN', 5), timeWindow: '15 minutes' } },
      schema: {
        tags,
        summary: "Track with the applicant's phone number as second factor: adds the applicant's name and the documents",
        params: DossierCodeParam,
        body: VerifyBody,
        response: { 200: VerifiedTrackView, 404: PROBLEM, 429: PROBLEM },
      },
    },
    async (request, reply) => {
      const code = request.params.code;
      const wait = perCode.blockedFor(code);
      if (wait > 0) throw errors.tooManyRequests(wait);
      try {
        const view = await verifiedView(ctx, request, code, request.body.phone);
        reply.header('cache-control', 'no-store');
        return view;
      } catch (error) {
        if (error instanceof AppError && error.code === 'dossier_verification_failed') perCode.fail(code);
        throw error;
      }
    },
  );

  app.get(
    '/api/v1/dossiers/track/:code/documents/:documentId',
    {
      config: { access: { public: true }, rateLimit: { max: 60, timeWindow: '10 minutes' } },
      schema: { tags, summary: 'Download a document of a verified lookup (token from the verify answer, valid 15 minutes)', params: DocumentParams, querystring: TokenQuery, response: { 403: PROBLEM, 404: PROBLEM } },
    },
    async (request, reply) => {
      const db = psDb(ctx.db);
      const row = await findByCode(db, request.params.code);
      if (!row) throw verificationFailed();
      if (!checkAccessToken(ctx.config, row.id, request.query.token)) throw tokenRefused();
      const document = (await documentsOf(db, row)).find((d) => d.id === request.params.documentId);
      if (!document) throw errors.notFound('Không tìm thấy văn bản.', 'No such document.');
      const file = await ctx.db.selectFrom('files').selectAll().where('id', '=', document.fileId).executeTakeFirst();
      const data = file ? await readFileBytes(ctx, file) : undefined;
      if (!file || !data) throw errors.notFound('Không tìm thấy văn bản.', 'No such document.');
      await auditDownload(ctx, request, row.id, row.applicant_user_id, document.id, document.kind);
      return reply
        .header('content-type', file.mime)
        .header('content-length', String(data.length))
        .header('content-disposition', contentDisposition('attachment', file.original_name))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'no-store')
        .send(data);
    },
  );
}

function tokenRefused(): AppError {
  return new AppError(403, 'tracking_token_invalid', {
    vi: 'Liên kết tải đã hết hạn hoặc không hợp lệ. Vui lòng tra cứu và xác minh lại.',
    en: 'The download link has expired or is not valid. Look the dossier up and verify again.',
  });
}

function auditDownload(ctx: AppContext, request: FastifyRequest, dossierId: string, subject: string | null, documentId: string, kind: string): Promise<void> {
  return ctx.audit.recordAlone({
    actor: PUBLIC_ACTOR,
    action: 'dossier.document_read_verified',
    targetType: 'dossier',
    targetId: dossierId,
    subjectUserId: subject,
    purpose: 'tracking',
    ip: request.ip,
    requestId: request.id,
    details: { documentId, kind },
  });
}
