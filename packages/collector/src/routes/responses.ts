/**
 * `/v1/responses`: posting a response (public, rate limited, checked, idempotent), reading
 * responses back and erasing one (bearer token scoped to territories).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Authorizer, Principal, Right } from '../auth.js';
import type { CollectorConfig } from '../config/load.js';
import { badParameter, badRequestError, parseReadQuery, type BadRequest } from '../export/query.js';
import { mayHavePersonal, PERSONAL_HEADER, responseReader } from '../export/personal.js';
import { isOwnOrigin } from '../http/cors.js';
import { HttpError, invalidResponseBody } from '../http/errors.js';
import { text } from '../messages.js';
import { RateLimiter } from '../http/rate-limit.js';
import { intake } from '../intake.js';
import type { BuildRegistry } from '../questionnaires.js';
import { closedWaveProblems, storeAccepted } from '../admit.js';
import { InvalidCursorError } from '../store/sql-store.js';
import type { ResponseStore, StoredResponse, TerritoryRef } from '../store/types.js';
import type { TerritoryDirectory } from '../territories.js';

export interface ResponsesRoutesOptions {
  config: CollectorConfig;
  store: ResponseStore;
  registry: BuildRegistry;
  territories: TerritoryDirectory;
  auth: Authorizer;
  /** Called after a response is stored for the first time (the demo prints it). */
  onStored?: (info: { submissionId: string; buildId: string; territory: TerritoryRef }) => void;
}

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** True when a browser `Origin` may post for `territory`: same origin, or listed for it. */
function originAllowed(config: CollectorConfig, origin: string, host: string | undefined, territory: TerritoryRef): boolean {
  if (isOwnOrigin(origin, host)) return true;
  return config.origins.some((o) => o.origin === origin
    && (o.territories === 'all' || o.territories.some((t) => t.level === territory.level && t.code === territory.code)));
}

/** The 400 `bad-query` of this route, with the problem naming the parameter. */
const badQuery = (bad: BadRequest): HttpError => badRequestError(bad, 'bad-query');

function receipt(r: StoredResponse) {
  return { submissionId: r.submissionId, receivedAt: r.receivedAt, payload: r.payload };
}

export async function responsesRoutes(app: FastifyInstance, opts: ResponsesRoutesOptions): Promise<void> {
  const { config, store, registry, territories, auth } = opts;
  const limiter = new RateLimiter(config.limits.ratePerMinute);

  app.post('/v1/responses', {
    // A callback, not an async hook: a promise per response is a cost.
    onRequest: (request, reply, done) => {
      const wait = limiter.hit(request.ip);
      if (wait === null) {
        done();
        return;
      }
      reply.header('retry-after', String(wait)).header('connection', 'close');
      done(new HttpError(429, 'rate-limited', text('rate-limited.responses', { seconds: wait })));
    },
  }, async (request, reply) => {
    const type = request.headers['content-type'];
    if (!type || !/^application\/json\s*(;|$)/i.test(type) || request.body === undefined) {
      throw new HttpError(415, 'unsupported-media-type', text('unsupported-media-type.response'));
    }
    const now = new Date();
    const waves = config.waves ?? [];
    const result = intake(request.body, registry, territories, now, waves);
    if (!result.ok) return reply.code(422).send(invalidResponseBody(result.problems));
    const { payload, build } = result;
    const origin = request.headers.origin;
    if (origin && !originAllowed(config, origin, request.headers.host, payload.territory)) {
      throw new HttpError(403, 'origin-not-allowed', text('origin-not-allowed', { origin: origin.slice(0, 100), level: payload.territory.level, code: payload.territory.code }));
    }
    const closed = await closedWaveProblems(payload, waves, now, store);
    if (closed.length) return reply.code(422).send(invalidResponseBody(closed));
    // Stored in lower case (storeAccepted): a replay in upper case is the same submission. The
    // receipt echoes the id as sent, which is what the browser's outbox matches it against.
    const sent = payload.submissionId;
    const outcome = await storeAccepted(payload, build, registry, store);
    if (outcome.status === 'created') opts.onStored?.({ submissionId: payload.submissionId, buildId: build.buildId, territory: payload.territory });
    if (outcome.status === 'conflict') {
      throw new HttpError(409, 'conflict', text('conflict.submission', { id: sent }));
    }
    if (outcome.status === 'erased') {
      throw new HttpError(410, 'erased', text('erased', { id: sent }));
    }
    return reply.code(outcome.status === 'created' ? 201 : 200).send({ submissionId: sent, receivedAt: outcome.receivedAt });
  });

  const authorize = (request: FastifyRequest, right: Right, requested?: TerritoryRef[]) => {
    const decision = auth.authorize(request.headers.authorization, right, requested);
    if (!decision.ok) {
      throw new HttpError(decision.status, decision.body.error, decision.body.message, decision.status === 401 ? { 'www-authenticate': 'Bearer' } : {});
    }
    return decision;
  };

  // Personal answers (questions marked `personal`) only for a token that also holds
  // `export-personal`, as in the exports: a `read` token sees the rest of each response.
  const readerFor = async (principal: Principal, reply: FastifyReply) => {
    const include = mayHavePersonal(principal);
    reply.header(PERSONAL_HEADER, include ? 'included' : 'left-out');
    return responseReader(include ? [] : await registry.all(), include);
  };

  app.get('/v1/responses', async (request, reply) => {
    // The token first: a caller without a valid one learns nothing, not even that its query
    // is malformed.
    authorize(request, 'read');
    const query = request.query as Record<string, unknown>;
    const read = parseReadQuery(query, false, { extension: true });
    if ('error' in read) throw badQuery(read);
    const decision = authorize(request, 'read', read.territories);
    const limit = query.limit === undefined ? 100 : Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw badQuery(badParameter('limit', 'limit-range', text('bad-query.limit', { max: 1000 })));
    if (query.after !== undefined && typeof query.after !== 'string') throw badQuery(badParameter('after', 'parameter-once', text('bad-query.after')));
    try {
      const page = await store.list({
        territories: decision.territories,
        ...(read.questionnaire ? { questionnaireId: read.questionnaire } : {}),
        ...(read.extension ? { extensionId: read.extension } : {}),
        ...(read.waves ? { waves: read.waves } : {}),
      }, { after: query.after, limit });
      const reader = await readerFor(decision.principal, reply);
      return { items: page.items.map((r) => receipt(reader(r))), ...(page.next ? { next: page.next } : {}) };
    } catch (e) {
      if (e instanceof InvalidCursorError) throw badQuery(badParameter('after', 'cursor', text('bad-query.cursor')));
      throw e;
    }
  });

  /** A stored response the token may see with `right`; 404 otherwise, so existence never leaks. */
  const findScoped = async (request: FastifyRequest, right: Right): Promise<{ found: StoredResponse; principal: Principal }> => {
    const decision = authorize(request, right);
    const { submissionId } = request.params as { submissionId: string };
    const found = UUID.test(submissionId) ? await store.get(submissionId) : null;
    if (!found || !auth.covers(decision.principal, right, found.payload.territory)) {
      throw new HttpError(404, 'not-found', text('not-found.response', { id: submissionId.slice(0, 64) }));
    }
    return { found, principal: decision.principal };
  };

  app.get('/v1/responses/:submissionId', async (request, reply) => {
    const { found, principal } = await findScoped(request, 'read');
    return receipt((await readerFor(principal, reply))(found));
  });

  app.delete('/v1/responses/:submissionId', async (request, reply: FastifyReply) => {
    const { found, principal } = await findScoped(request, 'erase');
    // Two erasures of one response at once both found it: the one that did not erase it is told
    // so (and the log says it once), as any later one is.
    if (!(await store.delete(found.submissionId))) {
      throw new HttpError(404, 'not-found', text('not-found.response', { id: found.submissionId }));
    }
    request.log.info({ event: 'erased', submissionId: found.submissionId, token: principal.name }, 'response erased on request');
    return reply.code(204).send();
  });
}
