/**
 * One better-sqlite3 connection with its prepared statements and group commit, as the SQLite
 * thread (`sqlite-worker.ts`) drives it; that file keeps only the message plumbing.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Row, SqlStep } from './sql.js';
import { GroupCommit } from './group-commit.js';

/**
 * Prepared statements kept at most. The store's own statements are a dozen, but filters make
 * one statement per count of values (waves, territories): kept without bound, a reader
 * varying the count made the process grow by gigabytes.
 */
export const MAX_CACHED_STATEMENTS = 64;

/**
 * Pages the write-ahead log holds before SQLite copies them into the database file (default
 * 1,000, 4 MB). Responses have random ids, so each commit dirties pages all over the primary
 * key's index; checkpointing ten times less often copies a page once for many commits, which
 * took a fifth of the SQLite thread's CPU per response. Commits stay synced (the log is what
 * `synchronous=FULL` syncs); the log file grows to about 40 MB, and an erasure still
 * truncates it (`scrub`).
 */
export const WAL_AUTOCHECKPOINT_PAGES = 10_000;

/** A statement read from one snapshot, on a connection of its own (see `SqliteConnection.snapshot`). */
interface Snapshot {
  /** Null for an in-memory database: its rows were read at once, in `rows`. */
  db: Database.Database | null;
  rows: Iterator<unknown>;
  batch: number;
}

/**
 * The error of a read of a snapshot already closed: by its reader, or given up by the store
 * once left unread too long (`SnapshotSlots`), French then English.
 */
export class SnapshotClosedError extends Error {
  constructor() {
    super('lecture d’un instantané déjà fermé (le client ne lisait plus) / read of a snapshot already closed (the client had stopped reading)');
    this.name = 'SnapshotClosedError';
  }
}

/**
 * A synchronous SQLite connection in WAL mode with `synchronous=FULL` and `secure_delete`
 * (deleted content is overwritten with zeros, so an erased response is not left in free pages),
 * checkpointed every `WAL_AUTOCHECKPOINT_PAGES` pages.
 */
export class SqliteConnection {
  private readonly db: Database.Database;
  private readonly writes: GroupCommit;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly snapshots = new Map<number, Snapshot>();
  /** An erasure's checkpoint put off while a snapshot still needed the pages it would overwrite. */
  private scrubOwed = false;

  /**
   * Opens (and creates) `file`; `:memory:` for a throwaway database. Throws if it cannot.
   * A snapshot left unread is closed by the store (`SnapshotSlots`, one timer for both
   * backends), through `snapshotClose`: this connection keeps none of its own.
   */
  constructor(private readonly file: string) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('secure_delete = ON');
    this.db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    this.writes = new GroupCommit(this.db);
  }

  /** The number of prepared statements kept (at most `MAX_CACHED_STATEMENTS`). */
  get cachedStatements(): number {
    return this.statements.size;
  }

  /** A prepared statement, from a cache that drops the least recently used past its bound. */
  private prepare(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (s) {
      // A Map iterates in insertion order: moving a hit to the end keeps the oldest first.
      this.statements.delete(sql);
    } else {
      s = this.db.prepare(sql);
      if (this.statements.size >= MAX_CACHED_STATEMENTS) this.statements.delete(this.statements.keys().next().value!);
    }
    this.statements.set(sql, s);
    return s;
  }

  /** Rows of a statement, from what is committed. */
  query(sql: string, params: unknown[]): Row[] {
    return this.prepare(sql).all(...params) as Row[];
  }

  /** Resolves with the rows a write changed once its group's transaction is on disk. */
  run(sql: string, params: unknown[]): Promise<number> {
    return this.writes.run(this.prepare(sql), params);
  }

  /**
   * `SqlDb.transaction` (see there), after the queued writes: a transaction of its own, so that
   * its rollback never takes another caller's write with it. Its commit is synced like a group's.
   */
  transaction(steps: SqlStep[]): number[] {
    this.writes.flush();
    return this.db.transaction(() => {
      const changed: number[] = [];
      for (const step of steps) {
        const n = this.prepare(step.sql).run(...(step.params ?? [])).changes;
        changed.push(n);
        if (step.guard && n === 0) break;
      }
      return changed;
    })();
  }

  /**
   * Opens `sql` as snapshot `id` and returns its first batch (`SqlDb.snapshot`). A file
   * database is read on a read-only connection of its own, through an iterator: the statement
   * holds one read transaction from its first row to its last, so the rows all come from the
   * state committed when it started, while this connection goes on writing (WAL readers take
   * no lock a writer waits on). Its autocheckpoints go on too, copying what the snapshot no
   * longer needs; the log is only reset once the snapshot is closed, so it grows by what was
   * written meanwhile. An in-memory database has no second connection: its rows are read at
   * once (they are in memory already).
   */
  snapshot(id: number, sql: string, params: unknown[], batch: number): { rows: Row[]; done: boolean } {
    let db: Database.Database | null = null;
    let rows: Iterator<unknown>;
    if (this.file === ':memory:') {
      rows = this.query(sql, params)[Symbol.iterator]();
    } else {
      db = new Database(this.file, { readonly: true, fileMustExist: true });
      try {
        db.pragma('busy_timeout = 5000');
        rows = db.prepare(sql).iterate(...params);
      } catch (e) {
        db.close();
        throw e;
      }
    }
    this.snapshots.set(id, { db, rows, batch });
    return this.snapshotNext(id);
  }

  /** The next batch of snapshot `id`; the snapshot is closed with its last batch. */
  snapshotNext(id: number): { rows: Row[]; done: boolean } {
    const s = this.snapshots.get(id);
    if (!s) throw new SnapshotClosedError();
    const rows: Row[] = [];
    let done = false;
    try {
      while (rows.length < s.batch) {
        const r = s.rows.next();
        if (r.done) {
          done = true;
          break;
        }
        rows.push(r.value as Row);
      }
    } catch (e) {
      this.snapshotClose(id);
      throw e;
    }
    if (done) this.snapshotClose(id);
    return { rows, done };
  }

  /** Ends snapshot `id` (nothing if it already ended), then the checkpoint it held back, if any. */
  snapshotClose(id: number): void {
    const s = this.snapshots.get(id);
    if (!s) return;
    this.snapshots.delete(id);
    s.rows.return?.();
    s.db?.close();
    if (this.snapshots.size > 0) return;
    if (this.scrubOwed && this.db.open) this.scrub();
  }

  /**
   * `SqlDb.scrub`: checkpoints the whole log into the database file and truncates it. That
   * waits for the readers of older snapshots: with one open on this thread it would only wait
   * out the busy timeout, the thread stalled, and fail. The pages it can copy are copied now,
   * and the rest when the last snapshot closes (an erased response stays on disk until then,
   * as the export reading it still needs it).
   */
  scrub(): void {
    this.writes.flush();
    if (this.snapshots.size > 0) {
      this.db.pragma('wal_checkpoint(PASSIVE)');
      this.scrubOwed = true;
      return;
    }
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.scrubOwed = false;
  }

  /** Runs statements without parameters, after the queued writes (a BEGIN must not take them in). */
  exec(sql: string): void {
    this.writes.flush();
    this.db.exec(sql);
  }

  /** Commits what is queued and closes. */
  close(): void {
    if (!this.db.open) return;
    for (const id of [...this.snapshots.keys()]) this.snapshotClose(id);
    this.writes.flush();
    this.statements.clear();
    this.db.close();
  }
}
