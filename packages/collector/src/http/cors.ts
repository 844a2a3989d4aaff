/**
 * CORS: only configured origins, and on the token routes (see `token-routes.ts`) only those
 * configured with `read: true`. Made here rather than by @fastify/cors: the answer depends on
 * the route, which that plugin only takes as a per-request delegator, and it then rebuilt and
 * normalised its options on every request, posts included (4 % of an accepted response's
 * CPU). The headers are the ones it sent for these options (`cors.http.test.ts` pins them).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { CollectorConfig } from '../config/load.js';
import { HttpError } from './errors.js';
import { text } from '../messages.js';
import { requestNeedsToken } from './token-routes.js';

const ALLOW_METHODS = 'GET, POST, PUT, DELETE';
const ALLOW_HEADERS = 'content-type, content-encoding, authorization';
/** Seconds a browser may keep a preflight's answer. */
const MAX_AGE = '600';

/**
 * Adds `Origin` to `Vary`: every answer depends on it, even a refusal (caches must not give
 * one origin's answer to another). A `Vary` already naming it, or `*`, is left as it is.
 */
function varyOnOrigin(reply: FastifyReply): void {
  const vary = reply.getHeader('vary');
  if (!vary) {
    reply.header('vary', 'Origin');
    return;
  }
  const list = Array.isArray(vary) ? vary.join(', ') : String(vary);
  const names = list.toLowerCase().split(',').map((n) => n.trim());
  if (names.includes('*')) reply.header('vary', '*');
  else if (!names.includes('origin')) reply.header('vary', `${list}, Origin`);
}

/**
 * True when a request's `Origin` is the collector's own (its host is the request's `Host`): its
 * own pages (`/iframe/`, the demo) need no entry in `origins`. An unreadable origin is not.
 */
export function isOwnOrigin(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * Registers CORS on `app` (before the routes): an allowed origin is named back on actual
 * requests; its preflight is answered 204 with the methods, headers and max age allowed, or
 * a JSON 400 (`bad-preflight`) when it announces no method. Any other preflight goes on to a catch-all OPTIONS route
 * that answers 404.
 */
export function allowCors(app: FastifyInstance, config: CollectorConfig): void {
  const posting = new Set(config.origins.map((o) => o.origin));
  const reading = new Set(config.origins.filter((o) => o.read === true).map((o) => o.origin));
  app.addHook('onRequest', (request, reply, done) => {
    varyOnOrigin(reply);
    const origin = request.headers.origin;
    if (origin === undefined || !(requestNeedsToken(request) ? reading : posting).has(origin)) {
      done();
      return;
    }
    reply.header('access-control-allow-origin', origin);
    if (request.raw.method !== 'OPTIONS') {
      done();
      return;
    }
    if (!request.headers['access-control-request-method']) {
      // The one error body of every refusal (it was @fastify/cors' text/plain in English).
      done(new HttpError(400, 'bad-preflight', text('bad-request.preflight')));
      return;
    }
    reply.header('access-control-allow-methods', ALLOW_METHODS)
      .header('access-control-allow-headers', ALLOW_HEADERS)
      .header('access-control-max-age', MAX_AGE)
      .code(204).header('content-length', '0').send();
  });
  // Lets fastify route any OPTIONS request; those the hook did not answer are refused.
  app.options('*', (_request, reply) => {
    reply.callNotFound();
  });
}
