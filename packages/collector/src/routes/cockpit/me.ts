/**
 * `GET /v1/cockpit/me` (any valid token): the token's name, rights and territories, never the
 * token itself, so that the cockpit page offers only what the token may do (keep or restore a
 * duplicate needs `export`) instead of a button the collector then refuses with 403. Each
 * territory comes with its name, as the views give it (official, or the custom territory's
 * configured one): a view opened straight from a link names its territory, and the page's
 * header says which territories the token covers.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { AuthDenial, Authorizer } from '../../auth.js';
import { named, type CockpitContext } from './context.js';

/** The fastify plugin of `GET /v1/cockpit/me`. */
export const cockpitMe: FastifyPluginAsync<{ authorizer: Authorizer; context: CockpitContext }> = async (app, { authorizer, context }) => {
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
    return reply.header('cache-control', 'no-store').send({
      name: principal.name, rights: [...rights],
      territories: territories === 'all' ? 'all' : territories.map((t) => named(context, t)),
    });
  });
};
