import type { FastifyServerOptions } from 'fastify';

/**
 * Structured logs (pino) with every request's id. Bodies are never logged; headers that carry
 * credentials are censored, so passwords, tokens and session ids never reach a log line.
 */
export function loggerOptions(level: string, stream?: { write(line: string): void }): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
        '*.email',
        '*.phone',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({ method: req.method, url: stripQuerySecrets(req.url), id: req.id }),
    },
  };
}

/** Query strings can carry tokens (reset links, Open311 api_key); keep them out of logs. */
function stripQuerySecrets(url: string): string {
  return url.replace(/([?&](?:api_key|token|code|state|password)=)[^&]*/gi, '$1[redacted]');
}
