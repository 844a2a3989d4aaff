/**
 * SQLite through better-sqlite3: the embedded default. WAL with `synchronous=FULL`, so a
 * write resolves only once its transaction is synced to disk: a 2xx survives a kill. Writes
 * made with `run` go through `GroupCommit`, so concurrent ones share a transaction and its
 * fsync; the store's batched insert of responses is one statement already (`query`, as it
 * returns rows), committed on its own.
 *
 * Why a thread: better-sqlite3 is synchronous, and inserting, indexing and syncing a batch
 * took a fifth of the collector's event loop under load, time in which no request was read
 * or checked. The connection lives in a worker thread (`sqlite-worker.ts`); requests made
 * together cross over as one message, and the replies to one group commit come back as one
 * message. What a caller sees is unchanged: the same statements, and a write's promise
 * resolves after its commit.
 */
import { Worker } from 'node:worker_threads';
import type { SqlDb, Row, RowCursor } from './sql.js';
import type { SqliteReply, SqliteRequest } from './sqlite-protocol.js';

// Run from the TypeScript sources (tests), the thread still needs JavaScript: the build's.
const WRITER = import.meta.url.endsWith('.ts')
  ? new URL('../../dist/store/sqlite-worker.js', import.meta.url)
  : new URL('./sqlite-worker.js', import.meta.url);

type Outgoing = SqliteRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** An error from the SQLite thread, with SQLite's code (e.g. `SQLITE_CONSTRAINT_PRIMARYKEY`). */
export class SqliteError extends Error {
  constructor(message: string, readonly code: string | undefined, name: string) {
    super(message);
    this.name = name === 'SqliteError' || name === 'Error' ? 'SqliteError' : name;
  }
}

/**
 * Opens (and creates) an SQLite database file; `:memory:` for a throwaway one. A snapshot
 * left unread is closed by the store that opened it (`SnapshotSlots`): nothing here times out.
 */
export function openSqliteDb(file: string): SqlDb {
  // No inherited Node options: a parent started with e.g. `--input-type=module -e` would
  // make the thread refuse to start, and the thread runs built JavaScript needing none.
  const worker = new Worker(WRITER, { workerData: { file }, execArgv: [] });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  let nextId = 1;
  let queue: SqliteRequest[] = [];
  let scheduled = false;
  let gone: Error | null = null;
  // The thread keeps the process alive only while it owes an answer, as an open
  // better-sqlite3 handle never did.
  worker.unref();

  const send = () => {
    scheduled = false;
    const batch = queue;
    queue = [];
    worker.postMessage(batch);
  };
  const call = <T>(request: Outgoing, id = nextId++): Promise<T> => {
    if (gone) return Promise.reject(gone);
    return new Promise<T>((resolve, reject) => {
      if (pending.size === 0) worker.ref();
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      queue.push({ ...request, id } as SqliteRequest);
      // What is asked in one go crosses in one message. Not later than that: the store
      // already gathers a turn's inserts into one statement, and waiting for the next turn
      // would only add latency.
      if (!scheduled) {
        scheduled = true;
        queueMicrotask(send);
      }
    });
  };
  const settle = (r: SqliteReply) => {
    const p = pending.get(r.id);
    if (!p) return;
    pending.delete(r.id);
    if (r.ok) p.resolve(r.result);
    else p.reject(new SqliteError(r.error.message, r.error.code, r.error.name));
  };
  worker.on('message', (batch: SqliteReply[]) => {
    for (const r of batch) settle(r);
    if (pending.size === 0) worker.unref();
  });
  const fail = (e: Error) => {
    gone = e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.on('error', (e) => fail(e));
  worker.on('exit', (code) => fail(new Error(`the SQLite thread for ${file} stopped (exit code ${code})`)));

  return {
    dialect: 'sqlite',
    query: (sql, params = []) => call<Row[]>({ op: 'query', sql, params }),
    run: (sql, params = []) => call<number>({ op: 'run', sql, params }),
    // One message, run in one transaction by the thread: nothing else runs in between, so
    // every transaction is already alone (`serialisedBy` has nothing to add).
    transaction: (steps) => call<number[]>({ op: 'transaction', steps }),
    snapshot(sql, params, batch): RowCursor {
      // The snapshot is numbered by the request that opens it (see `SqliteConnection.snapshot`).
      const id = nextId++;
      let opened = false;
      let done = false;
      return {
        async next() {
          const batchRead = opened
            ? call<{ rows: Row[]; done: boolean }>({ op: 'snapshot-next', snapshot: id })
            : call<{ rows: Row[]; done: boolean }>({ op: 'snapshot', sql, params, batch }, id);
          opened = true;
          const result = await batchRead.catch((e: unknown) => {
            done = true;
            throw e;
          });
          done = result.done;
          return result;
        },
        async close() {
          if (!opened || done || gone) return;
          done = true;
          await call<void>({ op: 'snapshot-close', snapshot: id });
        },
      };
    },
    exec: (sql) => call<void>({ op: 'exec', sql }),
    // Checkpoints every page into the database file (where `secure_delete` zeroed what was
    // deleted) and truncates the write-ahead log, which still held the rows as written (put
    // off while a snapshot still reads them: see `SqliteConnection.scrub`).
    scrub: () => call<void>({ op: 'scrub' }),
    async close() {
      if (gone) return;
      await call<void>({ op: 'close' });
      await worker.terminate();
    },
  };
}
