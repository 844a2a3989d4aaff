/**
 * Sample monitoring route (a fastify plugin):
 * `GET /v1/stats/sample?questionnaire=<id>&wave=<wave>&territory=<level>:<code>` → the JSON
 * of `sampleStats`, behind a bearer token with the `stats` right whose scope covers every
 * territory asked for (401 / 403 otherwise). `questionnaire` is optional here: absent, every
 * questionnaire is counted.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Authorizer } from '../auth.js';
import type { QuestionnaireRegistry } from '../questionnaire-registry.js';
import type { ResponseStore } from '../store/types.js';
import { authorizeRead } from '../export/routes.js';
import { clientGone } from '../http/snapshot-wait.js';
import type { StatsConfig } from './expected.js';
import { sampleStats } from './sample.js';

/** What the statistics route needs from the server. */
export interface StatsRouteOptions {
  store: ResponseStore;
  registry: QuestionnaireRegistry;
  authorizer: Authorizer;
  /** The `stats` section of the configuration (sector question, expected distributions). */
  stats?: StatsConfig;
}

/** The fastify plugin of the statistics route. */
export const statsRoutes: FastifyPluginAsync<StatsRouteOptions> = async (app, options) => {
  const { store, registry, authorizer } = options;
  app.get('/v1/stats/sample', async (request, reply) => {
    const read = await authorizeRead(authorizer, 'stats', request, reply, false);
    if (!read) return reply;
    const compiled = (await registry.all()).filter((c) => !read.query.questionnaire || c.questionnaire.id === read.query.questionnaire);
    // Over the limit of snapshots, it waits a few seconds in line before the 429.
    const stats = await sampleStats(store.stream(read.filter, { wait: { signal: clientGone(reply) } }), {
      compiled,
      sectorQuestion: options.stats?.sectorQuestion,
      expected: options.stats?.expected,
    });
    return reply.header('cache-control', 'no-store').send(stats);
  });
};
