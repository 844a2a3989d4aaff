/**
 * The bound on snapshots read at once (`SqlDb.snapshot`): each one is a PostgreSQL client
 * outside the pool or an SQLite read connection, and every export, sample statistic, result
 * and cockpit warning takes one. Unbounded, ten clicks on « Exporter » or a script could use up
 * PostgreSQL's `max_connections` (the intake's too) or hold SQLite's log reset back.
 */

/** Snapshots read at once by default (`limits.concurrentExports`). */
export const DEFAULT_CONCURRENT_SNAPSHOTS = 4;

/**
 * Seconds a refused reader is told to wait (`Retry-After`): an export of a few thousand
 * responses takes about that long, and the slot it frees goes to whoever asks first.
 */
export const SNAPSHOTS_RETRY_SECONDS = 10;

/** Thrown, at once, by `ResponseStore.stream` when every slot is taken; the HTTP layer answers 429, as to a client over the rate limit: the collector refuses more of the same work, it has not failed. */
export class SnapshotsBusyError extends Error {
  constructor(readonly limit: number) {
    super(`${limit} snapshots of the store are already being read`);
    this.name = 'SnapshotsBusyError';
  }
}

/** One taken slot: `touch` on every read, `release` once (again does nothing). */
export interface SnapshotSlot {
  /** Puts the idle expiry off: the reader is still reading. */
  touch(): void;
  /** Gives the slot back. */
  release(): void;
}

/** A timer the slots arm; returns its cancellation (tests fire it by hand). */
export type IdleTimer = (fire: () => void, ms: number) => () => void;

const realTimer: IdleTimer = (fire, ms) => {
  const t = setTimeout(fire, ms);
  // A held slot must not keep the process alive on its own.
  t.unref();
  return () => clearTimeout(t);
};

/** Counts the snapshots being read and refuses one more past `limit`. */
export class SnapshotSlots {
  private held = 0;

  /**
   * @param limit snapshots read at once
   * @param idleMs a slot not touched for this long is given back, `onIdle` first (see `take`)
   * @param timer the timer of that expiry
   */
  constructor(readonly limit: number, private readonly idleMs: number, private readonly timer: IdleTimer = realTimer) {}

  /** Slots taken now. */
  get inUse(): number {
    return this.held;
  }

  /**
   * Takes a slot or throws `SnapshotsBusyError`. A slot untouched for `idleMs` calls `onIdle`
   * (which lets its snapshot go) and is given back: a stream created and never read, or left
   * unread by a client that stopped reading, must not hold it for ever.
   */
  take(onIdle: () => void): SnapshotSlot {
    if (this.held >= this.limit) throw new SnapshotsBusyError(this.limit);
    this.held++;
    let released = false;
    let cancel = () => {};
    const release = () => {
      if (released) return;
      released = true;
      cancel();
      this.held--;
    };
    const arm = () => {
      cancel();
      cancel = this.timer(() => {
        onIdle();
        release();
      }, this.idleMs);
    };
    arm();
    return { touch: () => { if (!released) arm(); }, release };
  }
}
