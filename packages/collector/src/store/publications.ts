/**
 * Publications of results: a territory's token makes the results of one of its waves public,
 * or withdraws them. The table is an append-only log, one row per act (who, when, what was
 * published): the audit trail and the state at once, written in ONE statement per act so that
 * no crash can leave a publication without its audit line. The current state of a territory
 * and wave is its last row; the public route serves the document of a last row that
 * publishes, and nothing otherwise.
 */
import type { SqlDb, Row } from './sql.js';
import { territoryClause } from './sql.js';
// A results document's territory: one payloads name, or the network (`network:all`, decision 0018).
import type { TerritoryRef } from '@olva/analysis';

/** Tables of the publications (created by the store's `init`). */
export const PUBLICATIONS_SQL = `
CREATE TABLE IF NOT EXISTS olva_publications (
  territory_level TEXT NOT NULL,
  territory_code TEXT NOT NULL,
  wave TEXT NOT NULL,
  seq INTEGER NOT NULL,
  action TEXT NOT NULL,
  at TEXT NOT NULL,
  by_name TEXT NOT NULL,
  responses INTEGER,
  document TEXT,
  PRIMARY KEY (territory_level, territory_code, wave, seq)
);
`;

/** One act on a territory's results for a wave. */
export interface PublicationEvent {
  action: 'published' | 'withdrawn';
  /** RFC 3339 time of the act. */
  at: string;
  /** The name of the token that acted (from the configuration; never the token). */
  by: string;
  /** Responses in the published document; null for a withdrawal. */
  responses: number | null;
}

/** A document as a territory published it, for a wave, at a time. */
export interface PublishedSnapshot {
  wave: string;
  /** RFC 3339 time of the act. */
  at: string;
  /** The document's JSON text. */
  document: string;
}

/** The publications of results. */
export interface PublicationStore {
  /**
   * The number of acts on publications, every territory's and every wave's: a publication
   * checked beside the others as they were when this number was read (nested territories, in
   * its wave and in the previous wave it compares with) is published by `publishIfUnchanged`
   * only while it is the same.
   */
  acts(): Promise<number>;
  /**
   * Publishes (or publishes again, replacing) a document, only if the acts are still `acts`
   * (null otherwise, nothing written): such publications run one at a time. The only way to
   * publish: a document is always checked beside the others before it goes out.
   */
  publishIfUnchanged(territory: TerritoryRef, wave: string, by: string, document: string, responses: number, acts: number): Promise<PublicationEvent | null>;
  /** Withdraws a publication; null when nothing was published. */
  withdraw(territory: TerritoryRef, wave: string, by: string): Promise<PublicationEvent | null>;
  /** The published document's JSON text, or null when not published (never, or withdrawn). */
  published(territory: TerritoryRef, wave: string): Promise<string | null>;
  /**
   * The published documents of a territory, every wave (those whose last act publishes), by
   * wave: a publication nested with it is checked against each, since a document shows the
   * previous wave it compares with as well as its own.
   */
  publishedWaves(territory: TerritoryRef): Promise<Map<string, string>>;
  /**
   * The territories, among `among` (or every one), that have a current publication (a wave
   * whose last act publishes), of one of `waves` when given, in one read, by level then code:
   * a check beside the territories inside a region reads only those published, not each of
   * its thousand communes.
   */
  publishedTerritories(among: readonly TerritoryRef[] | 'all', waves?: readonly string[]): Promise<TerritoryRef[]>;
  /**
   * Every document a territory has published, every wave, oldest first: those replaced or
   * withdrawn since as well. Each has been public (and may be kept in a cache or an archive), so
   * a new one is checked beside them: their difference describes the responses that came in, were
   * set aside or erased in between.
   */
  snapshots(territory: TerritoryRef): Promise<PublishedSnapshot[]>;
  /** Every act on a territory and wave, oldest first. */
  history(territory: TerritoryRef, wave: string): Promise<PublicationEvent[]>;
}

const KEY = 'territory_level = ? AND territory_code = ? AND wave = ?';

/** The row `p` is the last act on its territory and wave: its current state. */
const LAST_ACT = 'p.seq = (SELECT MAX(seq) FROM olva_publications q WHERE q.territory_level = p.territory_level AND q.territory_code = p.territory_code AND q.wave = p.wave)';

/** Publications checked beside the others run one at a time (`publishIfUnchanged`). */
const PUBLICATIONS = { serialisedBy: 'olva_publications' };

function toEvent(row: Row): PublicationEvent {
  return {
    action: row.action === 'published' ? 'published' : 'withdrawn',
    at: String(row.at),
    by: String(row.by_name),
    responses: row.responses === null || row.responses === undefined ? null : Number(row.responses),
  };
}

/** `PublicationStore` over either SQL backend. */
export class SqlPublicationStore implements PublicationStore {
  constructor(private readonly db: SqlDb, private readonly now: () => Date = () => new Date()) {}

  async init(): Promise<void> {
    await this.db.exec(PUBLICATIONS_SQL);
  }

  /**
   * Appends a withdrawal with the next sequence number of its key, computed in the same
   * statement, only while the last act publishes, tested in that statement too (tested before
   * it, every one of many withdrawals at once passed the test, and each wrote its act).
   * Resolves with the time stored, or null when it found nothing published. A withdrawal racing
   * another act on PostgreSQL can take the same number: the primary key refuses the second,
   * which reads again (so a withdrawal then finds the first one's act) and takes the next
   * number. It is dated no earlier than the act before it (its time was read before those
   * rounds, or from a clock set back): the history read in order never goes back in time.
   */
  private async appendWithdrawal(territory: TerritoryRef, wave: string, event: PublicationEvent): Promise<string | null> {
    const key = [territory.level, territory.code, wave];
    for (let attempt = 0; ; attempt++) {
      try {
        const [written] = await this.db.query(
          `INSERT INTO olva_publications (territory_level, territory_code, wave, seq, action, at, by_name, responses, document)
           SELECT CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), last.seq + 1, 'withdrawn',
             CASE WHEN last.at > CAST(? AS TEXT) THEN last.at ELSE CAST(? AS TEXT) END, CAST(? AS TEXT), NULL, NULL
           FROM (SELECT COALESCE(MAX(seq), 0) AS seq, MAX(at) AS at FROM olva_publications WHERE ${KEY}) last
           WHERE (SELECT action FROM olva_publications WHERE ${KEY} ORDER BY seq DESC LIMIT 1) = 'published'
           RETURNING at`,
          [...key, event.at, event.at, event.by, ...key, ...key],
        );
        return written ? String(written.at) : null;
      } catch (error) {
        // Each refusal means another act got in first: a few racing acts end in a few rounds.
        if (attempt >= 20 || (error as { code?: string }).code !== '23505') throw error;
      }
    }
  }

  async acts(): Promise<number> {
    const [row] = await this.db.query('SELECT COUNT(*) AS n FROM olva_publications', []);
    return Number(row?.n ?? 0);
  }

  /**
   * One at a time (`PUBLICATIONS`, held from the test to the commit): two publications of a
   * commune and its EPCI at once each checked beside the other unpublished, and both went out,
   * their difference readable. The act takes the number after the last one read here; an act
   * since (any wave's: a document shows its previous wave too) makes the test fail, and a withdrawal racing it (not serialised) the
   * primary key refuse it: either way nothing is written and the caller checks again.
   */
  async publishIfUnchanged(territory: TerritoryRef, wave: string, by: string, document: string, responses: number, acts: number): Promise<PublicationEvent | null> {
    const key = [territory.level, territory.code, wave];
    const [last] = await this.db.query(`SELECT COALESCE(MAX(seq), 0) AS seq FROM olva_publications WHERE ${KEY}`, key);
    const seq = Number(last?.seq ?? 0) + 1;
    const at = this.now().toISOString();
    let written: number | undefined;
    try {
      [written] = await this.db.transaction([{
        sql: `INSERT INTO olva_publications (territory_level, territory_code, wave, seq, action, at, by_name, responses, document)
          SELECT CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS INTEGER), 'published',
            CASE WHEN last.at > CAST(? AS TEXT) THEN last.at ELSE CAST(? AS TEXT) END, CAST(? AS TEXT), CAST(? AS INTEGER), CAST(? AS TEXT)
          FROM (SELECT MAX(at) AS at FROM olva_publications WHERE ${KEY}) last
          WHERE (SELECT COUNT(*) FROM olva_publications) = CAST(? AS INTEGER)`,
        params: [...key, seq, at, at, by, responses, document, ...key, acts],
      }], PUBLICATIONS);
    } catch (error) {
      if ((error as { code?: string }).code === '23505') return null;
      throw error;
    }
    if (!written) return null;
    const [row] = await this.db.query(`SELECT at FROM olva_publications WHERE ${KEY} AND seq = ?`, [...key, seq]);
    return { action: 'published', at: String(row?.at ?? at), by, responses };
  }

  async withdraw(territory: TerritoryRef, wave: string, by: string): Promise<PublicationEvent | null> {
    const event: PublicationEvent = { action: 'withdrawn', at: this.now().toISOString(), by, responses: null };
    const at = await this.appendWithdrawal(territory, wave, event);
    return at === null ? null : { ...event, at };
  }

  async published(territory: TerritoryRef, wave: string): Promise<string | null> {
    const [last] = await this.db.query(`SELECT action, document FROM olva_publications WHERE ${KEY} ORDER BY seq DESC LIMIT 1`, [territory.level, territory.code, wave]);
    return last?.action === 'published' ? String(last.document) : null;
  }

  async publishedWaves(territory: TerritoryRef): Promise<Map<string, string>> {
    const rows = await this.db.query(
      `SELECT p.wave, p.action, p.document FROM olva_publications p
       WHERE p.territory_level = ? AND p.territory_code = ?
         AND ${LAST_ACT}
       ORDER BY p.wave`, [territory.level, territory.code]);
    return new Map(rows.filter((r) => r.action === 'published').map((r) => [String(r.wave), String(r.document)]));
  }

  async publishedTerritories(among: readonly TerritoryRef[] | 'all', waves?: readonly string[]): Promise<TerritoryRef[]> {
    if (among !== 'all' && !among.length) return [];
    const params: unknown[] = [];
    const clauses = [`p.action = 'published'`, LAST_ACT];
    if (among !== 'all') clauses.push(territoryClause(among, this.db, params));
    if (waves) {
      clauses.push(waves.length ? `p.wave IN (${waves.map(() => '?').join(', ')})` : '1 = 0');
      params.push(...waves);
    }
    const rows = await this.db.query(
      `SELECT DISTINCT p.territory_level, p.territory_code FROM olva_publications p WHERE ${clauses.join(' AND ')}
       ORDER BY p.territory_level, p.territory_code`, params);
    return rows.map((r) => ({ level: String(r.territory_level), code: String(r.territory_code) }) as TerritoryRef);
  }

  async snapshots(territory: TerritoryRef): Promise<PublishedSnapshot[]> {
    const rows = await this.db.query(
      `SELECT wave, at, document FROM olva_publications WHERE territory_level = ? AND territory_code = ? AND action = 'published' ORDER BY at, wave, seq`,
      [territory.level, territory.code]);
    return rows.map((r) => ({ wave: String(r.wave), at: String(r.at), document: String(r.document) }));
  }

  async history(territory: TerritoryRef, wave: string): Promise<PublicationEvent[]> {
    const rows = await this.db.query(`SELECT action, at, by_name, responses FROM olva_publications WHERE ${KEY} ORDER BY seq`, [territory.level, territory.code, wave]);
    return rows.map(toEvent);
  }
}
