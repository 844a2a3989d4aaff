/**
 * Behind a reverse proxy with `server.trustProxy` left false, every request comes from the
 * proxy's address, so the per-address rate limit of `POST /v1/responses` (and of wrong tokens)
 * is shared by every respondent of the territory: on a busy morning, most get 429. Nothing
 * fails at start, so the first forwarded request says so in the log, once.
 */
import type { FastifyInstance } from 'fastify';

/** Logs one warning at the first request that carries X-Forwarded-For or Forwarded, when no proxy is trusted. */
export function warnOfUntrustedProxy(app: FastifyInstance, trustProxy: boolean | string): void {
  if (trustProxy !== false) return;
  let warned = false;
  app.addHook('onRequest', (request, _reply, done) => {
    if (!warned && (request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined)) {
      warned = true;
      // Neither address is logged: the collector never writes a client's address.
      request.log.warn({ event: 'untrusted-proxy' }, 'requests arrive through a reverse proxy (X-Forwarded-For) but server.trustProxy is false: every respondent counts as the proxy for the rate limit. Set server.trustProxy to the proxy\'s address (e.g. "127.0.0.1"). / Les requêtes passent par un proxy inverse mais server.trustProxy vaut false : chaque répondant compte comme le proxy pour la limite de débit. Donnez son adresse dans server.trustProxy.');
    }
    done();
  });
}
