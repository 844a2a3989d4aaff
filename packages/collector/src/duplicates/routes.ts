/**
 * Duplicates in the cockpit's API (a fastify plugin):
 *
 * - `GET /v1/cockpit/duplicates?territory=&wave=` (`read` right): probable duplicates (list.ts)
 *   of one wave (absent, the newest with responses in the token's reach, as the cockpit's other
 *   views), with the waves to choose from; names and RNA numbers only with `export-personal`,
 *   as on `GET /v1/responses/{id}`; the territories asked for, and each member's, with their names.
 * - `POST /v1/cockpit/duplicates/exclude` `{exclude, keep}` (`export` right over both
 *   responses): sets `exclude` aside as a duplicate of `keep`. Exports, statistics, the
 *   cockpit and results skip it from then on; it is never deleted.
 * - `POST /v1/cockpit/duplicates/restore` `{submissionId}` (`export` right): undoes it.
 * - `GET /v1/cockpit/duplicates/log?territory=&wave=` (`read` right): the audit trail (who: the
 *   token's name; when), of the territories and the one wave asked for, when asked.
 *
 * A response outside the token's scope is answered as unknown (404), as `GET /v1/responses/{id}` does;
 * an erased one as erased (404, code `erased` at the member naming it).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { isJsonObject, sameTerritory } from '@olva/schema';
import type { Authorizer, Principal, Right } from '../auth.js';
import { authorizeRead } from '../export/routes.js';
import { mayHavePersonal, PERSONAL_HEADER } from '../export/personal.js';
import { badParameter } from '../export/query.js';
import type { QuestionnaireRegistry } from '../questionnaire-registry.js';
import { jsonTextList, type SqlDb } from '../store/sql.js';
import { refreshFacts } from '../store/facts.js';
import { wavesOf } from '../routes/cockpit/queries.js';
import type { ResponseStore, StoredResponse, TerritoryRef } from '../store/types.js';
import type { NamedTerritory } from '../routes/cockpit/context.js';
import { text } from '../messages.js';
import { listDuplicates } from './list.js';

/** What the duplicates routes need. */
export interface DuplicateRouteOptions {
  db: SqlDb;
  store: ResponseStore;
  authorizer: Authorizer;
  sectorQuestion: string;
  /** Where the questionnaires' definitions say which questions are personal. */
  registry: Pick<QuestionnaireRegistry, 'all'>;
  /** A territory with its name, as the cockpit's other views give it. */
  named: (t: TerritoryRef) => NamedTerritory;
}

/** A submission id as the store keeps it (lower case). */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The principal of a request holding `right`, or a reply sent (401/403) and null. */
export async function principalWith(authorizer: Authorizer, right: Right, request: FastifyRequest, reply: FastifyReply): Promise<Principal | null> {
  const decision = authorizer.authorize(request.headers.authorization, right);
  if (decision.ok) return decision.principal;
  await reply.code(decision.status).send(decision.body);
  return null;
}

/** Where a refused member `name` of a body is: `/name`, or the body itself ("") when it is no object. */
const memberAt = (body: unknown, name: string): string => (isJsonObject(body) ? name : '');

/** A submissionId field of a JSON body, in lower case; null when absent or not a UUID. */
function idField(body: unknown, name: string): string | null {
  const v = isJsonObject(body) ? body[name] : undefined;
  return typeof v === 'string' && UUID.test(v.toLowerCase()) ? v.toLowerCase() : null;
}

/**
 * The territory and wave of each response of `ids` still stored, read in one statement: the
 * log read them one `store.get` (a whole payload) per event.
 */
async function whereabouts(db: SqlDb, ids: readonly string[]): Promise<Map<string, { territory: TerritoryRef; wave: string }>> {
  if (!ids.length) return new Map();
  const rows = await db.query(
    `SELECT submission_id, territory_level, territory_code, wave FROM olva_responses WHERE submission_id IN (${jsonTextList(db.dialect)})`,
    [JSON.stringify([...new Set(ids)])],
  );
  return new Map(rows.map((r) => [String(r.submission_id), { territory: { level: String(r.territory_level) as TerritoryRef['level'], code: String(r.territory_code) }, wave: String(r.wave) }]));
}

/** The fastify plugin of the duplicates routes. */
export const duplicateRoutes: FastifyPluginAsync<DuplicateRouteOptions> = async (app, options) => {
  const { db, store, authorizer } = options;

  /** The stored response if the principal holds `right` over its territory. */
  const reachable = async (principal: Principal, right: Right, id: string): Promise<StoredResponse | null> => {
    const r = await store.get(id);
    return r && authorizer.covers(principal, right, r.payload.territory) ? r : null;
  };

  /**
   * The 404 of a decision naming an erased response (`members`: the body's member names and
   * their ids), at the member's pointer; null when none is erased. An erased response belongs
   * to no territory any more: telling that it was erased says nothing of one.
   */
  const erased = async (body: unknown, members: [string, string][]) => {
    for (const [name, id] of members) {
      if (await store.isErased(id)) return { ...badParameter(memberAt(body, name), 'erased', text('not-found.erased-decision', { id })), error: 'not-found' };
    }
    return null;
  };

  app.get('/v1/cockpit/duplicates', async (request, reply) => {
    const read = await authorizeRead(authorizer, 'read', request, reply, false);
    if (!read) return reply;
    if ((read.query.waves ?? []).length > 1) return reply.code(400).send(badParameter('wave', 'one-wave', text('bad-request.one-wave')));
    // One wave, the newest unless asked (as the cockpit's other views): with every wave in one
    // list, a coordinator could resolve last year's group by mistake, changing published results.
    // The facts refreshed once, for the waves and the list alike (`listDuplicates` reads them as
    // they are): a second pass read only the responses stored in between, for a statement more.
    await refreshFacts(db, options.sectorQuestion);
    const waves = await wavesOf(db, { territories: read.filter.territories, includeExcluded: true });
    const wave = read.query.waves?.[0] ?? waves[0] ?? null;
    const personal = { known: await options.registry.all(), include: mayHavePersonal(read.principal) };
    const list = wave === null
      ? { groups: [], resolved: 0, personal: 'none' as const, personalLeftOut: [] }
      : await listDuplicates(db, { ...read.filter, waves: [wave] }, personal);
    // The territories asked for, by name: a page opened at a territory's duplicates (a link, a
    // reload) names it as the views it came from do, whatever token it holds.
    const territories = read.query.territories.map(options.named);
    // Each member's territory by name too: a network's list mixes territories.
    const groups = list.groups.map((g) => ({ ...g, members: g.members.map((m) => ({ ...m, territory: options.named(m.territory) })) }));
    return reply.header('cache-control', 'no-store').header(PERSONAL_HEADER, list.personal).send({ territories, wave, waves, ...list, groups });
  });

  app.get('/v1/cockpit/duplicates/log', async (request, reply) => {
    // The territories and wave asked for, checked and read as the list's (a territory covers
    // those inside it): a territory's view shows its own decisions, not its whole scope's.
    const read = await authorizeRead(authorizer, 'read', request, reply, false);
    if (!read) return reply;
    if ((read.query.waves ?? []).length > 1) return reply.code(400).send(badParameter('wave', 'one-wave', text('bad-request.one-wave')));
    const asked = read.query.waves?.[0];
    const scope = read.filter.territories;
    const log = await store.exclusionLog();
    const found = await whereabouts(db, log.map((e) => e.submissionId));
    const events = log.filter((e) => {
      const at = found.get(e.submissionId);
      return at !== undefined && (scope === 'all' || scope.some((t) => sameTerritory(t, at.territory))) && (asked === undefined || at.wave === asked);
    });
    return reply.header('cache-control', 'no-store').send({ events });
  });

  app.post('/v1/cockpit/duplicates/exclude', async (request, reply) => {
    const principal = await principalWith(authorizer, 'export', request, reply);
    if (!principal) return reply;
    const exclude = idField(request.body, 'exclude');
    const keep = idField(request.body, 'keep');
    if (!exclude || !keep) return reply.code(400).send(badParameter(memberAt(request.body, exclude ? 'keep' : 'exclude'), 'submission-id', text('bad-request.exclude-body')));
    if (exclude === keep) return reply.code(400).send(badParameter('keep', 'keep-itself', text('bad-request.keep-itself')));
    const members: [string, string][] = [['exclude', exclude], ['keep', keep]];
    for (const [, id] of members) {
      if (!(await reachable(principal, 'export', id))) {
        return reply.code(404).send((await erased(request.body, members)) ?? { error: 'not-found', message: text('not-found.in-scope', { id, token: principal.name }) });
      }
    }
    if (!(await store.exclude(exclude, keep, principal.name))) {
      // Erased since it was read (the store refused it in its transaction).
      const gone = await erased(request.body, members);
      if (gone) return reply.code(404).send(gone);
      // The store tested both in its transaction (tested here first, two such requests at once
      // both passed); which one is set aside says why.
      const keepAside = (await store.exclusions()).some((e) => e.submissionId === keep);
      return reply.code(409).send({ error: 'conflict', message: keepAside ? text('conflict.keep-set-aside', { id: keep }) : text('conflict.already-set-aside', { id: exclude }) });
    }
    return reply.send({ excluded: exclude, kept: keep, by: principal.name });
  });

  app.post('/v1/cockpit/duplicates/restore', async (request, reply) => {
    const principal = await principalWith(authorizer, 'export', request, reply);
    if (!principal) return reply;
    const id = idField(request.body, 'submissionId');
    if (!id) return reply.code(400).send(badParameter(memberAt(request.body, 'submissionId'), 'submission-id', text('bad-request.restore-body')));
    if (!(await reachable(principal, 'export', id)) || !(await store.restore(id, principal.name))) {
      return reply.code(404).send((await erased(request.body, [['submissionId', id]]))
        ?? { error: 'not-found', message: text('not-found.not-set-aside', { id, token: principal.name }) });
    }
    return reply.send({ restored: id, by: principal.name });
  });
};
