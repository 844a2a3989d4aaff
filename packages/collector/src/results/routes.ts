/**
 * Results routes (a fastify plugin):
 *
 * - `GET /v1/results?questionnaire=&wave=&territory=` — the results document (`@olva/analysis`,
 *   `schemas/results.schema.json`) of the responses in the token's scope, computed from the
 *   store; a bearer token with the `stats` right covering every territory asked for.
 * - `PUT /v1/results/<level:code>/<wave>/publication` — publishes the results of that exact
 *   territory and wave as they are now (a snapshot). Only a token with the `publish` right
 *   whose scope NAMES that territory: publication is the territory's decision, neither a
 *   national token's nor an enclosing territory's. Publishing again replaces the snapshot.
 *   Beside the published results of a territory nested with it (a commune and its EPCI; or
 *   two, an EPCI and two of its communes read together), a
 *   count whose difference with theirs would be under `minCell` is hidden, with complements;
 *   409 `results/nested-difference` when the rest of the outer one, or a question's base in
 *   it, would be under `minBase`, which nothing hides (nested.ts).
 *   Beside every document the territory published before (replaced or withdrawn since: each
 *   has been public), the same in either direction: the responses that came in, were set aside
 *   or erased in between are a group of their own (409 `results/earlier-snapshot-difference`).
 * - The network's own results (`network:all`, decision 0018): `GET /v1/results?wave=&territory=network:all`
 *   for a `stats` token of scope `"all"` (403 otherwise; one wave, no network comparison), and
 *   its publication by a `publish` token of scope `"all"`: the national network's decision. It
 *   holds every territory, so it is nested with every published one (nested.ts).
 * - `DELETE …/publication` — withdraws it (404 when nothing is published).
 * - `GET …/publication` — state and history (who, when), for `publish` or `stats` tokens
 *   covering the territory.
 * - `GET /v1/public/results/<level:code>/<wave>` — the published document, no token, CORS
 *   open for reading; 404 for anything not published (never published, or withdrawn).
 *
 * Comparisons (comparisons.ts), on `GET /v1/results` with one `wave` and on `PUT …/publication`,
 * as query parameters: `previousWave=<wave>` (the same territory's previous wave, through the
 * crosswalks), `references=national|none` (national references, on by default for the core),
 * `network=true|none` (other territories pooled: only for a token covering every territory,
 * so never in a publication), `weight=sector|none` (post-stratified shares on the main sector,
 * labelled as such; a 400 `results/no-expected` when a territory of the document has no
 * expected distribution for the wave in `stats.expected`). The document also carries the key-figure classes and, for each group whose
 * territory has an expected distribution (`stats.expected`), its sample beside it. The document is then `analyseResponses`'s, as `olva analyse`
 * writes it, and says what it was asked (`scope`); a publication keeps them in its snapshot.
 *
 * `questionnaire` defaults to `olva-core`. Every act of publication is kept (store/publications.ts).
 * Every document is made under the configuration's disclosure thresholds (`disclosure`), which
 * it states; a published snapshot keeps the thresholds it was made with.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { disclosureRules, emptyWaveNote, isNetworkTerritory, NETWORK_TERRITORY, withTerritoryNames, type DisclosureRules, type ResultsDocument, type TerritoryRef, type Within } from '@olva/analysis';
import { sameTerritory, territoryKey } from '@olva/schema';
import type { Authorizer, Principal } from '../auth.js';
import { authorizeRead } from '../export/routes.js';
import { badParameter, badRequestError, parseReadQuery } from '../export/query.js';
import { HttpError } from '../http/errors.js';
import { waitingForSnapshots } from '../http/snapshot-wait.js';
import { text, type Text } from '../messages.js';
import type { QuestionnaireRegistry } from '../questionnaire-registry.js';
import type { ResponseStore } from '../store/types.js';
import type { PublicationEvent } from '../store/publications.js';
import type { StatsConfig } from '../stats/expected.js';
import type { TerritoryDirectory } from '../territories.js';
import { analyseWave, computeResults, DEFAULT_RESULTS_QUESTIONNAIRE } from './compute.js';
import { comparisonsFor, parseComparisonQuery, type ComparisonQuery } from './comparisons.js';
import { hideBesideNested, nestedPublications, refuseNestedDifference } from './nested.js';

/** Rounds of checking a publication beside its wave's others before giving up (each round: an act of the wave came in between). */
const PUBLISH_ATTEMPTS = 5;

/** What the results routes need from the server. */
export interface ResultsRouteOptions {
  store: ResponseStore;
  registry: QuestionnaireRegistry;
  authorizer: Authorizer;
  /** The configuration's disclosure thresholds (`disclosure`); the defaults when absent. */
  rules?: DisclosureRules;
  /** The configuration's `stats` section: expected distributions by sector for the sample part. */
  stats?: StatsConfig;
  /** Which territory lies inside which: a territory's document counts the responses collected inside it. */
  territories: TerritoryDirectory;
}

/** The public URL path of a territory's results for a wave. */
export function publicResultsPath(territory: TerritoryRef, wave: string): string {
  return `/v1/public/results/${territory.level}:${encodeURIComponent(territory.code)}/${encodeURIComponent(wave)}`;
}

/** The territory (the network's `network:all` too) and wave of a path, checked as query values are; 400 otherwise. */
function target(request: FastifyRequest): { territory: TerritoryRef; wave: string; questionnaire: string } {
  const params = request.params as { territory: string; wave: string };
  const query = (request.query ?? {}) as Record<string, unknown>;
  const parsed = parseReadQuery({ territory: params.territory, wave: params.wave, questionnaire: query.questionnaire }, false, { network: true });
  if ('error' in parsed) throw badRequestError(parsed);
  const territories: TerritoryRef[] = parsed.network ? [{ ...NETWORK_TERRITORY }] : parsed.territories;
  if (territories.length !== 1 || parsed.waves?.length !== 1) {
    throw badRequestError(badParameter(territories.length !== 1 ? 'territory' : 'wave', 'one-in-path', text('bad-request.results-path')));
  }
  return { territory: territories[0]!, wave: parsed.waves[0]!, questionnaire: parsed.questionnaire ?? DEFAULT_RESULTS_QUESTIONNAIRE };
}

/** The principal of a request with a token, or a 401 (the collector's refusal body). */
function principalOf(authorizer: Authorizer, request: FastifyRequest): Principal {
  const principal = authorizer.authenticate(request.headers.authorization);
  if (!principal) {
    const denial = authorizer.authorize(request.headers.authorization, 'publish');
    const message = denial.ok ? text('unauthorized.required') : denial.body.message;
    throw new HttpError(401, 'unauthorized', message);
  }
  return principal;
}

/**
 * A token may publish a territory it holds `publish` on and that its scope names itself; the
 * network (`network:all`), a token of scope `"all"`: the national network's decision, refused
 * with the rule and pointer of the network's read (`results/network-scope`, `/territory`).
 * @returns the 403 to throw, or null when the token may publish.
 */
function publishRefusal(principal: Principal, territory: TerritoryRef): HttpError | null {
  if (!principal.scope.rights.includes('publish')) return new HttpError(403, 'forbidden', text('forbidden.right', { token: principal.name, right: 'publish' }));
  if (isNetworkTerritory(territory)) {
    if (principal.scope.territories === 'all') return null;
    const message = text('forbidden.publish-network', { token: principal.name });
    return new HttpError(403, 'forbidden', message, {}, [{ pointer: '/territory', code: 'results/network-scope', message }]);
  }
  const own = principal.scope.territories !== 'all' && principal.scope.territories.some((t) => sameTerritory(t, territory));
  return own ? null : new HttpError(403, 'forbidden', text('forbidden.publish-own', { token: principal.name, territory: territoryKey(territory) }));
}

/** The 403 of the network's results read by a token whose scope is not `"all"`. */
function networkScopeRefusal(principal: Principal): HttpError {
  const message = text('forbidden.network-results', { token: principal.name });
  return new HttpError(403, 'forbidden', message, {}, [{ pointer: '/territory', code: 'results/network-scope', message }]);
}

/**
 * The comparisons of the network's own document: never the network comparison (nothing lies
 * outside it; 400 when asked), nor post-stratified shares (no expected distribution names it;
 * 400), and one wave (400 otherwise: without one, a document would hold a group per territory).
 */
function networkComparisons(asked: ComparisonQuery, waves: readonly string[] | undefined): ComparisonQuery {
  if (waves?.length !== 1) {
    const message = text('bad-request.network-one-wave');
    throw new HttpError(400, 'bad-request', message, {}, [{ pointer: '/wave', code: 'results/network-one-wave', message }]);
  }
  if (asked.network) {
    const message = text('bad-request.network-of-network');
    throw new HttpError(400, 'bad-request', message, {}, [{ pointer: '/network', code: 'results/network-of-network', message }]);
  }
  // The configuration's expected distributions name territories that collect, never the
  // network: the generic « declare it in stats.expected » would send the reader to a refusal.
  if (asked.weight) {
    const message = text('bad-request.network-no-expected');
    throw new HttpError(400, 'bad-request', message, {}, [{ pointer: '/weight', code: 'results/no-expected', message }]);
  }
  return { ...asked, network: false };
}

/**
 * The comparisons asked for in a request's query; 400 when a value is wrong, and when a
 * publication comes with a body (its comparisons would be silently lost: they go in the query).
 */
function askedComparisons(request: FastifyRequest): ComparisonQuery {
  const body = request.body;
  const empty = body === undefined || body === null || body === '' || (typeof body === 'object' && !Buffer.isBuffer(body) && Object.keys(body).length === 0);
  if (!empty) {
    const message = text('bad-request.publication-body');
    throw new HttpError(400, 'bad-request', message, {}, [{ pointer: '', code: 'results/query-not-body', message }]);
  }
  const asked = parseComparisonQuery((request.query ?? {}) as Record<string, unknown>);
  if ('pointer' in asked) throw new HttpError(400, 'bad-request', asked.message, {}, [asked]);
  return asked;
}

/** The 404 of a wave without responses where comparisons were asked, with the analysis' pointer and rule. */
function noResponses(message: Text): HttpError {
  return new HttpError(404, 'not-found', message, {}, [{ pointer: '/wave', code: 'analysis/empty-wave', message }]);
}

/** The fastify plugin of the results routes. */
export const resultsRoutes: FastifyPluginAsync<ResultsRouteOptions> = async (app, options) => {
  const { store, registry, authorizer, rules, stats, territories } = options;
  const within: Within = (t, container) => territories.within(t, container);
  const settings = { ...(rules ? { rules } : {}), ...(stats ? { stats } : {}) };
  // A published document names its groups' territories, for the pages that show it (« Rennes »,
  // not « commune 35238 »); GET /v1/results stays the document `olva analyse` writes.
  const withNames = (doc: ResultsDocument) => withTerritoryNames(doc, (t) => territories.name(t));

  app.get('/v1/results', async (request, reply) => {
    const read = await authorizeRead(authorizer, 'stats', request, reply, false, { network: true });
    if (!read) return reply;
    const questionnaireId = read.query.questionnaire ?? DEFAULT_RESULTS_QUESTIONNAIRE;
    // The network's own results (`network:all`): every response of the wave, for a token of scope "all" only.
    if (read.query.network && read.principal.scope.territories !== 'all') throw networkScopeRefusal(read.principal);
    const asked = read.query.network ? networkComparisons(askedComparisons(request), read.query.waves) : askedComparisons(request);
    const comparisons = comparisonsFor(asked, read.principal, questionnaireId, read.query.waves);
    const wave = read.query.waves?.[0];
    // One territory named: its document, the responses collected inside it counted in it (as `olva analyse --territory`).
    const named: TerritoryRef | undefined = read.query.network ? { ...NETWORK_TERRITORY } : read.query.territories.length === 1 ? read.query.territories[0]! : undefined;
    // Over the limit of snapshots, its reads wait a few seconds in line before the 429.
    const reading = waitingForSnapshots(store, reply);
    const compared = comparisons && wave !== undefined
      ? await analyseWave(reading, registry, { questionnaireId, wave, territories: read.filter.territories, comparisons, within, ...(named ? { territory: named } : {}) }, settings)
      : null;
    if (compared) return reply.header('cache-control', 'no-store').send(compared);
    // No comparison, or a wave without responses yet: the bare aggregation, empty then, as before
    // comparisons; an empty wave asked for says so in a note, whether a previous wave was asked or not.
    const doc = await computeResults(reading, registry, { ...read.filter, questionnaireId }, rules);
    const empty = wave !== undefined && read.query.waves?.length === 1 && doc.groups.length === 0;
    const scope = read.query.territories.length ? read.query.territories : read.principal.scope.territories;
    return reply.header('cache-control', 'no-store').send(empty ? { ...doc, notes: [emptyWaveNote(wave, scope)] } : doc);
  });

  app.put('/v1/results/:territory/:wave/publication', async (request, reply) => {
    const principal = principalOf(authorizer, request);
    const { territory, wave, questionnaire } = target(request);
    const refusal = publishRefusal(principal, territory);
    if (refusal) throw refusal;
    const askedHere = isNetworkTerritory(territory) ? networkComparisons(askedComparisons(request), [wave]) : askedComparisons(request);
    const comparisons = comparisonsFor(askedHere, principal, questionnaire, [wave])!;
    // The territories inside this one whose responses count in it: their publications are nested with it.
    const inner = new Map<string, TerritoryRef>();
    const counted: Within = (t, container) => {
      const inside = within(t, container);
      // A response's territory: never the network, which no payload names.
      if (inside && !sameTerritory(t, container) && t.level !== 'network') inner.set(territoryKey(t), { level: t.level, code: t.code });
      return inside;
    };
    const asked = { questionnaireId: questionnaire, wave, territories: territories.covered([territory]), territory, within: counted, comparisons };
    const limits = disclosureRules(rules);
    const reading = waitingForSnapshots(store, reply);
    // Checked beside the wave's publications as they were read, published only if none moved
    // meanwhile (a nested territory published at the same moment): checked again otherwise.
    let event: PublicationEvent | null = null;
    let doc: ResultsDocument | undefined;
    for (let attempt = 0; !event; attempt++) {
      if (attempt === PUBLISH_ATTEMPTS) throw new HttpError(409, 'conflict', text('conflict.publications-moving', { wave }));
      const acts = await store.publications.acts();
      const made = await analyseWave(reading, registry, asked, settings);
      if (!made) throw noResponses(text('not-found.nothing-to-publish', { questionnaire, territory: `${territory.level}:${territory.code}`, wave }));
      // Its own earlier snapshots matter only in the waves it shows: its own, and the previous one.
      const shown = new Set([wave, ...(made.scope?.previousWave ? [made.scope.previousWave] : [])]);
      const nested = await nestedPublications(reading, territories, territory, [...inner.values()], shown, { filter: { questionnaireId: questionnaire, territories: asked.territories }, counts: (t) => within(t, territory) });
      // The same responses again, with counts hidden: a document there was.
      const hidden = await hideBesideNested(made, territory, wave, nested, limits, async (hide) => (await analyseWave(reading, registry, { ...asked, hide }, settings))!);
      doc = withNames(hidden);
      refuseNestedDifference(territory, wave, doc, nested, limits);
      const responses = doc.groups.reduce((n, g) => n + g.responses, 0);
      event = await store.publications.publishIfUnchanged(territory, wave, principal.name, JSON.stringify(doc), responses, acts);
    }
    request.log.info({ event: 'results-published', territory: `${territory.level}:${territory.code}`, wave, by: principal.name }, 'results published');
    // What the document says no figure does (a previous wave without responses), to the one who publishes it.
    return reply.header('cache-control', 'no-store').send({ territory, wave, published: true, ...event, url: publicResultsPath(territory, wave), ...(doc?.notes ? { notes: doc.notes } : {}) });
  });

  app.delete('/v1/results/:territory/:wave/publication', async (request, reply) => {
    const principal = principalOf(authorizer, request);
    const { territory, wave } = target(request);
    const refusal = publishRefusal(principal, territory);
    if (refusal) throw refusal;
    const event = await store.publications.withdraw(territory, wave, principal.name);
    if (!event) throw new HttpError(404, 'not-found', text('not-found.not-published', { territory: `${territory.level}:${territory.code}`, wave }));
    request.log.info({ event: 'results-withdrawn', territory: `${territory.level}:${territory.code}`, wave, by: principal.name }, 'results withdrawn');
    return reply.header('cache-control', 'no-store').send({ territory, wave, published: false, ...event });
  });

  app.get('/v1/results/:territory/:wave/publication', async (request, reply) => {
    const principal = principalOf(authorizer, request);
    const { territory, wave } = target(request);
    if (!authorizer.covers(principal, 'publish', territory) && !authorizer.covers(principal, 'stats', territory)) {
      throw new HttpError(403, 'forbidden', text('forbidden.scope', { token: principal.name, territories: `${territory.level}:${territory.code}` }));
    }
    const history = await store.publications.history(territory, wave);
    const last = history[history.length - 1];
    return reply.header('cache-control', 'no-store').send({
      territory, wave, published: last?.action === 'published', history,
      ...(last?.action === 'published' ? { url: publicResultsPath(territory, wave) } : {}),
    });
  });

  app.get('/v1/public/results/:territory/:wave', async (request, reply: FastifyReply) => {
    const { territory, wave } = target(request);
    // Readable from any page: the document is public once published, and carries no token.
    reply.header('access-control-allow-origin', '*');
    const doc = await store.publications.published(territory, wave);
    if (doc === null) throw new HttpError(404, 'not-found', text('not-found.no-published', { territory: `${territory.level}:${territory.code}`, wave }));
    return reply.header('content-type', 'application/json; charset=utf-8').header('cache-control', 'public, max-age=300').send(doc);
  });
};
