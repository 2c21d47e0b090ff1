import { Type } from 'typebox';
import type { App, AppContext } from '../http/module.js';
import { actorOf, requireUser } from '../http/access.js';
import { errors } from '../http/errors.js';
import { sha256 } from './principal.js';
import { clearSessionCookie, createSession } from './sessions.js';
import { signInWithPassword } from './login.js';
import { registerAccount } from './register.js';
import { requestPasswordReset, confirmPasswordReset } from './password-reset.js';
import { LoginBody, MeView, RegisterBody, ResetConfirmBody, ResetRequestBody, SessionView, presentUser, USER_COLUMNS } from './schemas.js';

const tags = ['auth'];
const PROBLEM = { $ref: 'Problem#' };

export function registerAuthRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/v1/auth/login',
    {
      config: { access: { public: true }, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Sign in with email and password', body: LoginBody, response: { 200: SessionView, 401: PROBLEM, 429: PROBLEM } },
    },
    async (request, reply) => signInWithPassword(ctx, request, reply, request.body.email, request.body.password),
  );

  app.post(
    '/api/v1/auth/register',
    {
      config: { access: { public: true }, rateLimit: { max: 10, timeWindow: '10 minutes' } },
      schema: { tags, summary: 'Create a citizen or business account and sign in', body: RegisterBody, response: { 201: SessionView, 409: PROBLEM } },
    },
    async (request, reply) => {
      const result = await ctx.db.transaction().execute(async (trx) => {
        const user = await registerAccount(trx, ctx, request.body, request);
        const csrfToken = await createSession(trx, ctx.config, request, reply, user.id);
        return { user, csrfToken };
      });
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { config: { access: { roles: '*' } }, schema: { tags, summary: 'Sign out (ends this session)', response: { 204: Type.Null() } } },
    async (request, reply) => {
      const user = requireUser(request);
      await ctx.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('sessions').where('id_hash', '=', user.sessionId).execute();
        await ctx.audit.record(trx, { actor: actorOf(request), action: 'auth.logout', targetType: 'user', targetId: user.id, ip: request.ip, requestId: request.id });
      });
      clearSessionCookie(ctx.config, request, reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/me',
    { config: { access: { roles: '*', scopes: ['*'] } }, schema: { tags, summary: 'The signed-in user (or the calling API key)', response: { 200: MeView } } },
    async (request) => {
      const p = request.principal;
      if (p.kind === 'api_key') return { user: null, apiKey: { id: p.id, name: p.name, scopes: p.scopes }, csrfToken: null };
      const user = requireUser(request);
      const row = await ctx.db.selectFrom('users').select([...USER_COLUMNS]).where('id', '=', user.id).executeTakeFirst();
      if (!row) throw errors.unauthenticated();
      return { user: presentUser(row), apiKey: null, csrfToken: user.csrfToken };
    },
  );

  app.post(
    '/api/v1/auth/password-reset/request',
    {
      config: { access: { public: true }, rateLimit: { max: 5, timeWindow: '15 minutes' } },
      schema: { tags, summary: 'E-mail a password-reset link (always answers 202)', body: ResetRequestBody, response: { 202: Type.Object({ accepted: Type.Boolean() }) } },
    },
    async (request, reply) => {
      await requestPasswordReset(ctx, request.body.email, request);
      return reply.status(202).send({ accepted: true });
    },
  );

  app.post(
    '/api/v1/auth/password-reset/confirm',
    {
      config: { access: { public: true }, rateLimit: { max: 10, timeWindow: '15 minutes' } },
      schema: { tags, summary: 'Set a new password with a reset token', body: ResetConfirmBody, response: { 204: Type.Null(), 400: PROBLEM } },
    },
    async (request, reply) => {
      await confirmPasswordReset(ctx, sha256(request.body.token), request.body.password, request);
      return reply.status(204).send(null);
    },
  );
}
