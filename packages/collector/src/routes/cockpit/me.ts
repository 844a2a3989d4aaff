/**
 * `GET /v1/cockpit/me` (any valid token): the token's name, rights and territories, never the
 * token itself, so that the cockpit page offers only what the token may do (keep or restore a
 * duplicate needs `export`) instead of a button the collector then refuses with 403.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Authorizer } from '../../auth.js';
import { text } from '../../messages.js';

/** The fastify plugin of `GET /v1/cockpit/me`. */
export const cockpitMe: FastifyPluginAsync<{ authorizer: Authorizer }> = async (app, { authorizer }) => {
  app.get('/v1/cockpit/me', async (request, reply) => {
    const authorization = request.headers.authorization;
    const principal = authorizer.authenticate(authorization);
    if (!principal) {
      return reply.code(401).header('www-authenticate', 'Bearer')
        .send({ error: 'unauthorized', message: text(authorization ? 'unauthorized.unknown-token' : 'unauthorized.no-header') });
    }
    const { territories, rights } = principal.scope;
    return reply.header('cache-control', 'no-store').send({ name: principal.name, rights: [...rights], territories });
  });
};
