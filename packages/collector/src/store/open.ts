/**
 * Chooses the backend from a database URL: `sqlite:<path>` (or a bare path) for the
 * embedded default, `postgres://…` / `postgresql://…` for production.
 */
import { openSqliteDb } from './sqlite.js';
import { openPostgresDb } from './postgres.js';
import { SqlResponseStore } from './sql-store.js';
import { isPostgresUrl, sqliteFileOf } from './database-url.js';

export { DatabaseUrlError, isPostgresUrl, maskUrl, sqliteFileOf } from './database-url.js';

/** Opens and initialises the store a URL names. */
export async function openStore(url: string): Promise<SqlResponseStore> {
  const store = new SqlResponseStore(openDb(url));
  try {
    await store.init();
  } catch (e) {
    await store.close().catch(() => {});
    throw e;
  }
  return store;
}

function openDb(url: string) {
  return isPostgresUrl(url) ? openPostgresDb(url) : openSqliteDb(sqliteFileOf(url));
}
