import { Type } from 'typebox';
import type { App, AppContext } from '../http/module.js';
import type { FastifyRequest } from 'fastify';
import { actorOf, requireUser } from '../http/access.js';
import { errors } from '../http/errors.js';
import { PageQuery, StrictObject, Uuid } from '../http/schema.js';
import { listNotifications, markAllRead, markRead, type InboxChange } from './inbox.js';
import { CATEGORY_PATTERN, listPreferences, setPreference } from './preferences.js';

const tags = ['notifications'];
const PROBLEM = { $ref: 'Problem#' };
const BilingualText = Type.Object({ vi: Type.String(), en: Type.String() });

export const NotificationView = Type.Object(
  {
    id: Type.String(),
    category: Type.String(),
    title: BilingualText,
    body: BilingualText,
    link: Type.Union([Type.String(), Type.Null()]),
    readAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Notification' },
);

const Channel = Type.Union([Type.Literal('in_app'), Type.Literal('email')]);
const Preference = Type.Object({ category: Type.String(), channel: Channel, enabled: Type.Boolean() });

/** A person's own inbox and notification settings; nobody can read another person's. */
export function registerNotificationRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/notifications',
    {
      config: { access: { roles: '*' } },
      schema: {
        tags,
        summary: 'My notifications, newest first',
        querystring: Type.Object({ ...PageQuery, unread: Type.Optional(Type.Boolean()) }),
        response: {
          200: Type.Object({ items: Type.Array(NotificationView), nextCursor: Type.Union([Type.String(), Type.Null()]), unreadCount: Type.Integer() }),
          400: PROBLEM,
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { cursor, limit = 50, unread } = request.query;
      return listNotifications(ctx, user.id, { ...(cursor ? { cursor } : {}), limit, unreadOnly: unread === true });
    },
  );

  app.post(
    '/api/v1/notifications/:id/read',
    {
      config: { access: { roles: '*' } },
      schema: { tags, summary: 'Mark one of my notifications read', params: Type.Object({ id: Uuid }), response: { 204: Type.Null(), 404: PROBLEM } },
    },
    async (request, reply) => {
      const user = requireUser(request);
      if (!(await markRead(ctx, user.id, request.params.id, inboxChange(request)))) throw errors.notFound('Không tìm thấy thông báo.', 'No such notification.');
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/notifications/read-all',
    {
      config: { access: { roles: '*' } },
      schema: { tags, summary: 'Mark all my notifications read', response: { 200: Type.Object({ updated: Type.Integer() }) } },
    },
    async (request) => ({ updated: await markAllRead(ctx, requireUser(request).id, inboxChange(request)) }),
  );

  app.get(
    '/api/v1/notifications/preferences',
    {
      config: { access: { roles: '*' } },
      schema: {
        tags,
        summary: 'Channels I switched on or off per category (everything not listed is on)',
        response: { 200: Type.Object({ items: Type.Array(Preference) }) },
      },
    },
    async (request) => ({ items: await listPreferences(ctx.db, requireUser(request).id) }),
  );

  app.put(
    '/api/v1/notifications/preferences',
    {
      config: { access: { roles: '*' } },
      schema: {
        tags,
        summary: 'Switch a channel on or off for a category',
        body: StrictObject({ category: Type.String({ pattern: CATEGORY_PATTERN }), channel: Channel, enabled: Type.Boolean() }),
        response: { 204: Type.Null(), 400: PROBLEM },
      },
    },
    async (request, reply) => {
      const { category, channel, enabled } = request.body;
      await ctx.db.transaction().execute(async (trx) => {
        await setPreference(trx, requireUser(request).id, category, channel, enabled);
        await ctx.audit.record(trx, { ...inboxChange(request), action: 'notification.preference', targetType: 'user', targetId: requireUser(request).id, details: { category, channel, enabled } });
      });
      return reply.status(204).send(null);
    },
  );
}

function inboxChange(request: FastifyRequest): InboxChange {
  return { actor: actorOf(request), ip: request.ip, requestId: String(request.id) };
}
