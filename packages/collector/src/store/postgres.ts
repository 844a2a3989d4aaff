/**
 * PostgreSQL through a pg connection pool: production. Same statements as SQLite; `?`
 * placeholders are numbered here. Every statement autocommits with the server's
 * `synchronous_commit`, so a resolved insert is on disk; `transaction` holds one pooled
 * client from BEGIN to COMMIT.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import { SNAPSHOT_IDLE_MS, type SqlDb, type Row, type RowCursor } from './sql.js';

/** Numbers `?` placeholders as `$1, $2…` (the shared statements hold no `?` in literals). */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** The advisory lock of a `serialisedBy` name: a bigint (as text) from its hash. */
function advisoryKey(name: string): string {
  return createHash('sha256').update(name).digest().readBigInt64BE(0).toString();
}

/** Statements prepared by name on each connection, at most. */
const MAX_NAMED_STATEMENTS = 100;

/**
 * `SqlDb.snapshot` on PostgreSQL: a client of its own, outside the pool (a long export must not
 * take a connection from the intake), holding one REPEATABLE READ READ ONLY transaction (every
 * FETCH reads the snapshot its first statement took) and a server-side cursor over `sql`, read
 * `batch` rows per FETCH. The server ends the session if it waits longer than `idleMs` for the
 * next FETCH, which lets the transaction's snapshot go.
 */
function snapshotCursor(url: string, sql: string, params: unknown[], batch: number, idleMs: number): RowCursor {
  let client: pg.Client | null = null;
  let done = false;
  const open = async (): Promise<pg.Client> => {
    const c = new pg.Client({ connectionString: url });
    // A session ended by the server (the idle timeout) must not crash the process: the next
    // FETCH reports it.
    c.on('error', () => {});
    await c.connect();
    try {
      await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await c.query(`SET LOCAL idle_in_transaction_session_timeout = ${Math.max(1, Math.floor(idleMs))}`);
      await c.query({ text: `DECLARE olva_snapshot NO SCROLL CURSOR FOR ${numberPlaceholders(sql)}`, values: params });
    } catch (e) {
      await c.end().catch(() => {});
      throw e;
    }
    return c;
  };
  const end = async () => {
    const c = client;
    client = null;
    done = true;
    // Read only: nothing to commit, and ending the session ends its transaction.
    await c?.end().catch(() => {});
  };
  return {
    async next() {
      if (done) throw new Error('snapshot read after its end');
      try {
        client ??= await open();
        const { rows } = await client.query(`FETCH ${batch} FROM olva_snapshot`);
        if (rows.length < batch) await end();
        return { rows: rows as Row[], done };
      } catch (e) {
        await end();
        throw e;
      }
    },
    close: end,
  };
}

/**
 * Opens a pool on a `postgres://` or `postgresql://` URL.
 * @param options.snapshotIdleMs how long a snapshot waits for its next read (`SNAPSHOT_IDLE_MS`)
 */
export function openPostgresDb(url: string, options: { max?: number; snapshotIdleMs?: number } = {}): SqlDb {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  // Named statements: each connection parses and plans a statement once, not on every
  // response. Filters make statements of many shapes, so past a bound new shapes run unnamed:
  // neither this map nor each connection's prepared statements grow without end.
  const statements = new Map<string, { name: string; text: string }>();
  const statement = (sql: string, values: unknown[]): pg.QueryConfig => {
    let s = statements.get(sql);
    if (!s) {
      if (statements.size >= MAX_NAMED_STATEMENTS) return { text: numberPlaceholders(sql), values };
      s = { name: `olva_${statements.size + 1}`, text: numberPlaceholders(sql) };
      statements.set(sql, s);
    }
    return { name: s.name, text: s.text, values };
  };
  return {
    dialect: 'postgres',
    async query(sql, params = []) {
      return (await pool.query(statement(sql, params))).rows as Row[];
    },
    async run(sql, params = []) {
      return (await pool.query(statement(sql, params))).rowCount ?? 0;
    },
    // One pooled client holds the transaction (READ COMMITTED: each statement sees what
    // committed before it started, so an audit line's MAX(seq) follows the change it waited on).
    async transaction(steps, options = {}) {
      const client = await pool.connect();
      let broken: unknown;
      try {
        await client.query('BEGIN');
        // Held until COMMIT or ROLLBACK: the next transaction of that name waits here. Several
        // names are taken in one order, so two transactions taking both never wait on each other.
        for (const name of [options.serialisedBy ?? []].flat().sort()) await client.query('SELECT pg_advisory_xact_lock($1)', [advisoryKey(name)]);
        const changed: number[] = [];
        for (const step of steps) {
          const n = (await client.query(statement(step.sql, step.params ?? []))).rowCount ?? 0;
          changed.push(n);
          if (step.guard && n === 0) break;
        }
        await client.query('COMMIT');
        return changed;
      } catch (e) {
        // A client that cannot even roll back is dropped, not handed to the next caller.
        await client.query('ROLLBACK').catch((lost: unknown) => { broken = lost; });
        throw e;
      } finally {
        client.release(broken === undefined ? undefined : (broken as Error));
      }
    },
    snapshot: (sql, params, batch) => snapshotCursor(url, sql, params, batch, options.snapshotIdleMs ?? SNAPSHOT_IDLE_MS),
    async exec(sql) {
      await pool.query(sql);
    },
    // Deleted rows stay in their pages until VACUUM (autovacuum) reclaims them: see the README.
    async scrub() {},
    async close() {
      await pool.end();
    },
  };
}
