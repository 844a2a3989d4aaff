/**
 * Replies for what does not reach a route's own code: errors thrown by routes or by fastify,
 * URLs that cannot be decoded, requests node's parser refuses, unknown paths (404) and known
 * paths asked with another method (405 with `Allow`). Every one sends the body of
 * `errors.ts`, `{ error, message, problems? }`, so a client reads all refusals one way.
 */
import http from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MAX_COMPILED_ID_LENGTH } from '@olva/schema';
import { HttpError, type ErrorBody } from './errors.js';
import { text, type Lang } from '../messages.js';
import { inLanguage, localise, negotiateLanguage } from './language.js';
import { SNAPSHOTS_RETRY_SECONDS, SnapshotsBusyError } from '../store/snapshot-slots.js';

/**
 * The longest path segment fastify routes (its `maxParamLength`, 100 by default): the longest
 * build name (`<core id>+<extension id>`) as a browser writes it in `/questionnaires/<build>/`,
 * `+` encoded as `%2B`. At 100, a build of 101 characters or more was a 414 there.
 */
export const MAX_PATH_SEGMENT = MAX_COMPILED_ID_LENGTH + '%2B'.length - '+'.length;

/** Our code and message for fastify's own 4xx errors (their messages name fastify's internals). */
function frameworkBody(error: FastifyError, status: number): ErrorBody {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { error: 'unsupported-media-type', message: text('unsupported-media-type') };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { error: 'malformed-json', message: text('malformed-json.empty') };
    case 'FST_ERR_BAD_URL':
      return { error: 'bad-url', message: text('bad-url') };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { error: 'bad-request', message: text('bad-request.content-length') };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { error: 'uri-too-long', message: text('uri-too-long.segment', { max: MAX_PATH_SEGMENT }) };
    default:
      // The static files' refusals (@fastify/send) carry a status and English words only.
      if (status === 403) return { error: 'forbidden', message: text('forbidden.file') };
      if (status === 412) return { error: 'precondition-failed', message: text('precondition-failed') };
      if (status === 413) return { error: 'payload-too-large', message: text('payload-too-large') };
      if (status === 415) return { error: 'unsupported-media-type', message: text('unsupported-media-type') };
      if (status === 416) return { error: 'range-not-satisfiable', message: text('range-not-satisfiable') };
      if (status === 400) return { error: 'bad-request', message: text('bad-request.framework', { detail: error.message.slice(0, 300) }) };
      return { error: 'refused', message: text('refused.status', { status }) };
  }
}

/**
 * The error handler: `HttpError`s as they are, a store with every snapshot slot taken a 429
 * with Retry-After, fastify's 4xx reworded, anything else a logged 500; every body in the
 * request's language (some of these never reach the routes' hooks).
 */
export function replyToError(error: FastifyError | HttpError | SnapshotsBusyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  // Thrown by `ResponseStore.stream` before a byte of the reply is written, from any route
  // reading the whole store (exports, statistics, results, warnings): one answer for them all.
  if (error instanceof SnapshotsBusyError) {
    error = new HttpError(429, 'exports-busy', text('exports-busy', { limit: error.limit, seconds: SNAPSHOTS_RETRY_SECONDS }), { 'retry-after': String(SNAPSHOTS_RETRY_SECONDS) });
  }
  if (error instanceof HttpError) {
    reply.headers(error.headers);
    return reply.code(error.statusCode).send(localise(error.body(), request, reply));
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return reply.code(status).send(localise(frameworkBody(error, status), request, reply));
  request.log.error({ err: { message: error.message, stack: error.stack, code: error.code } }, 'request failed');
  return reply.code(500).send(localise({ error: 'internal', message: text('internal') } satisfies ErrorBody, request, reply));
}

// An `Accept-Language` line of a request head; linear, whatever the bytes.
const ACCEPT_LANGUAGE_LINE = /(?:^|\n)accept-language:[ \t]*([^\r\n]*)/i;

/**
 * The language a request node could not parse asks for, read from the bytes it kept
 * (`rawPacket`: the head as far as it was received, including lines after the bad one).
 * French when they are missing or name no language.
 */
export function rawRequestLanguage(raw: unknown): Lang {
  // Fastify types it as a serialised Buffer; node hands a Buffer.
  if (!Buffer.isBuffer(raw)) return 'fr';
  const head = raw.toString('latin1');
  const end = head.indexOf('\r\n\r\n');
  return negotiateLanguage(ACCEPT_LANGUAGE_LINE.exec(end < 0 ? head : head.slice(0, end))?.[1]);
}

/**
 * Fastify's `clientErrorHandler`: what node's HTTP parser refuses (a malformed request line
 * or header, headers too large, a request too slow) is answered on the socket directly, in the
 * language its raw bytes ask for (fastify never saw its headers).
 */
export function replyToClientError(error: Error & { code?: string; rawPacket?: unknown }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, body]: [number, ErrorBody] = error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
    ? [408, { error: 'request-timeout', message: text('request-timeout') }]
    : error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, { error: 'headers-too-large', message: text('headers-too-large') }]
      : [400, { error: 'bad-request', message: text('bad-request.http') }];
  const lang = rawRequestLanguage(error.rawPacket);
  const json = JSON.stringify(inLanguage(body, lang));
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n`
      + `Content-Language: ${lang}\r\nContent-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`);
  }
  socket.destroy();
}

// A run of percent-encoded bytes: decoded together, as a multi-byte character spans several.
const ENCODED_RUN = /(?:%[0-9a-fA-F]{2})+/g;

/**
 * True when the percent-encoded bytes of a URL are not UTF-8, or encode U+0000: fastify
 * decodes the query string without checking, and such text reached the database (a 500 on
 * PostgreSQL). Lone surrogates are not UTF-8, so they are caught too.
 */
export function urlHasBadText(url: string): boolean {
  if (!url.includes('%')) return false;
  for (const run of url.match(ENCODED_RUN) ?? []) {
    let text: string;
    try {
      text = decodeURIComponent(run);
    } catch {
      return true;
    }
    if (text.includes('\0')) return true;
  }
  return false;
}

/**
 * An `onRequest` hook refusing, on every route, a URL whose encoded text is refused above
 * (with a callback: it runs on every request, and a promise each is a cost).
 */
export function refuseBadUrl(request: FastifyRequest, _reply: FastifyReply, done: (error?: HttpError) => void): void {
  if (urlHasBadText(request.url)) done(new HttpError(400, 'bad-url', text('bad-url.text')));
  else done();
}

/** A route's path as a regular expression: `:name` is one segment, `*` anything. */
function pathPattern(url: string): RegExp {
  const source = url.split(/(:[^/]+|\*)/).map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`);
}

/**
 * Tracks the routes `app` and its plugins register (call before registering them), and
 * answers what matches none: 405 with `Allow` when the path is known for other methods, else
 * 404. OPTIONS stays a 404: a CORS preflight that the CORS plugin did not answer is refused.
 */
export function notFoundOrWrongMethod(app: FastifyInstance): void {
  const routes: { pattern: RegExp; methods: string[] }[] = [];
  app.addHook('onRoute', (route) => {
    // The CORS plugin's catch-all OPTIONS route matches every path: it says nothing of them.
    if (route.url === '*' || route.url === '/*') return;
    routes.push({ pattern: pathPattern(route.url), methods: ([] as string[]).concat(route.method) });
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    const allowed = new Set<string>();
    if (request.method !== 'OPTIONS') for (const r of routes) if (r.pattern.test(path)) for (const m of r.methods) allowed.add(m);
    if (allowed.size > 0 && !allowed.has(request.method)) {
      const allow = [...allowed].sort().join(', ');
      const body: ErrorBody = { error: 'method-not-allowed', message: text('method-not-allowed', { method: request.method.slice(0, 20), path: path.slice(0, 200), allow }) };
      return reply.code(405).header('allow', allow).send(localise(body, request, reply));
    }
    const body: ErrorBody = { error: 'not-found', message: text('not-found.route', { method: request.method.slice(0, 20), path: path.slice(0, 200) }) };
    return reply.code(404).send(localise(body, request, reply));
  });
}
