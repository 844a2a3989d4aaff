/**
 * Group commit for SQLite writes.
 *
 * Why: with WAL and `synchronous=FULL` every autocommitted statement pays one fsync, and
 * better-sqlite3 runs it synchronously on the event loop. Under many concurrent submissions
 * the loop spends its life waiting on the disk, one row at a time (≈70 req/s, p99 ≈4 s at 200
 * connections). Here the writes that arrive within one event-loop turn are queued and written
 * in ONE transaction on `setImmediate` (or as soon as the batch is full): one fsync for the
 * whole batch.
 *
 * What does not change:
 * - Durability: a write's promise resolves only after the transaction holding it committed
 *   (synced to disk), so a 2xx still means the row survives a kill.
 * - Order: queued statements run in arrival order inside the transaction, so two inserts of
 *   the same submissionId in one batch behave exactly as two sequential inserts (the second
 *   changes nothing, and its caller then reads the first row back to tell a replay from a
 *   conflict).
 * - Isolation of failures: if anything in the batch throws, the whole transaction is rolled
 *   back and every statement is run again in its own transaction, in the same order, so only
 *   the failing one rejects.
 *
 * Reads are not queued: they see what is committed. A read that overtakes a queued write
 * sees the state before it, which is the state a caller whose write has not yet resolved
 * must expect anyway.
 */
/**
 * What GroupCommit uses of a better-sqlite3 connection, said here rather than imported: its
 * declaration then names no type of `@types/better-sqlite3`, which @olva/collector's users do
 * not install.
 */
export interface WriteConnection {
  /** True inside a transaction the caller opened (`BEGIN` through `exec`). */
  readonly inTransaction: boolean;
  /** Wraps `fn` in one transaction, committed when it returns, rolled back when it throws. */
  transaction<T>(fn: () => T): () => T;
}

/** What GroupCommit uses of a prepared better-sqlite3 statement. */
export interface WriteStatement {
  /** Runs the statement; `changes` is the number of rows it changed. */
  run(...params: unknown[]): { changes: number };
}

/** Statements written in one transaction at most: bounds the time the loop is held. */
export const GROUP_COMMIT_MAX_BATCH = 256;

interface PendingWrite {
  statement: WriteStatement;
  params: unknown[];
  resolve: (changes: number) => void;
  reject: (error: unknown) => void;
}

/** Queues the writes of one better-sqlite3 connection and commits them in groups. */
export class GroupCommit {
  private queue: PendingWrite[] = [];
  private scheduled: NodeJS.Immediate | null = null;

  constructor(
    private readonly db: WriteConnection,
    private readonly maxBatch: number = GROUP_COMMIT_MAX_BATCH,
  ) {}

  /**
   * Runs a write; resolves with the number of rows it changed once its transaction is
   * committed. Inside a transaction the caller opened itself (`BEGIN` … `COMMIT` through
   * `exec`), the caller owns the commit, so the statement runs at once.
   */
  run(statement: WriteStatement, params: unknown[]): Promise<number> {
    if (this.db.inTransaction) {
      try {
        return Promise.resolve(statement.run(...params).changes);
      } catch (e) {
        return Promise.reject(e);
      }
    }
    return new Promise<number>((resolve, reject) => {
      this.queue.push({ statement, params, resolve, reject });
      if (this.queue.length >= this.maxBatch) this.flush();
      else this.scheduled ??= setImmediate(() => this.flush());
    });
  }

  /** Commits every queued write now (before `exec`, `close`, or when the batch is full). */
  flush(): void {
    if (this.scheduled) {
      clearImmediate(this.scheduled);
      this.scheduled = null;
    }
    const batch = this.queue;
    if (batch.length === 0) return;
    this.queue = [];
    let changes: number[];
    try {
      changes = this.db.transaction(() => batch.map((w) => w.statement.run(...w.params).changes))();
    } catch {
      // Rolled back as a whole: replay one by one so that only the failing write is lost.
      for (const w of batch) {
        try {
          w.resolve(w.statement.run(...w.params).changes);
        } catch (e) {
          w.reject(e);
        }
      }
      return;
    }
    batch.forEach((w, i) => w.resolve(changes[i]));
  }
}
