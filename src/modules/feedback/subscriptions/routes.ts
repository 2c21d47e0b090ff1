import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { App, AppContext } from '../../../platform/http/module.js';
import { errors } from '../../../platform/http/errors.js';
import { StrictObject, Uuid } from '../../../platform/http/schema.js';
import { confirmSubscription, normalizeEmail, requestSubscription, unsubscribe } from './subscribe.js';
import { followReport, isFollowing, unfollowReport } from './follow.js';
import { TOKEN_PATTERN } from './token.js';

const tags = ['feedback'];
const PROBLEM = { $ref: 'Problem#' };

const Bilingual = Type.Object({ vi: Type.String(), en: Type.String() });
const SubscriptionView = Type.Object({
  scope: Type.Union([Type.Literal('report'), Type.Literal('category'), Type.Literal('commune')]),
  label: Bilingual,
  trackingCode: Type.Union([Type.String(), Type.Null()]),
  categoryCode: Type.Union([Type.String(), Type.Null()]),
  communeCode: Type.Union([Type.String(), Type.Null()]),
});
const NewSubscription = StrictObject({
  email: Type.String({ format: 'email', maxLength: 254 }),
  scope: Type.Union([Type.Literal('report'), Type.Literal('category'), Type.Literal('commune')]),
  reportId: Type.Optional(Uuid),
  categoryCode: Type.Optional(Type.String({ maxLength: 60 })),
  communeCode: Type.Optional(Type.String({ maxLength: 10 })),
});
const TokenBody = StrictObject({ token: Type.String({ pattern: TOKEN_PATTERN }) });
const Following = Type.Object({ following: Type.Boolean() });
const ReportParams = Type.Object({ id: Uuid });

/** The same words whatever the address's state: the answer must not tell who is subscribed. */
const ACCEPTED = {
  status: 'pending' as const,
  message: {
    vi: 'Nếu địa chỉ hợp lệ, một thư xác nhận vừa được gửi. Hãy mở liên kết trong thư để bắt đầu nhận tin.',
    en: 'If the address is valid, a confirmation e-mail is on its way. Open its link to start receiving updates.',
  },
};

const setting = (ctx: AppContext, name: string, fallback: number) => Number(ctx.config.env[name] ?? fallback);

export function registerSubscriptionRoutes(app: App, ctx: AppContext): void {
  // Per address, on top of the per-IP limit of the route: nobody can fill a stranger's mailbox.
  const perAddress = app.createRateLimit({
    max: setting(ctx, 'FEEDBACK_SUBSCRIBE_PER_ADDRESS_PER_DAY', 5),
    timeWindow: '1 day',
    keyGenerator: (request: FastifyRequest) => `feedback-subscribe:${normalizeEmail(String((request.body as { email?: string } | undefined)?.email ?? ''))}`,
  });

  app.post(
    '/api/v1/feedback/subscriptions',
    {
      config: { access: { public: true }, rateLimit: { max: setting(ctx, 'FEEDBACK_SUBSCRIBE_PER_HOUR', 20), timeWindow: '1 hour' } },
      schema: {
        tags,
        summary: 'Ask for e-mail about a report, a category or a commune (a confirmation link is mailed first)',
        description: 'One of reportId, categoryCode, communeCode, matching scope. The answer is the same whether or not the address was already subscribed.',
        body: NewSubscription,
        response: { 202: Type.Object({ status: Type.Literal('pending'), message: Bilingual }), 400: PROBLEM, 422: PROBLEM, 429: PROBLEM },
      },
    },
    async (request, reply) => {
      const limit = await perAddress(request);
      if (!limit.isAllowed && limit.isExceeded) throw errors.tooManyRequests(Math.max(1, Math.ceil(limit.ttl / 1000)));
      const body = request.body;
      await requestSubscription(ctx, request, body.email, { scope: body.scope, reportId: body.reportId, categoryCode: body.categoryCode, communeCode: body.communeCode });
      return reply.status(202).send(ACCEPTED);
    },
  );

  app.post(
    '/api/v1/feedback/subscriptions/confirm',
    { config: { access: { public: true } }, schema: { tags, summary: 'Confirm a subscription with the token from its mail', body: TokenBody, response: { 200: SubscriptionView, 404: PROBLEM } } },
    async (request) => confirmSubscription(ctx, request, request.body.token),
  );

  app.post(
    '/api/v1/feedback/subscriptions/unsubscribe',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: 'Unsubscribe with the token from any of its mails (one click; also as ?token= with a form body, RFC 8058)',
        querystring: StrictObject({ token: Type.Optional(Type.String({ pattern: TOKEN_PATTERN })) }),
        body: Type.Optional(Type.Object({ token: Type.Optional(Type.String({ pattern: TOKEN_PATTERN })) })),
        response: { 200: Type.Object({ removed: Type.Boolean(), subscription: Type.Union([SubscriptionView, Type.Null()]) }), 400: PROBLEM },
      },
    },
    async (request) => {
      const token = request.body?.token ?? request.query.token;
      if (!token) throw errors.badRequest('missing_token', 'Thiếu mã hủy đăng ký.', 'The unsubscribe token is missing.', [{ field: 'body.token', message: { vi: 'Bắt buộc', en: 'Required' } }]);
      return unsubscribe(ctx, request, token);
    },
  );

  const signedIn = { access: { roles: '*' as const } };
  app.get('/api/v1/feedback/reports/:id/follow', { config: signedIn, schema: { tags, summary: 'Whether I follow this report by e-mail', params: ReportParams, response: { 200: Following } } }, async (request) => isFollowing(ctx, request, request.params.id));
  app.post('/api/v1/feedback/reports/:id/follow', { config: signedIn, schema: { tags, summary: "Follow a report with my account's address (no confirmation needed)", params: ReportParams, response: { 200: Following, 422: PROBLEM } } }, async (request) => followReport(ctx, request, request.params.id));
  app.delete('/api/v1/feedback/reports/:id/follow', { config: signedIn, schema: { tags, summary: 'Stop following a report', params: ReportParams, response: { 200: Following } } }, async (request) => unfollowReport(ctx, request, request.params.id));
}
