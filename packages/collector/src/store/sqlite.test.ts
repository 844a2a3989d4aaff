import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { corePayload } from '@olva/test-support/collector-questionnaires';
import { openSqliteDb, SqliteError } from './sqlite.js';
import { MAX_CACHED_STATEMENTS, SqliteConnection, WAL_AUTOCHECKPOINT_PAGES } from './sqlite-connection.js';
import { schemaSql, type RowCursor, type SqlStep } from './sql.js';
import { STREAM_BATCH, SqlResponseStore } from './sql-store.js';
import { payloadDigest } from './canonical.js';

const run = promisify(execFile);
const distSqlite = fileURLToPath(new URL('../../dist/store/sqlite.js', import.meta.url));

let dir: string;
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-sqlite-')); });
afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }); });

describe('SQLite in its own thread', () => {
  it('answers reads and writes in order, and a write is in the file once it resolved', async () => {
    const file = path.join(dir, 'a.db');
    const db = openSqliteDb(file);
    await db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
    const changes = await Promise.all(Array.from({ length: 50 }, (_, i) => db.run('INSERT INTO t (id, v) VALUES (?, ?)', [i, `é${i}`])));
    expect(changes).toEqual(Array(50).fill(1));
    // Another connection (another thread) sees the committed rows.
    const other = openSqliteDb(file);
    expect(await other.query('SELECT COUNT(*) AS n, MAX(v) AS v FROM t')).toEqual([{ n: 50, v: 'é9' }]);
    await other.close();
    await db.close();
  });

  it('rejects a failing statement with SQLite\'s code and keeps the others of its batch', async () => {
    const db = openSqliteDb(path.join(dir, 'b.db'));
    await db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
    const results = await Promise.allSettled([
      db.run('INSERT INTO t (id, v) VALUES (?, ?)', [1, 'a']),
      db.run('INSERT INTO t (id, v) VALUES (?, ?)', [2, null]),
      db.run('INSERT INTO t (id, v) VALUES (?, ?)', [3, 'c']),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const reason = (results[1] as PromiseRejectedResult).reason as SqliteError;
    expect(reason).toBeInstanceOf(SqliteError);
    expect(reason.code).toBe('SQLITE_CONSTRAINT_NOTNULL');
    expect(reason.message).toMatch(/NOT NULL/);
    await expect(db.query('SELEC nonsense')).rejects.toThrow(/syntax error/);
    expect(await db.query('SELECT id FROM t ORDER BY id')).toEqual([{ id: 1 }, { id: 3 }]);
    await db.close();
    await expect(db.query('SELECT 1')).rejects.toThrow(/stopped/);
  });

  it('says why a file cannot be opened, on every call', async () => {
    fs.writeFileSync(path.join(dir, 'not-a-dir'), 'x');
    const db = openSqliteDb(path.join(dir, 'not-a-dir', 'c.db'));
    await expect(db.exec('SELECT 1')).rejects.toThrow(/EEXIST|ENOTDIR|not a directory|file already exists/i);
    await expect(db.query('SELECT 1')).rejects.toThrow();
    await db.close();
  });

  it('does not keep a process alive once it owes no answer, even started with --input-type', async () => {
    const script = `import { openSqliteDb } from ${JSON.stringify(distSqlite)};
const db = openSqliteDb(':memory:');
console.log(JSON.stringify(await db.query('SELECT 40 + 2 AS n')));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { timeout: 15_000 });
    expect(JSON.parse(stdout)).toEqual([{ n: 42 }]);
  });

  it('keeps a bounded number of prepared statements whatever the filters asked for', async () => {
    // The connection as the SQLite thread drives it, filtered by every count of waves and
    // territories a reader may send: each count is another statement.
    const connection = new SqliteConnection(path.join(dir, 'cache.db'));
    try {
      connection.exec(schemaSql('sqlite'));
      const db = { dialect: 'sqlite' as const, query: async (sql: string, params: unknown[] = []) => connection.query(sql, params), run: (sql: string, params: unknown[] = []) => connection.run(sql, params), exec: async (sql: string) => connection.exec(sql), scrub: async () => {}, close: async () => connection.close(),
        transaction: async (steps: SqlStep[]) => connection.transaction(steps),
        // The store reads the listed pages and counts with `query`, never from a snapshot.
        snapshot: (): RowCursor => { throw new Error('this test reads no snapshot'); } };
      const store = new SqlResponseStore(db);
      for (let n = 1; n <= 50; n++) {
        const waves = Array.from({ length: n }, (_, i) => `w${i}`);
        const territories = Array.from({ length: n }, (_, i) => ({ level: 'commune' as const, code: String(35000 + i) }));
        await store.list({ territories: 'all', waves }, { limit: 10 });
        await store.count({ territories, waves: ['2026'] });
        await store.list({ territories, waves }, { limit: 10 });
        expect(connection.cachedStatements).toBeLessThanOrEqual(MAX_CACHED_STATEMENTS);
      }
      expect(connection.cachedStatements).toBe(MAX_CACHED_STATEMENTS);
      // The statements still in use are still served.
      expect(await store.count({ territories: 'all' })).toBe(0);
    } finally {
      connection.close();
    }
  });

  it('keeps commits synced in WAL and checkpoints the log every WAL_AUTOCHECKPOINT_PAGES pages', async () => {
    const db = openSqliteDb(path.join(dir, 'pragmas.db'));
    expect(await db.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    // 2 is FULL: each commit syncs the log.
    expect(await db.query('PRAGMA synchronous')).toEqual([{ synchronous: 2 }]);
    expect(await db.query('PRAGMA wal_autocheckpoint')).toEqual([{ wal_autocheckpoint: WAL_AUTOCHECKPOINT_PAGES }]);
    expect(WAL_AUTOCHECKPOINT_PAGES).toBeGreaterThan(1000);
    await db.close();
  });

  it('gives up a snapshot its store finds left unread, then truncates the log an erasure owed', async () => {
    const file = path.join(dir, 'idle.db');
    // The store's slot timer (one for both backends) is the only one: fired here by hand.
    let expire: (() => void) | undefined;
    const store = new SqlResponseStore(openSqliteDb(file), undefined, { idleTimer: (fire) => { expire = fire; return () => { if (expire === fire) expire = undefined; }; } });
    try {
      await store.init();
      // Three batches: the first in hand, the second read ahead, the snapshot still open.
      const payloads = Array.from({ length: 2 * STREAM_BATCH + 1 }, () => corePayload());
      await Promise.all(payloads.map((p) => store.insert(p, payloadDigest(p))));
      const unread = store.stream({ territories: 'all' })[Symbol.asyncIterator]();
      expect((await unread.next()).done).toBe(false);
      // An erasure meanwhile cannot truncate the log the snapshot reads.
      expect(await store.delete(payloads[0]!.submissionId)).toBe(true);
      expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
      expect(store.snapshots.inUse).toBe(1);
      expire!();
      expect(store.snapshots.inUse).toBe(0);
      // Asked after the snapshot's close, answered after it: the owed checkpoint has run.
      expect(await store.count({ territories: 'all' })).toBe(2 * STREAM_BATCH);
      expect(fs.statSync(`${file}-wal`).size).toBe(0);
      // The reader who comes back is told its snapshot is gone.
      await expect((async () => { while (!(await unread.next()).done); })()).rejects.toThrow(/already closed/);
    } finally {
      await store.close();
    }
  });
});
