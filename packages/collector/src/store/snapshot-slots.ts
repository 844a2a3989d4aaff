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
 * responses takes about that long, and the slot it frees goes to the first reader waiting in
 * line, else to whoever asks first.
 */
export const SNAPSHOTS_RETRY_SECONDS = 10;

/**
 * Milliseconds a JSON route's read waits in line for a slot before it is refused
 * (`ResponseStore.stream` with `wait`): results, statistics and warnings read for a moment, and a slot often frees
 * within that; a download is refused at once (it would hold its connection with nothing to show).
 */
export const SNAPSHOTS_WAIT_MS = 5_000;

/**
 * Thrown by `ResponseStore.stream` when every slot is taken: at once, or after waiting its
 * time in line (`wait`). The HTTP layer answers 429, as to a client over the rate limit: the
 * collector refuses more of the same work, it has not failed.
 */
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
  /** Gives the slot back (to the first reader waiting for one, if any). */
  release(): void;
}

/** A timer the slots arm; returns its cancellation (tests fire it by hand). */
export type SlotTimer = (fire: () => void, ms: number) => () => void;

const realTimer: SlotTimer = (fire, ms) => {
  const t = setTimeout(fire, ms);
  // A held slot must not keep the process alive on its own.
  t.unref();
  return () => clearTimeout(t);
};

/** How `SnapshotSlots` times its slots and its line. */
export interface SlotTimes {
  /** A slot not touched for this long is given back, its `onIdle` first (see `take`). */
  idleMs: number;
  /** How long `wait` waits in line (`SNAPSHOTS_WAIT_MS` by default). */
  waitMs?: number;
  /** The timer of the idle expiry (tests). */
  idleTimer?: SlotTimer;
  /** The timer of a wait in line (tests). */
  waitTimer?: SlotTimer;
}

/** A reader waiting in line: `grant` hands it a slot already counted. */
interface Waiter {
  grant(): void;
}

/**
 * Counts the snapshots being read and refuses one more past `limit`, at once (`take`) or
 * after waiting in line (`wait`): a freed slot goes to the first reader waiting, if any.
 */
export class SnapshotSlots {
  private held = 0;
  private readonly line: Waiter[] = [];
  private readonly times: Required<SlotTimes>;

  /** @param limit snapshots read at once */
  constructor(readonly limit: number, times: SlotTimes) {
    this.times = { waitMs: SNAPSHOTS_WAIT_MS, idleTimer: realTimer, waitTimer: realTimer, ...times };
  }

  /** Slots taken now. */
  get inUse(): number {
    return this.held;
  }

  /** Readers waiting in line now. */
  get waiting(): number {
    return this.line.length;
  }

  /**
   * Takes a slot or throws `SnapshotsBusyError`. A slot untouched for `idleMs` calls `onIdle`
   * (which lets its snapshot go) and is given back: a stream created and never read, or left
   * unread by a client that stopped reading, must not hold it for ever.
   */
  take(onIdle: () => void): SnapshotSlot {
    // Readers in line come first (there are some only while every slot is taken).
    if (this.held >= this.limit || this.line.length > 0) throw new SnapshotsBusyError(this.limit);
    this.held++;
    return this.slot(onIdle);
  }

  /**
   * A slot, at once if one is free, else once every reader ahead in line got one. Rejects
   * with `SnapshotsBusyError` when none came within `waitMs`, and when `signal` aborts (the
   * reader's client gone: nobody reads that answer), its place in line given up either way.
   */
  wait(onIdle: () => void, signal?: AbortSignal): Promise<SnapshotSlot> {
    if (signal?.aborted) return Promise.reject(new SnapshotsBusyError(this.limit));
    if (this.held < this.limit && this.line.length === 0) return Promise.resolve(this.take(onIdle));
    return new Promise<SnapshotSlot>((resolve, reject) => {
      const leave = () => {
        const at = this.line.indexOf(waiter);
        if (at >= 0) this.line.splice(at, 1);
        cancelTimer();
        signal?.removeEventListener('abort', refuse);
      };
      const refuse = () => {
        leave();
        reject(new SnapshotsBusyError(this.limit));
      };
      const waiter: Waiter = {
        grant: () => {
          leave();
          resolve(this.slot(onIdle));
        },
      };
      const cancelTimer = this.times.waitTimer(refuse, this.times.waitMs);
      signal?.addEventListener('abort', refuse, { once: true });
      this.line.push(waiter);
    });
  }

  /** A slot already counted in `held`, given back by `release` or its idle expiry. */
  private slot(onIdle: () => void): SnapshotSlot {
    let released = false;
    let cancel = () => {};
    const release = () => {
      if (released) return;
      released = true;
      cancel();
      // Handed on still counted, or given back.
      const next = this.line[0];
      if (next) next.grant();
      else this.held--;
    };
    const arm = () => {
      cancel();
      cancel = this.times.idleTimer(() => {
        onIdle();
        release();
      }, this.times.idleMs);
    };
    arm();
    return { touch: () => { if (!released) arm(); }, release };
  }
}
