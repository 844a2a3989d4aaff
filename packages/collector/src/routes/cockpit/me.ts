/**
 * `GET /v1/cockpit/me` (any valid token): the token's name, rights and territories, never the
 * token itself, so that the cockpit page offers only what the token may do (keep or restore a
 * duplicate needs `export`) instead of a button the collector then refuses with 403.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { AuthDenial, Authorizer } from '../../auth.js';

/** The fastify plugin of `GET /v1/cockpit/me`. */
export const cockpitMe: FastifyPluginAsync<{ authorizer: Authorizer }> = async (app, { authorizer }) => {
  app.get('/v1/cockpit/me', async (request, reply) => {
    const authorization = request.headers.authorization;
    const principal = authorizer.authenticate(authorization);
    if (!principal) {
      // Without a known token `authorize` always denies with the collector's one 401 body
      // (no header, or an unknown token), whatever the right: worded in one place.
      const denial = authorizer.authorize(authorization, 'read') as AuthDenial;
      return reply.code(denial.status).header('www-authenticate', 'Bearer').send(denial.body);
    }
    const { territories, rights } = principal.scope;
    return reply.header('cache-control', 'no-store').send({ name: principal.name, rights: [...rights], territories });
  });
};
