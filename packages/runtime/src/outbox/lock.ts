/**
 * Mutual exclusion between tabs: a Web Lock named after the collector endpoint, so that two
 * open tabs never send the outbox at the same time. Without Web Locks (Node, old browsers)
 * it falls back to a lock within this JavaScript realm; across tabs the outbox then relies
 * on the in-flight mark of each entry and on the collector's idempotency by submissionId.
 */

interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

const local = new Map<string, Promise<unknown>>();

/** The Web Locks manager when the platform has one. */
function lockManager(): LockManagerLike | undefined {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks && typeof nav.locks.request === 'function' ? nav.locks : undefined;
}

/** True when tabs are coordinated by Web Locks. */
export function hasWebLocks(): boolean {
  return lockManager() !== undefined;
}

/** Runs `task` while holding the lock `name`; waits for the lock if another holder has it. */
export async function withLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const manager = lockManager();
  if (manager) return manager.request(name, task);
  const previous = local.get(name) ?? Promise.resolve();
  const run = previous.then(task, task);
  const tail = run.then(() => undefined, () => undefined);
  local.set(name, tail);
  try {
    return await run;
  } finally {
    if (local.get(name) === tail) local.delete(name);
  }
}
