/**
 * Which routes need a bearer token (reading, exports, statistics, erasure), and what follows
 * from it for every request: CORS for those routes only for origins configured with
 * `read: true` (`cors.ts`), and a client address that sent too many wrong tokens in a minute gets 429
 * before its token is even looked at. Posting a response stays public to every configured
 * origin, and the routes other helpers add without a token (e.g. a commune search) too.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './errors.js';
import { RateLimiter } from './rate-limit.js';
import { text } from '../messages.js';

/** Wrong tokens accepted per client address and minute before answering 429. */
export const WRONG_TOKENS_PER_MINUTE = 10;

/** The path of a request, decoded, without its query (a route pattern when one matched). */
function pathOf(request: FastifyRequest): string {
  const pattern = request.routeOptions.url;
  if (pattern && pattern !== '*') return pattern;
  const raw = request.url.split('?')[0];
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** True when `method` on `path` is a route that needs a token. */
export function needsToken(method: string, path: string): boolean {
  if (path.startsWith('/v1/exports/') || path.startsWith('/v1/stats/') || path.startsWith('/v1/cockpit/')) return true;
  if (path === '/v1/results' || path.startsWith('/v1/results/')) return true;
  return (path === '/v1/responses' || path.startsWith('/v1/responses/')) && method !== 'POST';
}

/** True when the request (or the request a preflight announces) goes to a token route. */
export function requestNeedsToken(request: FastifyRequest): boolean {
  const announced = request.method === 'OPTIONS' ? request.headers['access-control-request-method'] : undefined;
  const method = typeof announced === 'string' ? announced.toUpperCase() : request.method;
  return needsToken(method, pathOf(request));
}

/**
 * Slows down token guessing: a client address that sent `perMinute` wrong tokens this minute
 * gets 429 with Retry-After on every token route until the minute is over, whatever its
 * token. A right token costs nothing more: only refusals are counted.
 */
export function guardTokens(app: FastifyInstance, perMinute = WRONG_TOKENS_PER_MINUTE): void {
  const wrong = new RateLimiter(perMinute);
  // Callback hooks, not async ones: they run on every request, and a promise each is a cost.
  app.addHook('onRequest', (request, reply, done) => {
    if (request.method === 'OPTIONS' || !requestNeedsToken(request)) {
      done();
      return;
    }
    const wait = wrong.spent(request.ip);
    if (wait === null) {
      done();
      return;
    }
    reply.header('retry-after', String(wait));
    done(new HttpError(429, 'rate-limited', text('rate-limited.tokens', { seconds: wait })));
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    if (reply.statusCode === 401 && request.headers.authorization && requestNeedsToken(request)) wrong.hit(request.ip);
    done(null, payload);
  });
}
