import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { AppContext, App, AppModule } from './module.js';
import { checkAccess, type Access } from './access.js';
import { toAppError, sendProblem } from './problem.js';
import { errors } from './errors.js';
import { normalizeNfc } from '../search/search-text.js';
import { resolvePrincipal, enforceCsrf } from '../identity/principal.js';
import { registerHealthRoutes } from './health.js';
import { loggerOptions } from './logging.js';
import { ProblemSchema } from './schema.js';
import { mapTileSource } from '../config/config.js';

export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its access rule, as registered (the authorization matrix test reads it). */
    accessRules: RouteAccess[];
  }
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Routes added by plugins we trust to be public (docs). Everything else must declare `access`. */
const PUBLIC_PLUGIN_PREFIXES = ['/api/docs'];

export interface BuildAppOptions {
  ctx: Omit<AppContext, 'log'>;
  areas: AppModule[];
  /** Registers the web front end (static files); left out by API-only tests. */
  web?: (app: App) => Promise<void>;
  /** Where log lines go (stdout by default); tests capture them. */
  logStream?: { write(line: string): void };
}

export async function buildApp({ ctx: partialCtx, areas, web, logStream }: BuildAppOptions): Promise<{ app: App; ctx: AppContext }> {
  const { config } = partialCtx;
  const app = Fastify({
    logger: loggerOptions(config.logLevel, logStream),
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true } },
    routerOptions: { ignoreTrailingSlash: true },
    return503OnClosing: true,
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;
  const ctx: AppContext = { ...partialCtx, log: app.log };

  app.decorateRequest('principal', null as never);
  app.addHook('onRequest', async (request, reply) => {
    request.principal = { kind: 'anonymous' };
    reply.header('x-request-id', request.id);
  });
  const accessRules: RouteAccess[] = [];
  app.decorate('accessRules', accessRules);
  app.addHook('onRoute', (route) => {
    const config = (route.config ?? {}) as { access?: Access };
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (config.access) {
      for (const method of methods) if (method !== 'HEAD') accessRules.push({ method, url: route.url, access: config.access });
      return;
    }
    if (PUBLIC_PLUGIN_PREFIXES.some((p) => route.url.startsWith(p)) || route.url === '*' || route.url.startsWith('/assets')) {
      route.config = { ...config, access: { public: true } } as never;
      return;
    }
    throw new Error(`Route ${route.method} ${route.url} declares no access rule (config.access)`);
  });

  await app.register(cookie, { secret: config.sessionSecret });
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...(config.mapTiles ? [mapTileSource(config.mapTiles)] : [])],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    // HSTS only makes sense when the site is served over TLS.
    hsts: config.publicUrl.startsWith('https://') ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(rateLimit, { global: false });
  app.addSchema(ProblemSchema);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tỉnh Số API',
        version: '1',
        description: 'API of the Tỉnh Số digital-province platform. Errors are RFC 9457 problem documents with Vietnamese and English messages.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'ts_session' },
          apiKey: { type: 'http', scheme: 'bearer', description: 'An API key issued by an administrator' },
        },
      },
    },
  });
  // Tags start folded: drawing every operation of a few hundred at once stalls the page.
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'none' } });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access) return;
    if ('public' in access && access.ownCredentials) return;
    request.principal = await resolvePrincipal(ctx, request);
    checkAccess(access, request.principal);
    enforceCsrf(request);
  });
  app.addHook('preValidation', async (request) => {
    if (request.body && typeof request.body === 'object') request.body = normalizeNfc(request.body);
    if (request.query && typeof request.query === 'object') request.query = normalizeNfc(request.query);
  });
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error as Error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(request, reply, appError);
  });

  app.get('/api/openapi.json', { config: { access: { public: true } }, schema: { hide: true } }, async () => app.swagger());
  registerHealthRoutes(app, ctx);
  for (const area of areas) await area.routes?.(app, ctx);
  if (web) await web(app);

  app.setNotFoundHandler({ preHandler: undefined }, (request, reply) =>
    sendProblem(request, reply, errors.notFound('Không tìm thấy địa chỉ này.', 'No such route.')),
  );
  return { app, ctx };
}
