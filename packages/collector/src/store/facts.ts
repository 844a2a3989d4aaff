/**
 * The facts of each response the cockpit groups and compares, read once from the payload
 * into `olva_response_facts`: the response's own columns (territory, wave, channel, source,
 * reception), and its main sector, RNA number, folded name and commune. The cockpit's
 * statements read this narrow table only, named `olva_responses` in their FROM clause, so
 * that the filter every read route uses (`whereOf`, exclusions included) applies as is, and
 * no statement reads the wide payload rows. The table fills lazily: each cockpit request
 * first adds the responses stored since the previous one (all of them again when the
 * configured sector question changed). Erasure and purge delete a response's facts with it
 * (sql-store.ts). The fill reads payloads, then writes their facts: the write is serialised
 * with erasures and payload rewrites (`FACTS_WRITES`), and writes nothing if a rewrite
 * committed since the read or the response is gone, so that a name or RNA number a
 * personal-data purge took out never comes back through facts read just before.
 */
import type { ResponsePayload } from '@olva/schema';
import { nameKey, rnaKey } from '../duplicates/normalise.js';
import type { SqlDb } from './sql.js';

/** The core questions the facts are read from (the sector question is configurable). */
export const NAME_QUESTION = 'nom_association';
export const RNA_QUESTION = 'numero_rna';
export const COMMUNE_QUESTION = 'commune_siege';

/**
 * Transactions that write facts, delete responses or rewrite payloads take this name: each
 * sees what the others committed, so a fill cannot write facts read before a purge after it.
 */
export const FACTS_WRITES = { serialisedBy: 'olva_response_facts' };

/** `FROM` clause of the cockpit's statements: the facts, under the name `whereOf` writes. */
export const FACTS_AS_RESPONSES = 'olva_response_facts AS olva_responses';

/** Responses read per round (14 parameters each, far under both backends' limits). */
const BATCH = 1000;

const COLUMNS = `submission_id, received_at, questionnaire_id, extension_id, territory_level, territory_code, wave, channel, source,
  sector_question, sector, rna, name_key, commune`;

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
/** The sector question every fact of a database was checked to be written for, in this process. */
const checked = new WeakMap<SqlDb, string>();

/**
 * True when every response has its facts for `sectorQuestion`: facts are a subset of the
 * responses (orphans are dropped), so equal counts say so, once the question was checked.
 * Two counts read indexes only: far cheaper than looking for missing ids row by row. They are
 * one statement, so one snapshot: counted apart on PostgreSQL, an erasure another process
 * committed between them made a response without facts look filled.
 */
async function complete(db: SqlDb, sectorQuestion: string): Promise<boolean> {
  const [counts] = await db.query(`SELECT (SELECT COUNT(*) FROM olva_responses) AS responses,
    (SELECT COUNT(*) FROM olva_response_facts) AS facts`);
  if (Number(counts?.responses) !== Number(counts?.facts)) return false;
  if (checked.get(db) === sectorQuestion) return true;
  const other = await db.query('SELECT 1 AS other FROM olva_response_facts WHERE sector_question <> ? LIMIT 1', [sectorQuestion]);
  if (other.length) return false;
  checked.set(db, sectorQuestion);
  return true;
}

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

/** Reception time up to which every response had its facts at the end of the last full pass. */
const watermark = new WeakMap<SqlDb, string>();
/** Responses stored in one batch commit together; a minute covers commits out of order. */
const MARGIN_MS = 60_000;

async function fill(db: SqlDb, sectorQuestion: string): Promise<number> {
  if (await complete(db, sectorQuestion)) return 0;
  let added = 0;
  // Usually only the responses stored since the last pass lack their facts: look there first,
  // through the (received_at, submission_id) index.
  const mark = watermark.get(db);
  if (mark && checked.get(db) === sectorQuestion) {
    const since = new Date(Date.parse(mark) - MARGIN_MS).toISOString();
    added += await addMissing(db, sectorQuestion, 'recent', since);
    if (await complete(db, sectorQuestion)) return added;
  }
  // Otherwise (first pass, another sector question, an erasure meanwhile): the whole key.
  const [top] = await db.query('SELECT MAX(received_at) AS top FROM olva_responses');
  added += await addMissing(db, sectorQuestion, 'all', '');
  await db.run(`DELETE FROM olva_response_facts WHERE NOT EXISTS (SELECT 1 FROM olva_responses r WHERE r.submission_id = olva_response_facts.submission_id)`);
  if (top?.top) watermark.set(db, String(top.top));
  return added;
}

/**
 * Adds the facts of the responses matching `range` (a seekable condition) that have none,
 * by pages of ids (indexes only), then their payloads.
 */
async function addMissing(db: SqlDb, sectorQuestion: string, range: 'recent' | 'all', from: string): Promise<number> {
  let added = 0;
  // Keyset pages along the index the range seeks: (received_at, submission_id) for the
  // recent responses, the primary key for all of them.
  let after: [string, string] = [from, ''];
  const seek = range === 'recent' ? '(received_at, submission_id) > (?, ?)' : 'submission_id > ? AND submission_id > ?';
  const order = range === 'recent' ? 'received_at, submission_id' : 'submission_id';
  for (;;) {
    const missing = await db.query(
      `SELECT submission_id, received_at FROM olva_responses WHERE ${seek} AND NOT EXISTS (SELECT 1 FROM olva_response_facts f
       WHERE f.submission_id = olva_responses.submission_id AND f.sector_question = ?) ORDER BY ${order} LIMIT ?`,
      [...after, sectorQuestion, BATCH],
    );
    if (!missing.length) return added;
    // The count of payload rewrites is read with the payloads (one statement, one snapshot).
    const rows = await db.query(
      `SELECT submission_id, received_at, payload, (SELECT rewrites FROM olva_payload_rewrites WHERE id = 1) AS rewrites
       FROM olva_responses WHERE submission_id IN (${missing.map(() => '?').join(', ')})`,
      missing.map((r) => r.submission_id),
    );
    if (rows.length) {
      const params: unknown[] = [];
      for (const row of rows) {
        const p = JSON.parse(String(row.payload)) as ResponsePayload;
        const f = factsOf(p, sectorQuestion);
        params.push(String(row.submission_id), String(row.received_at), p.questionnaire.id, p.extension?.id ?? null,
          p.territory.level, p.territory.code, p.wave, p.channel, p.source ?? null, sectorQuestion, f.sector, f.rna, f.nameKey, f.commune);
      }
      // Only for responses still stored, and only if no payload was rewritten since the read
      // (a VALUES list is named column1, column2… in both dialects; column1 is the id).
      const [written] = await db.transaction([{
        sql: `INSERT INTO olva_response_facts (${COLUMNS})
         SELECT * FROM (VALUES ${rows.map(() => `(${Array(14).fill('?').join(', ')})`).join(', ')}) AS v
         WHERE EXISTS (SELECT 1 FROM olva_payload_rewrites WHERE id = 1 AND rewrites = ?)
         AND EXISTS (SELECT 1 FROM olva_responses r WHERE r.submission_id = v.column1)
         ON CONFLICT (submission_id) DO UPDATE SET sector_question = excluded.sector_question, sector = excluded.sector,
         rna = excluded.rna, name_key = excluded.name_key, commune = excluded.commune`,
        params: [...params, Number(rows[0]!.rewrites)],
      }], FACTS_WRITES);
      // Nothing written: payloads were rewritten meanwhile (or erased), the page is read again.
      if (!written) continue;
      added += written;
    }
    const last = missing[missing.length - 1]!;
    after = range === 'recent' ? [String(last.received_at), String(last.submission_id)] : [String(last.submission_id), ''];
    if (missing.length < BATCH) return added;
  }
}
