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

/**
 * A synchronous SQLite connection in WAL mode with `synchronous=FULL` and `secure_delete`
 * (deleted content is overwritten with zeros, so an erased response is not left in free pages),
 * checkpointed every `WAL_AUTOCHECKPOINT_PAGES` pages.
 */
export class SqliteConnection {
  private readonly db: Database.Database;
  private readonly writes: GroupCommit;
  private readonly statements = new Map<string, Database.Statement>();

  /** Opens (and creates) `file`; `:memory:` for a throwaway database. Throws if it cannot. */
  constructor(file: string) {
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

  /** Runs statements without parameters, after the queued writes (a BEGIN must not take them in). */
  exec(sql: string): void {
    this.writes.flush();
    this.db.exec(sql);
  }

  /** Commits what is queued and closes. */
  close(): void {
    if (!this.db.open) return;
    this.writes.flush();
    this.statements.clear();
    this.db.close();
  }
}
