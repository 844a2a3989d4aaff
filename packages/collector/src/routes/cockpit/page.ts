/**
 * The cockpit's page, `/suivi/` (the static files of `packages/collector/suivi/`): plain
 * ES modules, no build step, nothing loaded from elsewhere. Served under a strict policy:
 * only this origin's scripts, styles and requests, Trusted Types required with no policy
 * allowed (the page parses no markup), no framing.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';
import fastifyStatic from '@fastify/static';

/** The policy of the cockpit's page. */
export const COCKPIT_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
  + "require-trusted-types-for 'script'; trusted-types 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The page's files: `suivi/` beside `src/` and `dist/`. */
export const COCKPIT_PAGE_DIR = fileURLToPath(new URL('../../../suivi/', import.meta.url));

/** Registers `/suivi/` (and `/suivi`, redirected). */
export const cockpitPage: FastifyPluginAsync = async (app) => {
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('content-security-policy', COCKPIT_CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cache-control', 'no-cache');
    return payload;
  });
  app.get('/suivi', async (_request, reply) => reply.redirect('/suivi/'));
  await app.register(fastifyStatic, { root: path.resolve(COCKPIT_PAGE_DIR), prefix: '/suivi/', decorateReply: false, index: ['index.html'], dotfiles: 'deny' });
};
