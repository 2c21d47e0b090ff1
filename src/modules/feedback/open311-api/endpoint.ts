import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../../platform/http/module.js';
import { negotiate, pickLanguage, sendOpen311Error, toOpen311Error, type Format } from '../open311/index.js';
import type { Language } from '../open311/types.js';

export interface Open311Call {
  request: FastifyRequest;
  reply: FastifyReply;
  format: Format;
  lang: Language;
  /** The last path segment without its `.json`/`.xml` suffix (an id, a code or a token). */
  id: string;
}

/**
 * Registers one Open311 endpoint with and without its format suffix. Errors of any kind leave in the
 * Open311 error format (`<errors><error>…`) of the requested format, never as our problem+json.
 */
export function open311Endpoint(app: App, method: 'GET' | 'POST', path: string, summary: string, handler: (call: Open311Call) => Promise<unknown>): void {
  const urls = path.endsWith('/:id') ? [path] : [path, `${path}.:format`];
  for (const url of urls) {
    app.route({
      method,
      url,
      config: { access: { public: true } },
      schema: { tags: ['open311'], summary, hide: url.includes('.:format') },
      handler: async (request, reply) => {
        const negotiated = negotiate(request.url, request.headers.accept);
        const query = (request.query ?? {}) as Record<string, unknown>;
        const lang = pickLanguage(query.locale, request.headers['accept-language']);
        if (!negotiated.ok) return sendOpen311Error(reply, 'xml', negotiated.error, lang);
        const id = decodeURIComponent(negotiated.stem.slice(negotiated.stem.lastIndexOf('/') + 1));
        try {
          return await handler({ request, reply, format: negotiated.format, lang, id });
        } catch (error) {
          const open311 = toOpen311Error(error);
          if (open311.status >= 500) request.log.error({ err: error }, 'open311 request failed');
          return sendOpen311Error(reply, negotiated.format, open311, lang);
        }
      },
    });
  }
}
