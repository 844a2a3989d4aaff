/**
 * Graceful shutdown: on SIGINT or SIGTERM the collector stops accepting requests, finishes
 * those in flight (each answered only after its row is durable) and closes the store.
 */
import type { Collector } from './server.js';

/** Resolves once the collector has closed after a signal (or after `stop()` is called). */
export function closeOnSignals(collector: Collector, signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM']): { closed: Promise<NodeJS.Signals | 'stop'>; stop(): void } {
  let stop!: () => void;
  const closed = new Promise<NodeJS.Signals | 'stop'>((resolve, reject) => {
    let closing = false;
    const close = (why: NodeJS.Signals | 'stop') => {
      if (closing) return;
      closing = true;
      for (const s of signals) process.off(s, handlers[s]!);
      collector.close().then(() => resolve(why), reject);
    };
    const handlers: Partial<Record<NodeJS.Signals, () => void>> = {};
    for (const s of signals) {
      handlers[s] = () => close(s);
      process.on(s, handlers[s]!);
    }
    stop = () => close('stop');
  });
  return { closed, stop };
}
