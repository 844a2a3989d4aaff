/** The outbox: delivery of responses to the collector, durable and exactly once. */
export { Outbox, responsesUrl, type OutboxOptions } from './outbox.js';
export { IndexedDbOutboxStore, MemoryOutboxStore, type OutboxStore } from './store.js';
export { backoffDelay, retryAfterDelay, BASE_DELAY_MS, MAX_DELAY_MS } from './backoff.js';
export { withLock, hasWebLocks } from './lock.js';
