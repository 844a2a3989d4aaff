/**
 * `/v1/communes`: the official geography for the commune picker of the embed. Public (it is
 * reference data), readable by the configured survey origins through the collector's CORS,
 * cacheable. `answerCommuneSearch` and `answerCommuneLookup` hold the whole behaviour without
 * fastify, so that the browser tests' site answers exactly as the collector does.
 */
import type { FastifyInstance } from 'fastify';
import { HttpError, type ResponseProblemBody } from '../http/errors.js';
import { text, type Text } from '../messages.js';
import { badParameter } from '../export/query.js';
import { findCommune, MAX_COMMUNE_RESULTS, searchCommunes, type Commune } from '../geography/commune-search.js';

/** Longest query accepted, in characters (the longest commune name has 45). */
export const MAX_COMMUNE_QUERY = 100;

/** A status and a JSON body: a result, or the collector's `{error, message}` refusal. */
export type CommuneAnswer =
  | { status: 200; body: { communes: Commune[] } | Commune }
  | { status: 400 | 404; body: { error: string; message: Text; problems?: ResponseProblemBody[] } };

/** A 400 naming the parameter (`/q`, `/limit`) and the rule it breaks. */
const bad = (name: 'q' | 'limit', code: string, message: Text): CommuneAnswer => ({ status: 400, body: { ...badParameter(name, code, message), error: 'bad-query' } });

/** One query parameter: absent, one string, or several (which is refused). */
function single(value: unknown): string | undefined | null {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value.length === 1 ? single(value[0]) : null;
  return typeof value === 'string' ? value : null;
}

/** `GET /v1/communes?q=&limit=` given its query parameters (as parsed, repeated ones in arrays). */
export function answerCommuneSearch(query: { q?: unknown; limit?: unknown }): CommuneAnswer {
  const q = single(query.q);
  if (q === null) return bad('q', 'parameter-once', text('bad-query.one-q'));
  if (q === undefined || q.trim() === '') return bad('q', 'required', text('bad-query.q-required'));
  if (q.length > MAX_COMMUNE_QUERY) return bad('q', 'q-length', text('bad-query.q-length', { max: MAX_COMMUNE_QUERY }));
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(q)) return bad('q', 'q-control', text('bad-query.q-control'));
  const rawLimit = single(query.limit);
  const limit = rawLimit === undefined ? 10 : /^\d{1,2}$/.test(rawLimit ?? '') ? Number(rawLimit) : NaN;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_COMMUNE_RESULTS) {
    return bad('limit', 'limit-range', text('bad-query.limit', { max: MAX_COMMUNE_RESULTS }));
  }
  return { status: 200, body: { communes: searchCommunes(q, limit) } };
}

/** `GET /v1/communes/<code>`: the current commune with this INSEE code, or 404. */
export function answerCommuneLookup(code: string): CommuneAnswer {
  const commune = /^[0-9AB]{5}$/i.test(code) ? findCommune(code) : undefined;
  return commune
    ? { status: 200, body: commune }
    : { status: 404, body: { error: 'not-found', message: text('not-found.commune', { code: code.slice(0, 20) }) } };
}

/** Cached a day by browsers and proxies: the geography changes once a year. */
const CACHE = 'public, max-age=86400';

/** Registers the routes (the search index is built on the first search). */
export async function communesRoutes(app: FastifyInstance): Promise<void> {
  const send = (answer: CommuneAnswer) => {
    if (answer.status !== 200) throw new HttpError(answer.status, answer.body.error, answer.body.message, {}, answer.body.problems);
    return answer.body;
  };
  app.get('/v1/communes', async (request, reply) => {
    const body = send(answerCommuneSearch(request.query as Record<string, unknown>));
    return reply.header('cache-control', CACHE).send(body);
  });
  app.get('/v1/communes/:code', async (request, reply) => {
    const body = send(answerCommuneLookup((request.params as { code: string }).code));
    return reply.header('cache-control', CACHE).send(body);
  });
}
