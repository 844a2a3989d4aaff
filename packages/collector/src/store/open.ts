/**
 * Chooses the backend from a database URL: `sqlite:<path>` (or a bare path) for the
 * embedded default, `postgres://…` / `postgresql://…` for production.
 */
import { existsSync } from 'node:fs';
import { openSqliteDb } from './sqlite.js';
import { openPostgresDb } from './postgres.js';
import { SqlResponseStore } from './sql-store.js';
import { isPostgresUrl, maskUrl, sqliteFileOf } from './database-url.js';
import { text, type Text } from '../messages.js';

export { DatabaseUrlError, isPostgresUrl, maskUrl, sqliteFileOf } from './database-url.js';

/**
 * Opens and initialises the store a URL names.
 * @param options.concurrentSnapshots streams read at once (`limits.concurrentExports`)
 * @param options.mustExist refuse an SQLite file that does not exist yet (error code
 *   `OLVA_NO_DATABASE`, said by {@link databaseErrorText}) instead of creating it empty: a command
 *   that only reads (`olva export`, `stats`, `analyse`, `purge`) given a wrong path would
 *   otherwise answer with nothing, and succeed.
 */
export async function openStore(url: string, options: { concurrentSnapshots?: number; mustExist?: boolean } = {}): Promise<SqlResponseStore> {
  if (options.mustExist && !isPostgresUrl(url)) {
    const file = sqliteFileOf(url);
    if (file !== ':memory:' && !existsSync(file)) throw Object.assign(new Error(`no SQLite database at ${file}`), { code: 'OLVA_NO_DATABASE' });
  }
  const store = new SqlResponseStore(openDb(url), undefined, options);
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

/**
 * Why a database could not be opened or read, in both languages, from SQLite's or PostgreSQL's
 * code (their own words are English: "unable to open database file", "connect ECONNREFUSED");
 * null for another error, which the caller says as it is.
 */
export function databaseErrorText(error: unknown, url: string): Text | null {
  const code = (error as { code?: unknown })?.code;
  const key = ({
    OLVA_NO_DATABASE: 'database-open.missing', SQLITE_CANTOPEN: 'database-open.cantopen', SQLITE_NOTADB: 'database-open.notadb', SQLITE_CORRUPT: 'database-open.corrupt',
    SQLITE_BUSY: 'database-open.busy', SQLITE_LOCKED: 'database-open.busy',
    ECONNREFUSED: 'database-open.refused', ENOTFOUND: 'database-open.host', EAI_AGAIN: 'database-open.host',
    '28P01': 'database-open.auth', '28000': 'database-open.auth', '3D000': 'database-open.no-database',
  } as const)[String(code)];
  return key ? text(key, { url: maskUrl(url) }) : null;
}

/** {@link databaseErrorText}, or the error's own message in both places when it has no words of its own. */
export function databaseErrorWords(error: unknown, url: string | undefined): Text {
  const message = error instanceof Error ? error.message : String(error);
  return (url === undefined ? null : databaseErrorText(error, url)) ?? { fr: message, en: message };
}
