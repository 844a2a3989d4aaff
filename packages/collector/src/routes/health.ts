/**
 * Liveness (`/health`: the process answers) and readiness (`/ready`: the store answers too),
 * for load balancers and orchestrators.
 */
import type { FastifyInstance } from 'fastify';
import type { ResponseStore } from '../store/types.js';
import { text } from '../messages.js';

export async function healthRoutes(app: FastifyInstance, opts: { store: ResponseStore }): Promise<void> {
  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/ready', async (request, reply) => {
    try {
      await opts.store.count({ territories: [] });
      return { status: 'ready' };
    } catch (e) {
      request.log.warn({ event: 'not-ready', reason: (e as Error).message }, 'store unreachable');
      return reply.code(503).send({ status: 'unavailable', message: text('unavailable') });
    }
  });
}
