/**
 * SQLite through better-sqlite3: the embedded default. WAL with `synchronous=FULL`, so a
 * write resolves only once its transaction is synced to disk: a 2xx survives a kill. Writes
 * go through `GroupCommit`, so concurrent ones share a transaction and its fsync.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { SqlDb, Row } from './sql.js';
import { GroupCommit } from './group-commit.js';

/** Opens (and creates) an SQLite database file; `:memory:` for a throwaway one. */
export function openSqliteDb(file: string): SqlDb {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  const writes = new GroupCommit(db);
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let s = statements.get(sql);
    if (!s) {
      s = db.prepare(sql);
      statements.set(sql, s);
    }
    return s;
  };
  return {
    dialect: 'sqlite',
    async query(sql, params = []) {
      return prepare(sql).all(...params) as Row[];
    },
    async run(sql, params = []) {
      return writes.run(prepare(sql), params);
    },
    async exec(sql) {
      // Queued writes come first: a caller's BEGIN must not take them into its transaction.
      writes.flush();
      db.exec(sql);
    },
    async close() {
      if (db.open) writes.flush();
      statements.clear();
      if (db.open) db.close();
    },
  };
}
