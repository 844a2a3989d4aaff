/**
 * The one implementation of `ResponseStore`, written over `SqlDb` so that SQLite and
 * PostgreSQL run the same statements. Idempotency rests on the primary key: the insert does
 * nothing on a known submissionId, and the stored digest then tells a replay from a conflict,
 * which stays true when identical inserts race. Erased submissionIds are kept in
 * `olva_erased`, and the insert skips them too.
 */
import { randomUUID } from 'node:crypto';
import { versionKeyOf, versionKeyString, withoutPersonalAnswers, type CompiledQuestionnaire, type ResponsePayload } from '@olva/schema';
import type { SqlDb, SqlStep, Row, RowCursor } from './sql.js';
import { SNAPSHOT_IDLE_MS, jsonTextList, schemaSql, territoryClause } from './sql.js';
import { migrate } from './migrations.js';
import { DEFAULT_CONCURRENT_SNAPSHOTS, SnapshotSlots, type SlotTimer, type SnapshotSlot } from './snapshot-slots.js';
import type { Exclusion, ExclusionEvent, InsertOutcome, ResponseFilter, ResponsePage, ResponseStore, StoredResponse, StreamOptions, TerritoryRef } from './types.js';
import { SqlPublicationStore } from './publications.js';
import { FACTS_WRITES } from './facts.js';

/** Thrown by `list` on a cursor this store did not make. */
export class InvalidCursorError extends Error {
  constructor() {
    super('invalid cursor: pass back the "next" value of the previous page unchanged');
    this.name = 'InvalidCursorError';
  }
}

/**
 * How long before now a response must have been received for a personal purge's mark to pass
 * it: far beyond the time between an insert dating a response and committing it.
 */
export const MARK_MARGIN_MS = 3_600_000;

/** Rows read per batch by `stream` and `purgePersonal`: keeps memory flat whatever the count. */
export const STREAM_BATCH = 1000;

const COLUMNS = 'submission_id, received_at, digest, payload';

/** A stored response from a row of its columns (`submission_id, received_at, digest, payload`). */
export function toStored(row: Row): StoredResponse {
  return {
    submissionId: String(row.submission_id),
    receivedAt: String(row.received_at),
    digest: String(row.digest),
    payload: JSON.parse(String(row.payload)) as ResponsePayload,
  };
}

function encodeCursor(r: StoredResponse): string {
  return Buffer.from(JSON.stringify([r.receivedAt, r.submissionId])).toString('base64url');
}

// What `encodeCursor` writes: a time stamp as `toISOString` makes it, and a stored submissionId.
const CURSOR_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const CURSOR_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function decodeCursor(cursor: string): [string, string] {
  try {
    // Only what this store makes goes into a query: anything else (U+0000 among others, which
    // PostgreSQL refuses with an error) is an invalid cursor.
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string'
      && CURSOR_TIME.test(v[0]) && CURSOR_ID.test(v[1])) return [v[0], v[1]];
  } catch { /* falls through to the error below */ }
  throw new InvalidCursorError();
}

/** Skips the responses set aside as duplicates (qualified: the cockpit joins other tables). */
const NOT_EXCLUDED = 'NOT EXISTS (SELECT 1 FROM olva_exclusions x WHERE x.submission_id = olva_responses.submission_id)';

/** The WHERE clause of a filter (exported for the cockpit's grouped reads of the same rows). */
export function whereOf(filter: ResponseFilter, db: SqlDb, after?: [string, string]): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filter.questionnaireId !== undefined) { clauses.push('questionnaire_id = ?'); params.push(filter.questionnaireId); }
  if (filter.extensionId !== undefined) { clauses.push('extension_id = ?'); params.push(filter.extensionId); }
  if (filter.waves && filter.waves.length > 0) {
    clauses.push(`wave IN (${filter.waves.map(() => '?').join(', ')})`);
    params.push(...filter.waves);
  }
  if (filter.territories !== 'all') clauses.push(territoryClause(filter.territories, db, params));
  if (!filter.includeExcluded) clauses.push(NOT_EXCLUDED);
  if (after) {
    // A row-value comparison lets SQLite and PostgreSQL seek the (received_at, submission_id)
    // index; the equivalent OR form made every page rescan the index from its start.
    clauses.push('(received_at, submission_id) > (?, ?)');
    params.push(after[0], after[1]);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** Rows written by one multi-row insert at most (13 parameters each). */
export const INSERT_BATCH = 256;

const INSERT_COLUMNS = `submission_id, received_at, questionnaire_id, questionnaire_version, extension_id,
  extension_version, territory_level, territory_code, wave, channel, source, digest, payload`;
const INSERT_ROW = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

/**
 * Inserts `rows` responses, skipping known and erased submissionIds (a VALUES list is named
 * column1, column2… in SQLite and PostgreSQL alike; column1 is the submissionId).
 */
function insertSql(rows: number): string {
  return `INSERT INTO olva_responses (${INSERT_COLUMNS})
    SELECT * FROM (VALUES ${Array.from({ length: rows }, () => INSERT_ROW).join(', ')}) AS v
    WHERE NOT EXISTS (SELECT 1 FROM olva_erased e WHERE e.submission_id = v.column1)
    ON CONFLICT (submission_id) DO NOTHING`;
}

// The batched insert for each row count (`INSERT_BATCH` at most), written once.
const batchInserts = new Map<number, string>();

/** `insertSql(rows)` returning the submissionIds it inserted. */
function batchInsertSql(rows: number): string {
  let sql = batchInserts.get(rows);
  if (sql === undefined) {
    sql = `${insertSql(rows)} RETURNING submission_id`;
    batchInserts.set(rows, sql);
  }
  return sql;
}

interface PendingInsert {
  payload: ResponsePayload;
  digest: string;
  json: string;
  resolve: (outcome: InsertOutcome) => void;
  reject: (error: unknown) => void;
}

function insertParams({ payload, digest, json }: PendingInsert, receivedAt: string): unknown[] {
  return [
    payload.submissionId, receivedAt, payload.questionnaire.id, payload.questionnaire.version,
    payload.extension?.id ?? null, payload.extension?.version ?? null,
    payload.territory.level, payload.territory.code, payload.wave, payload.channel,
    payload.source ?? null, digest, json,
  ];
}

/** Exclusions and restorations run one at a time (rare acts of people; see `exclude`). */
const EXCLUSION_ACTS = { serialisedBy: 'olva_exclusions' };

/** Erasures delete facts and exclusions: they wait for the fill and for exclusion acts. */
const ERASURES = { serialisedBy: [FACTS_WRITES.serialisedBy, EXCLUSION_ACTS.serialisedBy] };

/**
 * `by` of the audit line of a response restored because the response kept in its place was
 * erased (no token's act): French first, then English, as the cockpit shows it.
 */
export const ERASURE_BY = 'effacement de la réponse gardée / erasure of the kept response';

/**
 * The number and time of the log's last line, each read from its own index (a MAX apiece: the
 * two in one statement read the whole log, on every exclusion act and every erasure).
 */
const LAST_LINE = { seq: '(SELECT MAX(seq) FROM olva_exclusion_log)', at: '(SELECT MAX(at) FROM olva_exclusion_log)' };

/**
 * The audit line of an exclusion or its undoing, numbered after the last one and never dated
 * before it: `at` is read before the act waits for the one ahead of it (or from a clock set
 * back), and a log read in order must not go back in time. Time stamps are fixed-width UTC
 * text, so the greatest string is the latest time.
 */
function logExclusion(action: 'exclude' | 'restore', submissionId: string, keptId: string | null, by: string, at: string): SqlStep {
  return {
    sql: `INSERT INTO olva_exclusion_log (id, seq, at, action, submission_id, kept_id, by_name)
      SELECT ?, COALESCE(${LAST_LINE.seq}, 0) + 1, CASE WHEN ${LAST_LINE.at} > ? THEN ${LAST_LINE.at} ELSE ? END, ?, ?, ?, ?`,
    params: [randomUUID(), at, at, action, submissionId, keptId, by],
  };
}

/** `ResponseStore` over any `SqlDb`. */
export class SqlResponseStore implements ResponseStore {
  private readonly savedKeys = new Set<string>();
  private pendingInserts: PendingInsert[] = [];
  private insertTimer: NodeJS.Immediate | null = null;
  private readonly batchesInFlight = new Set<Promise<void>>();

  readonly publications: SqlPublicationStore;

  /** The snapshots being read (`stream`), bounded. */
  readonly snapshots: SnapshotSlots;

  /**
   * @param options.concurrentSnapshots streams read at once (`DEFAULT_CONCURRENT_SNAPSHOTS`)
   * @param options.idleTimer the timer giving an unread stream's slot back (tests)
   * @param options.waitTimer the timer ending a stream's wait in line for a slot (tests)
   */
  constructor(readonly db: SqlDb, private readonly now: () => Date = () => new Date(), options: { concurrentSnapshots?: number; idleTimer?: SlotTimer; waitTimer?: SlotTimer } = {}) {
    this.snapshots = new SnapshotSlots(options.concurrentSnapshots ?? DEFAULT_CONCURRENT_SNAPSHOTS, {
      idleMs: SNAPSHOT_IDLE_MS, ...(options.idleTimer ? { idleTimer: options.idleTimer } : {}), ...(options.waitTimer ? { waitTimer: options.waitTimer } : {}),
    });
    this.publications = new SqlPublicationStore(db, now);
  }

  async init(): Promise<void> {
    await migrate(this.db, this.now().toISOString());
    await this.db.exec(schemaSql(this.db.dialect));
    await this.publications.init();
    // Erasures made before they took exclusions with them left some behind.
    await this.db.transaction(this.forgetExclusions('SELECT submission_id FROM olva_erased', [], this.now().toISOString()), ERASURES);
  }

  /**
   * Responses are written in batches: the inserts asked for in one turn of the event loop go
   * to the database as ONE multi-row statement (one round trip, one commit, one fsync), which
   * is what lets PostgreSQL keep up under many concurrent submissions. Each caller still
   * gets the outcome sequential inserts would give: the statement inserts the first row of
   * each submissionId it holds and skips known ones, and every row it did not insert is read
   * back to tell a replay from a conflict. (Holding SQLite's inserts back while two statements
   * ran, to merge more of them, saved no CPU on a quiet machine and raised p99 by 10 ms.)
   */
  insert(payload: ResponsePayload, digest: string, json: string = JSON.stringify(payload)): Promise<InsertOutcome> {
    return new Promise<InsertOutcome>((resolve, reject) => {
      this.pendingInserts.push({ payload, digest, json, resolve, reject });
      if (this.pendingInserts.length >= INSERT_BATCH) this.flushInserts();
      else this.insertTimer ??= setImmediate(() => this.flushInserts());
    });
  }

  private flushInserts(): void {
    if (this.insertTimer) {
      clearImmediate(this.insertTimer);
      this.insertTimer = null;
    }
    const batch = this.pendingInserts;
    this.pendingInserts = [];
    if (!batch.length) return;
    const written = this.insertBatch(batch);
    this.batchesInFlight.add(written);
    void written.finally(() => this.batchesInFlight.delete(written));
  }

  private async insertBatch(batch: PendingInsert[]): Promise<void> {
    const receivedAt = this.now().toISOString();
    // The first of each submissionId goes into the statement; later ones in the batch act
    // as if they came after it.
    const firsts = new Map<string, PendingInsert>();
    for (const item of batch) if (!firsts.has(item.payload.submissionId)) firsts.set(item.payload.submissionId, item);
    const rowsToInsert = [...firsts.values()];
    let created: Set<string>;
    try {
      const rows = await this.db.query(batchInsertSql(rowsToInsert.length), rowsToInsert.flatMap((item) => insertParams(item, receivedAt)));
      created = new Set(rows.map((r) => String(r.submission_id)));
    } catch {
      // One bad row fails the whole statement: write them one by one, so that only it fails.
      created = new Set();
    }
    const followUps: Promise<void>[] = [];
    for (const item of batch) {
      if (firsts.get(item.payload.submissionId) === item && created.has(item.payload.submissionId)) {
        item.resolve({ status: 'created', receivedAt });
      } else {
        followUps.push(this.insertOne(item).then(item.resolve, item.reject));
      }
    }
    await Promise.all(followUps);
  }

  /**
   * One response on its own: inserted, or told apart from the stored one by its digest, or
   * refused as erased.
   */
  private async insertOne(item: PendingInsert): Promise<InsertOutcome> {
    // Two rounds at most: a row deleted between our insert and our read is inserted again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const rows = await this.db.query('SELECT digest, received_at FROM olva_responses WHERE submission_id = ?', [item.payload.submissionId]);
      const row = rows[0];
      if (row) return row.digest === item.digest ? { status: 'replayed', receivedAt: String(row.received_at) } : { status: 'conflict' };
      if (await this.isErased(item.payload.submissionId)) return { status: 'erased' };
      const receivedAt = this.now().toISOString();
      const changed = await this.db.run(insertSql(1), insertParams(item, receivedAt));
      if (changed === 1) return { status: 'created', receivedAt };
    }
    throw new Error(`could not store submission ${item.payload.submissionId}: it kept being deleted while stored`);
  }

  // submissionIds are stored in lower case (a UUID in upper case is the same id): `get` and
  // `delete` take either.
  async get(submissionId: string): Promise<StoredResponse | null> {
    const rows = await this.db.query(`SELECT ${COLUMNS} FROM olva_responses WHERE submission_id = ?`, [submissionId.toLowerCase()]);
    return rows[0] ? toStored(rows[0]) : null;
  }

  async list(filter: ResponseFilter, page: { after?: string; limit: number }): Promise<ResponsePage> {
    const limit = Math.max(1, Math.min(Math.floor(page.limit), 10_000));
    const { sql, params } = whereOf(filter, this.db, page.after ? decodeCursor(page.after) : undefined);
    const rows = await this.db.query(
      `SELECT ${COLUMNS} FROM olva_responses ${sql} ORDER BY received_at, submission_id LIMIT ?`,
      [...params, limit + 1],
    );
    const items = rows.slice(0, limit).map(toStored);
    return rows.length > limit ? { items, next: encodeCursor(items[items.length - 1]) } : { items };
  }

  /**
   * One read of the store (`SqlDb.snapshot`): a response stored, erased or set aside while a
   * long export streams is in it or not as it was when the export started, never half-way,
   * twice or missed. Every reader of the whole set (exports, sample statistics, results) reads
   * through here.
   */
  stream(filter: ResponseFilter, options: StreamOptions = {}): AsyncIterableIterator<StoredResponse> {
    const { sql, params } = whereOf(filter, this.db);
    // Opened on its first read, once it has its slot.
    const cursor = this.db.snapshot(`SELECT ${COLUMNS} FROM olva_responses ${sql} ORDER BY received_at, submission_id`, params, STREAM_BATCH);
    const onIdle = () => { cursor.close().catch(() => {}); };
    // Without `wait` the slot is taken now, so that a reader over the limit is refused before
    // an HTTP route has written a byte (`SnapshotsBusyError`, a 429).
    if (!options.wait) return this.reading(cursor, this.snapshots.take(onIdle));
    // In line: the first read waits for the slot. Stopped before it came, the reader leaves the line.
    const stopped = new AbortController();
    const signal = options.wait.signal ? AbortSignal.any([options.wait.signal, stopped.signal]) : stopped.signal;
    const slot = this.snapshots.wait(onIdle, signal);
    slot.catch(() => {});
    let rows: AsyncIterableIterator<StoredResponse> | undefined;
    const started = async () => (rows ??= this.reading(cursor, await slot));
    return {
      [Symbol.asyncIterator]() { return this; },
      next: async () => (await started()).next(),
      throw: async (error?: unknown) => (await started()).throw!(error),
      async return(value?: unknown) {
        stopped.abort();
        if (rows) return rows.return!(value);
        // Granted but never read: given back.
        await slot.then((s) => s.release(), () => {});
        return { done: true, value: value as undefined };
      },
    };
  }

  /** The reading of `cursor` with its slot: `return` gives the slot back even before the first read. */
  private reading(cursor: RowCursor, slot: SnapshotSlot): AsyncIterableIterator<StoredResponse> {
    const rows = this.read(cursor, slot);
    // A generator stopped before it started never runs its `finally` (a download closed
    // before its first row).
    return {
      [Symbol.asyncIterator]() { return this; },
      next: () => rows.next(),
      throw: (error?: unknown) => rows.throw(error),
      async return(value?: unknown) {
        slot.release();
        await cursor.close().catch(() => {});
        return rows.return(value as undefined);
      },
    };
  }

  /** The rows of `cursor`, its slot given back however the reading ends. */
  private async *read(cursor: RowCursor, slot: SnapshotSlot): AsyncGenerator<StoredResponse> {
    // The next batch is asked for before this one is handed out: the database (SQLite's
    // thread, or PostgreSQL) reads it while the caller formats this one. Two batches at most
    // are held, so memory stays flat.
    const read = () => {
      slot.touch();
      const batch = cursor.next();
      // A read that fails while the caller is still on the previous batch, or that a caller
      // stopping early (a closed download) leaves behind, must not be an unhandled rejection;
      // awaited below, its failure still reaches the caller.
      batch.catch(() => {});
      return batch;
    };
    try {
      let next: ReturnType<typeof read> | undefined = read();
      while (next) {
        const batch: Awaited<typeof next> = await next;
        next = batch.done ? undefined : read();
        for (const row of batch.rows) yield toStored(row);
      }
    } finally {
      slot.release();
      await cursor.close();
    }
  }

  async count(filter: ResponseFilter): Promise<number> {
    const { sql, params } = whereOf(filter, this.db);
    const rows = await this.db.query(`SELECT COUNT(*) AS n FROM olva_responses ${sql}`, params);
    return Number(rows[0]?.n ?? 0);
  }

  async delete(anyCase: string): Promise<boolean> {
    return (await this.erase('submission_id = ?', [anyCase.toLowerCase()])) > 0;
  }

  async isErased(submissionId: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 AS erased FROM olva_erased WHERE submission_id = ?', [submissionId.toLowerCase()])).length > 0;
  }

  purge(questionnaireId: string, before: Date): Promise<number> {
    return this.erase('questionnaire_id = ? AND received_at < ?', [questionnaireId, before.toISOString()]);
  }

  /**
   * Erases the responses `where` selects, in one transaction: their submissionIds are
   * remembered, and only rows remembered go. A response whose first insert commits while the
   * erasure runs (PostgreSQL reads each statement afresh) is not erased; deleted unremembered,
   * its replay would have been stored again after the erasure said it was gone.
   *
   * Their exclusions go with them, in the same transaction: an erased response set aside is no
   * longer set aside, and its lines leave the audit trail (they named it and nothing else). A
   * response set aside in favour of an erased one is restored, with a line by `ERASURE_BY`:
   * left aside, it was counted nowhere, its group of one shown nowhere to undo it. Lines that
   * named the erased response as the one kept keep their act, not the id.
   */
  private async erase(where: string, params: unknown[]): Promise<number> {
    // The erased responses `where` selects, as a list: for one erasure, a lookup by primary key
    // whose result each statement below seeks in its table's index of that column; for a purge
    // of many, a set each statement reads again (hashed, or looked up by index, as the planner
    // estimates `olva_erased`, filled in this same transaction).
    const gone = `SELECT submission_id FROM olva_responses WHERE ${where} AND submission_id IN (SELECT submission_id FROM olva_erased)`;
    const at = this.now().toISOString();
    // Serialised with the facts fill, which writes facts only for responses still stored, and
    // with exclusion acts, which refuse an erased response.
    const done = await this.db.transaction([
      { sql: `INSERT INTO olva_erased (submission_id, erased_at) SELECT submission_id, CAST(? AS TEXT) FROM olva_responses
        WHERE ${where} ON CONFLICT (submission_id) DO NOTHING`, params: [at, ...params] },
      { sql: `DELETE FROM olva_response_facts WHERE submission_id IN (SELECT submission_id FROM olva_responses WHERE ${where})`, params },
      ...this.forgetExclusions(gone, params, at),
      { sql: `DELETE FROM olva_responses WHERE ${where} AND submission_id IN (SELECT submission_id FROM olva_erased)`, params },
    ], ERASURES);
    const deleted = done.at(-1)!;
    if (deleted > 0) await this.db.scrub();
    return deleted;
  }

  /**
   * The steps taking the exclusions of the erased responses `gone` selects (with `params`)
   * out of the set and the log, and restoring, logged by `ERASURE_BY` at `at`, the responses
   * set aside for one of them (see `erase`).
   */
  private forgetExclusions(gone: string, params: unknown[], at: string): SqlStep[] {
    return [
      // Numbered and dated after the last line, as `logExclusion` does, one line per response.
      { sql: `INSERT INTO olva_exclusion_log (id, seq, at, action, submission_id, kept_id, by_name)
        SELECT x.submission_id || ':' || CAST(l.top + ROW_NUMBER() OVER (ORDER BY x.submission_id) AS TEXT),
          l.top + ROW_NUMBER() OVER (ORDER BY x.submission_id), CASE WHEN l.last > ? THEN l.last ELSE CAST(? AS TEXT) END,
          'restore', x.submission_id, NULL, CAST(? AS TEXT)
        FROM olva_exclusions x, (SELECT COALESCE(${LAST_LINE.seq}, 0) AS top, ${LAST_LINE.at} AS last) l
        WHERE x.kept_id IN (${gone}) AND x.submission_id NOT IN (${gone})`, params: [at, at, ERASURE_BY, ...params, ...params] },
      { sql: `UPDATE olva_exclusion_log SET kept_id = NULL WHERE kept_id IN (${gone})`, params },
      { sql: `DELETE FROM olva_exclusion_log WHERE submission_id IN (${gone})`, params },
      // One statement per column, each seeking its index: a test of both at once (OR) read
      // every exclusion on each erasure.
      { sql: `DELETE FROM olva_exclusions WHERE submission_id IN (${gone})`, params },
      { sql: `DELETE FROM olva_exclusions WHERE kept_id IN (${gone})`, params },
    ];
  }

  async purgePersonal(questionnaireId: string, before: Date, questionIds: readonly string[]): Promise<number> {
    if (!questionIds.length) return 0;
    const ids = new Set(questionIds);
    let changed = 0;
    // A run starts after the mark of the last one when that one took out every question this
    // one does (a version marking one more question personal makes a new list: every response is
    // read again). The mark is a place in the order of insertion (`seq`), not a time: a later
    // cut-off reads on from it, an earlier one finds nothing left before it, and a response a
    // clock set back dates before the responses already cleaned still comes after them.
    const [mark] = await this.db.query('SELECT questions, seq FROM olva_personal_purges WHERE questionnaire_id = ?', [questionnaireId]);
    const marked = mark && (JSON.parse(String(mark.questions)) as string[]);
    const start = marked && questionIds.every((q) => marked.includes(q)) ? Number(mark.seq) : 0;
    const cutOff = before.toISOString();
    // Only responses received MARK_MARGIN before now move the mark: one inserted just before
    // the run may commit after its read (an insert dates and numbers a response, then writes
    // it), and would otherwise sit behind the mark with its personal answers. A clock set back
    // since makes a response look more recent than it is, never older: the margin still holds.
    const settled = new Date(Math.min(before.getTime(), this.now().getTime() - MARK_MARGIN_MS)).toISOString();
    // Nor does the mark pass a response this run leaves as it is, received at or after the
    // cut-off (a later one takes it): the first such one after the mark stops it.
    let stop: number | null = null;
    let reached: number | null = null;
    let after = start;
    // Pages in the order of insertion from the mark, through the (questionnaire_id, seq,
    // received_at) index, which tests the cut-off without reading a row past it. Each page is
    // read, then its rows that still hold a personal answer are rewritten in one transaction (a
    // stop halfway leaves the rest for the next run). The cockpit's facts hold the name and
    // RNA number read from the payload: the same transaction deletes them and counts the
    // rewrite, so that a fill that read the old payloads writes nothing (store/facts.ts).
    for (;;) {
      const rows = await this.db.query(
        `SELECT seq, submission_id, received_at, payload FROM olva_responses WHERE questionnaire_id = ? AND seq > ? AND received_at < ?
         ORDER BY seq LIMIT ?`,
        [questionnaireId, after, cutOff, STREAM_BATCH],
      );
      const rewrites: unknown[] = [];
      const rewritten: string[] = [];
      for (const row of rows) {
        const submissionId = String(row.submission_id);
        const payload = JSON.parse(String(row.payload)) as ResponsePayload;
        const answers = withoutPersonalAnswers(payload.answers as Record<string, unknown>, ids);
        if (answers === payload.answers) continue;
        rewrites.push(submissionId, JSON.stringify({ ...payload, answers }), String(row.payload));
        rewritten.push(submissionId);
      }
      if (rewritten.length) {
        // The page's rewrites in one statement (one per row cost a round trip each), each only
        // over the payload read: another purge's rewrite since (other questions) is kept. A
        // VALUES list is named column1, column2… in both dialects.
        const [written = 0] = await this.db.transaction([
          { sql: `UPDATE olva_responses SET payload = v.column2 FROM (VALUES ${rewritten.map(() => '(?, ?, ?)').join(', ')}) AS v
            WHERE olva_responses.submission_id = v.column1 AND olva_responses.payload = v.column3`, params: rewrites },
          { sql: `DELETE FROM olva_response_facts WHERE submission_id IN (${jsonTextList(this.db.dialect)})`, params: [JSON.stringify(rewritten)] },
          { sql: 'UPDATE olva_payload_rewrites SET rewrites = rewrites + 1 WHERE id = 1' },
        ], FACTS_WRITES);
        changed += written;
        // A payload rewritten (or erased) since the read: the page is read again.
        if (written < rewritten.length) continue;
      }
      // Looked for once a page is read, until found: a response numbered below the page's was
      // inserted, and committed, before the page was read (SQLite numbers them as it commits
      // them; PostgreSQL's out of order are within the margin).
      if (stop === null) {
        const [first] = await this.db.query('SELECT MIN(seq) AS seq FROM olva_responses WHERE questionnaire_id = ? AND seq > ? AND received_at >= ?', [questionnaireId, start, cutOff]);
        if (first?.seq !== null && first?.seq !== undefined) stop = Number(first.seq);
      }
      for (const row of rows) {
        const seq = Number(row.seq);
        if (stop !== null && seq > stop) break;
        if (String(row.received_at) < settled) reached = seq;
      }
      if (rows.length < STREAM_BATCH) break;
      after = Number(rows[rows.length - 1]!.seq);
    }
    // Written once the whole run is through: a run stopped halfway leaves the mark where it was.
    if (reached !== null) {
      await this.db.run(
        `INSERT INTO olva_personal_purges (questionnaire_id, questions, seq) VALUES (?, ?, ?)
         ON CONFLICT (questionnaire_id) DO UPDATE SET questions = excluded.questions, seq = excluded.seq`,
        [questionnaireId, JSON.stringify([...ids].sort()), reached]);
    }
    if (changed > 0) await this.db.scrub();
    return changed;
  }

  async saveQuestionnaire(compiled: CompiledQuestionnaire): Promise<void> {
    const key = versionKeyString(versionKeyOf(compiled));
    if (this.savedKeys.has(key)) return;
    await this.db.run(
      `INSERT INTO olva_questionnaires (version_key, questionnaire_id, questionnaire_version, extension_id, extension_version, saved_at, compiled)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (version_key) DO NOTHING`,
      [key, compiled.questionnaire.id, compiled.questionnaire.version, compiled.extension?.id ?? null,
        compiled.extension?.version ?? null, this.now().toISOString(), JSON.stringify(compiled)],
    );
    this.savedKeys.add(key);
  }

  async getQuestionnaire(questionnaire: { id: string; version: string }, extension: { id: string; version: string } | null): Promise<CompiledQuestionnaire | null> {
    const rows = await this.db.query('SELECT compiled FROM olva_questionnaires WHERE version_key = ?', [versionKeyString({ questionnaire, extension })]);
    return rows[0] ? (JSON.parse(String(rows[0].compiled)) as CompiledQuestionnaire) : null;
  }

  async listQuestionnaires(): Promise<CompiledQuestionnaire[]> {
    const rows = await this.db.query('SELECT compiled FROM olva_questionnaires ORDER BY version_key');
    return rows.map((r) => JSON.parse(String(r.compiled)) as CompiledQuestionnaire);
  }

  // The change and its audit line are one transaction, and exclusion acts run one at a time:
  // the log lists a response's acts in the order they took effect and ends with its state, and
  // two responses each kept instead of the other at once are not both set aside.
  async exclude(submissionId: string, keptId: string, by: string): Promise<boolean> {
    const [id, kept] = [submissionId.toLowerCase(), keptId.toLowerCase()];
    const at = this.now().toISOString();
    const [added] = await this.db.transaction([
      { sql: `INSERT INTO olva_exclusions (submission_id, kept_id, excluded_by, excluded_at)
        SELECT CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT) WHERE NOT EXISTS (SELECT 1 FROM olva_exclusions WHERE submission_id = ?)
        AND NOT EXISTS (SELECT 1 FROM olva_erased WHERE submission_id IN (?, ?))
        ON CONFLICT (submission_id) DO NOTHING`, params: [id, kept, by, at, kept, id, kept], guard: true },
      logExclusion('exclude', id, kept, by, at),
    ], EXCLUSION_ACTS);
    return added! > 0;
  }

  async restore(submissionId: string, by: string): Promise<boolean> {
    const id = submissionId.toLowerCase();
    const [removed] = await this.db.transaction([
      { sql: 'DELETE FROM olva_exclusions WHERE submission_id = ?', params: [id], guard: true },
      logExclusion('restore', id, null, by, this.now().toISOString()),
    ], EXCLUSION_ACTS);
    return removed! > 0;
  }

  async exclusions(): Promise<Exclusion[]> {
    const rows = await this.db.query('SELECT submission_id, kept_id, excluded_by, excluded_at FROM olva_exclusions ORDER BY excluded_at, submission_id');
    return rows.map((r) => ({ submissionId: String(r.submission_id), keptId: String(r.kept_id), by: String(r.excluded_by), at: String(r.excluded_at) }));
  }

  async exclusionLog(): Promise<ExclusionEvent[]> {
    // `seq` orders events within one millisecond (an exclusion and its undo).
    const rows = await this.db.query('SELECT at, action, submission_id, kept_id, by_name FROM olva_exclusion_log ORDER BY seq, at, id');
    return rows.map((r) => ({
      action: r.action === 'restore' ? 'restore' : 'exclude', submissionId: String(r.submission_id),
      keptId: r.kept_id === null || r.kept_id === undefined ? null : String(r.kept_id), by: String(r.by_name), at: String(r.at),
    }));
  }

  async close(): Promise<void> {
    // Inserts already asked for are written (and answered) before the connection goes.
    this.flushInserts();
    await Promise.allSettled([...this.batchesInFlight]);
    await this.db.close();
  }
}
