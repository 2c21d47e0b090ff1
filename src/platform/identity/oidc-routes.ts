import { Type } from 'typebox';
import type { App, AppContext } from '../http/module.js';
import { errors } from '../http/errors.js';
import { StrictObject } from '../http/schema.js';
import { finishOidcSignIn, startOidcSignIn } from './oidc.js';

const tags = ['auth'];

export function registerOidcRoutes(app: App, ctx: AppContext): void {
  const notConfigured = () => errors.notFound('Chưa cấu hình đăng nhập qua định danh quốc gia.', 'OpenID Connect sign-in is not configured.');

  app.get(
    '/api/v1/auth/oidc',
    {
      config: { access: { public: true } },
      schema: { tags, summary: 'Whether OpenID Connect sign-in is offered, and under which name', response: { 200: Type.Object({ enabled: Type.Boolean(), displayName: Type.Union([Type.String(), Type.Null()]) }) } },
    },
    async () => ({ enabled: !!ctx.config.oidc, displayName: ctx.config.oidc?.displayName ?? null }),
  );

  app.get(
    '/api/v1/auth/oidc/start',
    {
      config: { access: { public: true }, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Redirect to the identity provider', querystring: StrictObject({ returnTo: Type.Optional(Type.String({ maxLength: 300 })) }) },
    },
    async (request, reply) => {
      if (!ctx.config.oidc) throw notConfigured();
      return reply.redirect(await startOidcSignIn(ctx, ctx.config.oidc, reply, request.query.returnTo), 302);
    },
  );

  app.get(
    '/api/v1/auth/oidc/callback',
    {
      config: { access: { public: true }, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Where the identity provider sends the user back', querystring: Type.Object({}, { additionalProperties: true }) },
    },
    async (request, reply) => {
      if (!ctx.config.oidc) throw notConfigured();
      return reply.redirect(await finishOidcSignIn(ctx, ctx.config.oidc, request, reply), 302);
    },
  );
}
