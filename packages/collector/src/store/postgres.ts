/**
 * PostgreSQL through a pg connection pool: production. Same statements as SQLite; `?`
 * placeholders are numbered here. Every statement autocommits with the server's
 * `synchronous_commit`, so a resolved insert is on disk.
 */
import pg from 'pg';
import type { SqlDb, Row } from './sql.js';

/** Numbers `?` placeholders as `$1, $2…` (the shared statements hold no `?` in literals). */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** Opens a pool on a `postgres://` or `postgresql://` URL. */
export function openPostgresDb(url: string, options: { max?: number } = {}): SqlDb {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const texts = new Map<string, string>();
  const text = (sql: string): string => {
    let t = texts.get(sql);
    if (!t) {
      t = numberPlaceholders(sql);
      texts.set(sql, t);
    }
    return t;
  };
  return {
    dialect: 'postgres',
    async query(sql, params = []) {
      return (await pool.query(text(sql), params)).rows as Row[];
    },
    async run(sql, params = []) {
      return (await pool.query(text(sql), params)).rowCount ?? 0;
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async close() {
      await pool.end();
    },
  };
}
