/**
 * The cockpit's reads: grouped counts over the facts of each response (store/facts.ts),
 * one statement per view, on SQLite and PostgreSQL alike. The
 * filter is the one every read route uses (territories of the token's scope, waves), so
 * duplicates set aside are skipped here too.
 */
import type { SqlDb } from '../../store/sql.js';
import { whereOf } from '../../store/sql-store.js';
import { FACTS_AS_RESPONSES } from '../../store/facts.js';
import type { ResponseFilter, TerritoryRef } from '../../store/types.js';

/** One group of responses of a territory view. */
export interface DayGroup {
  /** UTC day of reception, YYYY-MM-DD. */
  day: string;
  channel: string;
  source: string | null;
  sector: string | null;
  count: number;
  last: string;
}

/** One group of responses of the network view. */
export interface TerritoryGroup {
  territory: TerritoryRef;
  sector: string | null;
  paper: number;
  count: number;
  last: string;
}

const FROM = `FROM ${FACTS_AS_RESPONSES}`;
const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/**
 * The filter's WHERE clause. When no response is set aside, the exclusion test is left out:
 * the same rows, without one lookup per row.
 */
async function where(db: SqlDb, filter: ResponseFilter): Promise<{ sql: string; params: unknown[] }> {
  const none = !filter.includeExcluded && (await db.query('SELECT 1 AS one FROM olva_exclusions LIMIT 1')).length === 0;
  return whereOf(none ? { ...filter, includeExcluded: true } : filter, db);
}

/** Responses of a territory view, grouped by day, channel, source and sector. */
export async function dayGroups(db: SqlDb, filter: ResponseFilter): Promise<DayGroup[]> {
  const { sql, params } = await where(db, filter);
  const rows = await db.query(
    `SELECT substr(received_at, 1, 10) AS day, channel, source, sector, COUNT(*) AS n, MAX(received_at) AS last
     ${FROM} ${sql} GROUP BY substr(received_at, 1, 10), channel, source, sector`,
    params,
  );
  return rows.map((r) => ({ day: String(r.day), channel: String(r.channel), source: text(r.source), sector: text(r.sector), count: Number(r.n), last: String(r.last) }));
}

/** Responses of the network view, grouped by territory and sector. */
export async function territoryGroups(db: SqlDb, filter: ResponseFilter): Promise<TerritoryGroup[]> {
  const { sql, params } = await where(db, filter);
  const rows = await db.query(
    `SELECT territory_level, territory_code, sector, COUNT(*) AS n, MAX(received_at) AS last,
       SUM(CASE WHEN channel = 'paper' THEN 1 ELSE 0 END) AS paper
     ${FROM} ${sql} GROUP BY territory_level, territory_code, sector`,
    params,
  );
  return rows.map((r) => ({
    territory: { level: String(r.territory_level) as TerritoryRef['level'], code: String(r.territory_code) },
    sector: text(r.sector), count: Number(r.n), last: String(r.last), paper: Number(r.paper),
  }));
}

/**
 * The waves that have responses in the filter's territories, newest first. One index seek per
 * wave (the next wave after the previous one), instead of reading every response.
 */
export async function wavesOf(db: SqlDb, filter: ResponseFilter): Promise<string[]> {
  const { sql, params } = await where(db, { ...filter, waves: undefined });
  const out: string[] = [];
  for (let after = ''; out.length < 1000;) {
    const rows = await db.query(`SELECT MIN(wave) AS wave ${FROM} ${sql ? `${sql} AND` : 'WHERE'} wave > ?`, [...params, after]);
    const wave = rows[0]?.wave;
    if (wave === null || wave === undefined) break;
    after = String(wave);
    out.push(after);
  }
  return out.sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
}
