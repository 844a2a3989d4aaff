/**
 * Reading a database URL: `sqlite:<path>` (or a bare path) for the embedded default,
 * `postgres://…` / `postgresql://…` for production. No driver imported, so that the
 * configuration's loader reads URLs without loading one.
 */
import { text, type Text } from '../messages.js';

/** A database URL olva cannot open, said in both languages (`olva export --database ftp://…`). */
export class DatabaseUrlError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
    this.name = 'DatabaseUrlError';
  }
}

/** True when the URL names a PostgreSQL database. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/** The URL with any password masked, for logs and messages. */
export function maskUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]*:)[^@/]*@/, '$1***@');
}

/**
 * The SQLite file a database URL names (`sqlite:<path>`, `sqlite:///abs/path` or a bare path;
 * `:memory:` for a throwaway database).
 * @throws Error for a PostgreSQL URL; DatabaseUrlError for any other scheme.
 */
export function sqliteFileOf(url: string): string {
  if (url.startsWith('sqlite:')) return url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
  if (isPostgresUrl(url)) throw new Error(`"${maskUrl(url)}" names a PostgreSQL database, not an SQLite file`);
  if (otherScheme(url)) throw new DatabaseUrlError(text('database-url', { url: maskUrl(url) }));
  return url;
}

/** True when the URL names an SQLite file: `sqlite:…`, or a path (no other `scheme://`). */
export function isSqliteUrl(url: string): boolean {
  return url.startsWith('sqlite:') || (!isPostgresUrl(url) && !otherScheme(url));
}

function otherScheme(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(url);
}
