/**
 * Chooses the backend from a database URL: `sqlite:<path>` (or a bare path) for the
 * embedded default, `postgres://…` / `postgresql://…` for production.
 */
import { openSqliteDb } from './sqlite.js';
import { openPostgresDb } from './postgres.js';
import { SqlResponseStore } from './sql-store.js';

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
  if (/^postgres(ql)?:\/\//.test(url)) return openPostgresDb(url);
  if (url.startsWith('sqlite:')) return openSqliteDb(url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, ''));
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) throw new Error(`unsupported database URL scheme in "${url.replace(/\/\/[^@/]*@/, '//***@')}": use sqlite:<path> or postgres://…`);
  return openSqliteDb(url);
}

/** The URL with any password masked, for logs and messages. */
export function maskUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]*:)[^@/]*@/, '$1***@');
}
