/**
 * The store as a JSON route reads it: results, their publication, the sample statistics and
 * the cockpit's warnings read a snapshot for a moment, then answer. Over
 * `limits.concurrentExports` such a read waits in line a few seconds for a slot
 * (`SNAPSHOTS_WAIT_MS`) before the 429 `exports-busy`, and leaves the line when its client goes.
 * Downloads do not wait: they read the store as it is, refused at once.
 */
import type { FastifyReply } from 'fastify';
import type { ResponseFilter, ResponseStore, StreamOptions } from '../store/types.js';

/** Aborts once the client of `reply` has gone before its answer was sent. */
export function clientGone(reply: FastifyReply): AbortSignal {
  const gone = new AbortController();
  // `close` comes once the answer is sent, or once the connection ended before it.
  reply.raw.once('close', () => { if (!reply.raw.writableFinished) gone.abort(); });
  return gone.signal;
}

/**
 * `store`, each of its streams waiting in line for a snapshot slot until the client of
 * `reply` goes; every other member is the store's own.
 */
export function waitingForSnapshots(store: ResponseStore, reply: FastifyReply): ResponseStore {
  const wait = { signal: clientGone(reply) };
  const stream = (filter: ResponseFilter, options: StreamOptions = {}) => store.stream(filter, { ...options, wait });
  return new Proxy(store, {
    get(target, key) {
      if (key === 'stream') return stream;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
