/** Messages between the main thread and the SQLite thread (always sent in arrays). */
import type { Row, SqlStep } from './sql.js';

/** A request, numbered by the main thread. */
export type SqliteRequest =
  | { id: number; op: 'query' | 'run'; sql: string; params: unknown[] }
  | { id: number; op: 'exec'; sql: string }
  | { id: number; op: 'transaction'; steps: SqlStep[] }
  /** Opens a snapshot numbered by this request's id, answered with its first batch. */
  | { id: number; op: 'snapshot'; sql: string; params: unknown[]; batch: number }
  | { id: number; op: 'snapshot-next' | 'snapshot-close'; snapshot: number }
  | { id: number; op: 'scrub' }
  | { id: number; op: 'close' };

/** The answer to the request with the same id. */
export type SqliteReply =
  | { id: number; ok: true; result: Row[] | number | number[] | { rows: Row[]; done: boolean } | null }
  | { id: number; ok: false; error: { name: string; message: string; code?: string } };
