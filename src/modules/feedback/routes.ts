import multipart from '@fastify/multipart';
import { claimOf, once } from '../../platform/idempotency/idempotency.js';
import { Type } from 'typebox';
import { sql } from 'kysely';
import type { FastifyRequest } from 'fastify';
import type { App, AppContext } from '../../platform/http/module.js';
import { errors } from '../../platform/http/errors.js';
import { jsonField, validatedBody } from '../../platform/http/multipart.js';
import { Page, PageQuery, StrictObject, Uuid } from '../../platform/http/schema.js';
import { decodeCursor, pageOf } from '../../platform/http/pagination.js';
import { readFileBytes } from '../../platform/files/file-service.js';
import { feedbackDb } from './tables.js';
import { CategoryView, CreatedReport, NewReportBody, PublicReport, type NewReport } from './schemas.js';
import { ModeratedReportDetail } from './moderation/schemas.js';
import { servablePhoto } from './moderation/photos.js';
import { createReport, MAX_PHOTOS, type Photo } from './create-report.js';
import { photoUrlsOf, presentPublic, publicReportQuery } from './views.js';
import { reportDetail } from './detail.js';
import { listCategories } from './categories.js';
import { nearbyOpenReports, NearbyView } from './nearby.js';
import { readPhotoForm } from './photo-parts.js';

const tags = ['feedback'];
const PROBLEM = { $ref: 'Problem#' };

export function registerPublicRoutes(app: App, ctx: AppContext): void {
  app.get('/api/v1/feedback/categories', { config: { access: { public: true, scopes: ['open311'] } }, schema: { tags, summary: 'Report categories with their extra questions', response: { 200: Type.Object({ items: Type.Array(CategoryView) }) } } }, async () => ({ items: await listCategories(ctx) }));

  app.register(async (scope) => {
    await scope.register(multipart, { limits: { files: MAX_PHOTOS, fileSize: ctx.config.maxUploadBytes, fields: 5, fieldSize: 64 * 1024, parts: MAX_PHOTOS + 5 } });
    scope.post(
      '/api/v1/feedback/reports',
      {
        // Per account when signed in, else per address (FEEDBACK_REPORTS_PER_10_MIN, default 10).
        config: {
          access: { public: true },
          rateLimit: { max: Number(ctx.config.env.FEEDBACK_REPORTS_PER_10_MIN ?? 10), timeWindow: '10 minutes', keyGenerator: rateKey },
        },
        schema: {
          tags,
          summary: 'Send a report: JSON, or multipart with a "report" JSON field and up to 5 "photos"',
          description: 'The JSON has the shape of NewReport: categoryCode, description, lat, lng, address?, attributes?, hideName?, contact?',
          response: { 201: CreatedReport, 400: PROBLEM, 409: PROBLEM, 422: PROBLEM },
          headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ description: 'A retry with the same key returns the first answer (kept 24 h)' })) }),
        },
      },
      async (request, reply) => {
        const { input, photos } = await readReportRequest(request);
        // The form's outbox retries with the same Idempotency-Key: a retry returns the first answer.
        const claim = claimOf(request, 'feedback.report.create', [JSON.stringify(input), ...photos.map((p) => p.buffer)]);
        const result = await once(ctx.db, claim, 201, (remember) => createReport(ctx, request, input, photos, 'web', { inTransaction: remember }));
        if (result.replayed) reply.header('idempotent-replayed', 'true');
        return reply.status(result.statusCode).send(result.body);
      },
    );
  });

  app.get(
    '/api/v1/feedback/reports/nearby',
    {
      config: { access: { public: true } },
      schema: { tags, summary: 'Open reports of a category near a point (shown before sending, to avoid duplicates)', querystring: StrictObject({ categoryCode: Type.String({ maxLength: 60 }), lat: Type.Number({ minimum: -90, maximum: 90 }), lng: Type.Number({ minimum: -180, maximum: 180 }) }), response: { 200: Type.Object({ items: Type.Array(NearbyView) }) } },
    },
    async (request) => ({ items: await nearbyOpenReports(ctx, request.query.categoryCode, request.query.lat, request.query.lng) }),
  );

  app.get(
    '/api/v1/feedback/reports',
    {
      config: { access: { public: true, scopes: ['open311'] } },
      schema: { tags, summary: 'Public list of reports, newest first (no personal data)', querystring: StrictObject({ ...PageQuery, categoryCode: Type.Optional(Type.String({ maxLength: 60 })), communeCode: Type.Optional(Type.String({ maxLength: 10 })), status: Type.Optional(Type.String({ maxLength: 20 })), agencyId: Type.Optional(Uuid) }), response: { 200: Page(PublicReport) } },
    },
    async (request) => {
      const q = request.query;
      const limit = q.limit ?? 50;
      const db = feedbackDb(ctx.db);
      let query = publicReportQuery(db).orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(limit + 1);
      if (q.categoryCode) query = query.where('r.category_code', '=', q.categoryCode);
      if (q.communeCode) query = query.where('r.commune_code', '=', q.communeCode);
      if (q.status) query = query.where('r.status', '=', q.status as never);
      if (q.agencyId) query = query.where('r.agency_id', '=', q.agencyId);
      const after = decodeCursor(q.cursor);
      if (after) query = query.where(sql<boolean>`(r.created_at, r.id) < (${new Date(String(after[0]))}, ${String(after[1])})`);
      const page = pageOf(await query.execute(), limit, (r) => [new Date(r.created_at).toISOString(), r.id]);
      const photos = await photoUrlsOf(db, page.items.map((r) => r.id));
      return { items: page.items.map((r) => presentPublic(r, photos.get(r.id) ?? [])), nextCursor: page.nextCursor };
    },
  );

  app.get('/api/v1/feedback/reports/:id', { config: { access: { public: true, scopes: ['open311'] } }, schema: { tags, summary: 'One report with its public timeline', params: Type.Object({ id: Uuid }), response: { 200: ModeratedReportDetail, 404: PROBLEM } } }, async (request) => reportDetail(ctx, request, { id: request.params.id }));
  app.get('/api/v1/feedback/track/:trackingCode', { config: { access: { public: true } }, schema: { tags, summary: 'Follow a report by its tracking code', params: Type.Object({ trackingCode: Type.String({ pattern: '^PA-[0-9]{2}-[0-9]{6,}$' }) }), response: { 200: ModeratedReportDetail, 404: PROBLEM } } }, async (request) => reportDetail(ctx, request, { trackingCode: request.params.trackingCode }));

  app.get(
    '/api/v1/feedback/photos/:fileId',
    { config: { access: { public: true } }, schema: { tags, summary: 'A report photo (re-encoded, no metadata); hidden photos only for the handling agency and the reporter', params: Type.Object({ fileId: Uuid }) } },
    async (request, reply) => {
      // Hidden photos only for the handling agency and the reporter, never kept by shared caches.
      const photo = await servablePhoto(ctx, request.principal, request.params.fileId);
      const bytes = photo ? await readFileBytes(ctx, photo.file) : undefined;
      if (!photo || !bytes) throw errors.notFound('Không tìm thấy ảnh.', 'No such photo.');
      // An hour, not a day: a photo hidden by a moderator leaves shared caches soon after.
      const cache = photo.restricted ? 'private, no-store' : 'public, max-age=3600';
      return reply.header('cache-control', cache).header('x-content-type-options', 'nosniff').type(photo.file.mime).send(bytes);
    },
  );
}

function rateKey(request: FastifyRequest): string {
  const p = request.principal;
  return p && p.kind === 'user' ? `user:${p.id}` : `ip:${request.ip}`;
}

/** A report arrives as JSON, or as multipart with the JSON in a `report` field and photos in `photos`. */
async function readReportRequest(request: FastifyRequest): Promise<{ input: NewReport; photos: Photo[] }> {
  if (!request.isMultipart()) return { input: validatedBody<NewReport>(request, NewReportBody, request.body), photos: [] };
  const { fields, photos } = await readPhotoForm(request);
  return { input: validatedBody<NewReport>(request, NewReportBody, jsonField(fields, 'report')), photos };
}
