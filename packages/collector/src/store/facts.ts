/**
 * The few facts of each response the cockpit groups and compares (its main sector, RNA
 * number, folded name and commune), read once from the payload into `olva_response_facts`.
 * Grouping 100,000 responses then takes one SQL statement over narrow rows instead of
 * parsing every payload at each request. The table fills lazily: each cockpit request first
 * adds the responses stored since the last one (and re-reads all when the configured sector
 * question changed). Erasure and purge delete a response's facts with it (sql-store.ts).
 */
import type { ResponsePayload } from '@olva/schema';
import { nameKey, rnaKey } from '../duplicates/normalise.js';
import type { SqlDb } from './sql.js';

/** The core questions the facts are read from (the sector question is configurable). */
export const NAME_QUESTION = 'nom_association';
export const RNA_QUESTION = 'numero_rna';
export const COMMUNE_QUESTION = 'commune_siege';

/** Responses read per round: 6 parameters each, far under both backends' limits. */
const BATCH = 1000;

/** The facts of one payload. */
export function factsOf(payload: ResponsePayload, sectorQuestion: string): { sector: string | null; rna: string | null; nameKey: string | null; commune: string | null } {
  const answers = (payload.answers ?? {}) as Record<string, unknown>;
  const sector = answers[sectorQuestion];
  const commune = answers[COMMUNE_QUESTION];
  return {
    sector: typeof sector === 'string' ? sector : null,
    rna: rnaKey(answers[RNA_QUESTION]),
    nameKey: nameKey(answers[NAME_QUESTION]),
    commune: typeof commune === 'string' ? commune : null,
  };
}

const inFlight = new WeakMap<SqlDb, Promise<number>>();

/**
 * Adds the facts of every response that has none (or has them for another sector question).
 * Resolves with how many were added. Concurrent calls on one database share one pass.
 */
export function refreshFacts(db: SqlDb, sectorQuestion: string): Promise<number> {
  const running = inFlight.get(db);
  if (running) return running.then(() => refreshFacts(db, sectorQuestion));
  const pass = fill(db, sectorQuestion).finally(() => inFlight.delete(db));
  inFlight.set(db, pass);
  return pass;
}

async function fill(db: SqlDb, sectorQuestion: string): Promise<number> {
  let added = 0;
  for (;;) {
    const rows = await db.query(
      `SELECT submission_id, payload FROM olva_responses WHERE NOT EXISTS (SELECT 1 FROM olva_response_facts f
       WHERE f.submission_id = olva_responses.submission_id AND f.sector_question = ?) LIMIT ?`,
      [sectorQuestion, BATCH],
    );
    if (!rows.length) return added;
    const params: unknown[] = [];
    for (const row of rows) {
      const f = factsOf(JSON.parse(String(row.payload)) as ResponsePayload, sectorQuestion);
      params.push(String(row.submission_id), sectorQuestion, f.sector, f.rna, f.nameKey, f.commune);
    }
    await db.run(
      `INSERT INTO olva_response_facts (submission_id, sector_question, sector, rna, name_key, commune)
       VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}
       ON CONFLICT (submission_id) DO UPDATE SET sector_question = excluded.sector_question, sector = excluded.sector,
       rna = excluded.rna, name_key = excluded.name_key, commune = excluded.commune`,
      params,
    );
    added += rows.length;
    if (rows.length < BATCH) return added;
  }
}
