/**
 * The cockpit's API (a fastify plugin), behind a bearer token with the `stats` right:
 *
 * - `GET /v1/cockpit/territory?territory=<level>:<code>&wave=<wave>` — one territory (see
 *   territory-view.ts). `territory` may be left out by a token whose scope names one.
 * - `GET /v1/cockpit/network?wave=<wave>` — every territory of the wave the token covers.
 *
 * - `GET /v1/cockpit/warnings?territory=<level>:<code>&wave=<wave>` — the responses whose
 *   respondent confirmed a coherence warning (warnings.ts); their names only with `export-personal`.
 *
 * - `GET /v1/cockpit/responses/{id}` (`read` right over its territory, as `GET /v1/responses/{id}`;
 *   personal answers only with `export-personal`) — one response in words (response-view.ts).
 *
 * - `GET /v1/cockpit/publications?wave=<wave>&territory=` (`publish` right) — for each territory
 *   the token may publish (the network for a scope of `"all"`), the waves with responses there
 *   and the questionnaire, no figure: a token made only to publish publishes from the page (publications.ts).
 *
 * - `GET /v1/cockpit/me` (any valid token) — the token's name, rights and territories (me.ts).
 * - `/suivi/` — the page that reads them (page.ts).
 * - `/v1/cockpit/duplicates…` — probable duplicates, set aside and restored; names and RNA
 *   numbers only with `export-personal` (duplicates/routes.ts).
 *
 * `wave` is one wave; absent, the newest with responses in the token's reach. A territory
 * outside the scope is 403, as on every read route.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Authorizer } from '../../auth.js';
import type { TokenConfig } from '../../config/load.js';
import type { ResponseStore, TerritoryRef } from '../../store/types.js';
import { text } from '../../messages.js';
import { duplicateRoutes, principalWith, UUID } from '../../duplicates/routes.js';
import { exportedResponse, mayHavePersonal, personalPolicy, personalState, PERSONAL_HEADER } from '../../export/personal.js';
import { cockpitPage } from './page.js';
import { cockpitMe } from './me.js';
import { refreshFacts } from '../../store/facts.js';
import { named, sectorQuestion } from './context.js';
import { readableSections } from './response-view.js';
import { authorizeRead, type AuthorizedRead } from '../../export/routes.js';
import { badParameter } from '../../export/query.js';
import type { CockpitContext } from './context.js';
import { knownTerritories, networkView } from './network-view.js';
import { territoryView } from './territory-view.js';
import { confirmedWarnings } from './warnings.js';
import { publicationTargets, publishable } from './publications.js';
import { waitingForSnapshots } from '../../http/snapshot-wait.js';

/** What the cockpit routes need from the server. */
export interface CockpitRouteOptions {
  context: CockpitContext;
  store: ResponseStore;
  authorizer: Authorizer;
  tokens: readonly TokenConfig[];
}

/** The one wave of a cockpit request, or a reply sent (400) and null. */
async function oneWave(read: AuthorizedRead, reply: FastifyReply): Promise<string | undefined | null> {
  const waves = read.query.waves ?? [];
  if (waves.length > 1) {
    await reply.code(400).send(badParameter('wave', 'one-wave', text('bad-request.one-wave')));
    return null;
  }
  return waves[0];
}

/** The fastify plugin of the cockpit's API. */
export const cockpitRoutes: FastifyPluginAsync<CockpitRouteOptions> = async (app, options) => {
  const { context, authorizer, tokens } = options;
  // The facts of responses stored before this start are read in the background, so that the
  // first request does not wait for all of them (it joins the pass if it is still running).
  app.addHook('onReady', async () => {
    void refreshFacts(context.db, sectorQuestion(context)).catch((error: unknown) => app.log.warn({ err: error }, 'cockpit facts not read at start'));
  });
  await app.register(cockpitPage);
  await app.register(cockpitMe, { authorizer, context });
  await app.register(duplicateRoutes, { db: context.db, store: options.store, authorizer, sectorQuestion: sectorQuestion(context), registry: context.registry, named: (t) => named(context, t) });

  app.get('/v1/cockpit/territory', async (request: FastifyRequest, reply) => {
    const read = await authorizeRead(authorizer, 'stats', request, reply, false);
    if (!read) return reply;
    const wave = await oneWave(read, reply);
    if (wave === null) return reply;
    const principal = authorizer.authenticate(request.headers.authorization)!;
    const scope = principal.scope.territories;
    const territory = read.query.territories.length === 1 ? read.query.territories[0]
      : read.query.territories.length === 0 && scope !== 'all' && scope.length === 1 ? scope[0] : null;
    if (!territory) {
      return reply.code(400).send(badParameter('territory', 'one-territory', text('bad-request.one-territory')));
    }
    const view = await territoryView(context, territory, read.filter.territories, wave);
    return reply.header('cache-control', 'no-store').send(view);
  });

  app.get('/v1/cockpit/network', async (request, reply) => {
    const read = await authorizeRead(authorizer, 'stats', request, reply, false);
    if (!read) return reply;
    const wave = await oneWave(read, reply);
    if (wave === null) return reply;
    const principal = authorizer.authenticate(request.headers.authorization)!;
    const asked = read.query.territories;
    const visible = (t: TerritoryRef): boolean => authorizer.covers(principal, 'stats', t)
      && (asked.length === 0 || asked.some((a) => context.territories.within(t, a)));
    const view = await networkView(context, (w) => knownTerritories(context, tokens, w), visible, read.filter.territories, wave);
    return reply.header('cache-control', 'no-store').send(view);
  });

  app.get('/v1/cockpit/publications', async (request, reply) => {
    const read = await authorizeRead(authorizer, 'publish', request, reply, false);
    if (!read) return reply;
    const wave = await oneWave(read, reply);
    if (wave === null) return reply;
    const publications = await publicationTargets(context, publishable(read.principal, read.query.territories), wave);
    return reply.header('cache-control', 'no-store').send({ publications });
  });

  app.get('/v1/cockpit/warnings', async (request, reply) => {
    const read = await authorizeRead(authorizer, 'stats', request, reply, false);
    if (!read) return reply;
    const wave = await oneWave(read, reply);
    if (wave === null) return reply;
    // Over the limit of snapshots, its read waits a few seconds in line before the 429.
    const found = await confirmedWarnings(waitingForSnapshots(options.store, reply), context.registry, { ...read.filter, ...(wave ? { waves: [wave] } : {}) }, mayHavePersonal(read.principal));
    return reply.header('cache-control', 'no-store').header(PERSONAL_HEADER, found.personal).send({ wave: wave ?? null, ...found });
  });

  app.get('/v1/cockpit/responses/:submissionId', async (request, reply) => {
    const principal = await principalWith(authorizer, 'read', request, reply);
    if (!principal) return reply;
    const id = String((request.params as { submissionId: string }).submissionId).toLowerCase();
    const stored = UUID.test(id) ? await options.store.get(id) : null;
    // Outside the scope is unknown, as on GET /v1/responses/{id}: existence never leaks.
    if (!stored || !authorizer.covers(principal, 'read', stored.payload.territory)) {
      return reply.code(404).send({ error: 'not-found', message: text('not-found.in-scope', { id: id.slice(0, 64), token: principal.name }) });
    }
    const p = stored.payload;
    const compiled = await context.registry.find(p);
    // The rules of GET /v1/responses/{id}: personal answers only for a token with export-personal.
    const policy = personalPolicy(await context.registry.all(), p.questionnaire.id, mayHavePersonal(principal));
    const answers = exportedResponse(stored, policy).payload.answers as Record<string, unknown>;
    const leftOut = policy.include ? [] : (compiled?.sections ?? []).flatMap((s) => s.questions).filter((q) => policy.questions.has(q.id));
    reply.header(PERSONAL_HEADER, personalState(policy));
    return reply.header('cache-control', 'no-store').send({
      submissionId: stored.submissionId, receivedAt: stored.receivedAt,
      questionnaire: p.questionnaire, extension: p.extension, territory: named(context, p.territory), wave: p.wave,
      channel: p.channel, source: p.source ?? null, locale: p.locale, startedAt: p.startedAt, submittedAt: p.submittedAt,
      personal: personalState(policy),
      personalLeftOut: leftOut.map((q) => ({ question: q.id, label: q.label })),
      sections: readableSections(compiled, answers),
    });
  });
};
