import { createHash } from 'node:crypto';
import { Type } from 'typebox';
import type { FastifyReply } from 'fastify';
import type { App, AppContext } from '../../../platform/http/module.js';
import { StrictObject } from '../../../platform/http/schema.js';
import { feedbackDb } from '../tables.js';
import { feedContent, type FeedFilter } from './items.js';
import { atomFeed, rssFeed, type FeedLinks } from './write.js';

export const ATOM_PATH = '/api/v1/feedback/feeds/reports.atom';
export const RSS_PATH = '/api/v1/feedback/feeds/reports.rss';

const FeedQuery = StrictObject({
  commune: Type.Optional(Type.String({ pattern: '^[0-9]{2,10}$', description: 'administrative unit code, e.g. 18880' })),
  category: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{1,60}$', description: 'category code' })),
});

/** The feed's canonical address: filters in a fixed order, nothing else from the request echoed. */
function selfLink(publicUrl: string, path: string, filter: FeedFilter): string {
  const params = new URLSearchParams();
  if (filter.commune) params.set('commune', filter.commune);
  if (filter.category) params.set('category', filter.category);
  const q = params.toString();
  return `${publicUrl}${path}${q ? `?${q}` : ''}`;
}

async function serve(ctx: AppContext, filter: FeedFilter, ifNoneMatch: string | undefined, reply: FastifyReply, format: 'atom' | 'rss') {
  const content = await feedContent(feedbackDb(ctx.db), filter);
  const path = format === 'atom' ? ATOM_PATH : RSS_PATH;
  const links: FeedLinks = { publicUrl: ctx.config.publicUrl, self: selfLink(ctx.config.publicUrl, path, filter), alternate: `${ctx.config.publicUrl}/phan-anh` };
  const body = (format === 'atom' ? atomFeed : rssFeed)(content, links, content.updated ?? new Date(0));
  // Readers poll: the body's hash lets them skip an unchanged feed with one 304.
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  reply.header('etag', etag).header('cache-control', 'public, max-age=300');
  if (content.updated) reply.header('last-modified', content.updated.toUTCString());
  if (ifNoneMatch === etag) return reply.status(304).send();
  return reply.type(format === 'atom' ? 'application/atom+xml; charset=utf-8' : 'application/rss+xml; charset=utf-8').send(body);
}

/** RSS and Atom feeds of the newest public reports, for the whole province or by commune and category. */
export function registerFeedRoutes(app: App, ctx: AppContext): void {
  const schema = (format: string) => ({ tags: ['feedback'], summary: `${format} feed of the newest public reports (?commune=, ?category=)`, querystring: FeedQuery });
  app.get(ATOM_PATH, { config: { access: { public: true } }, schema: schema('Atom 1.0') }, (request, reply) => serve(ctx, request.query, request.headers['if-none-match'], reply, 'atom'));
  app.get(RSS_PATH, { config: { access: { public: true } }, schema: schema('RSS 2.0') }, (request, reply) => serve(ctx, request.query, request.headers['if-none-match'], reply, 'rss'));
}
