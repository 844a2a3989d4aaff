/**
 * The little SQL both backends share. Statements are written once with `?` placeholders;
 * the PostgreSQL driver numbers them. Only portable SQL is used (INSERT … ON CONFLICT DO
 * NOTHING, keyset pagination over TEXT timestamps), so one code path serves both.
 */
import { TERRITORY_LEVELS } from '@olva/schema';
import { NETWORK_TERRITORY, type TerritoryRef } from '@olva/analysis';

/** A row as the drivers return it. */
export type Row = Record<string, unknown>;

/** The minimal database connection the SQL store needs. */
export interface SqlDb {
  /** `sqlite` or `postgres`: for messages and tests, and `jsonTextList`, the one statement
   * part the two write differently. */
  readonly dialect: 'sqlite' | 'postgres';
  /** Runs a statement that returns rows. */
  query(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a statement; resolves with the number of rows it changed once committed durably. */
  run(sql: string, params?: unknown[]): Promise<number>;
  /**
   * Runs `steps` in order as ONE transaction: what it changed is committed together, durably
   * (as `run`'s writes: on disk before it resolves), or not at all. Concurrent writes of the
   * same rows wait for it, or it for them, so two transactions on one row take effect one
   * after the other, each seeing what the other committed. A step marked `guard` that changes
   * no row ends the transaction there: the steps after it do not run, and what ran before it
   * is committed. Resolves with the rows each step that ran changed; a failing step rolls the
   * whole transaction back and rejects with its error.
   *
   * Transactions given the same `serialisedBy` name run one after the other, never together,
   * so a step's test of another row (an exclusion's kept response) cannot pass in two at once.
   * Several names: the transaction waits for every one of them (an erasure deletes facts and
   * exclusions alike).
   *
   * For the store's rare acts written in several statements (an exclusion and its audit line,
   * an erasure): the response intake never goes through it.
   */
  transaction(steps: SqlStep[], options?: { serialisedBy?: string | readonly string[] }): Promise<number[]>;
  /**
   * The rows of one SELECT, `batch` at a time, all from ONE snapshot of the database taken
   * when the first batch is read: what commits after that (an insert, an erasure, an exclusion)
   * is not seen, and nothing is seen twice, however long the reading takes. Writers go on
   * meanwhile. SQLite reads on a connection of its own (WAL: a reader never takes the write
   * lock); PostgreSQL in a REPEATABLE READ READ ONLY transaction on a client of its own, outside
   * the pool. Until closed, SQLite cannot reset its write-ahead log past it nor PostgreSQL
   * vacuum past it: the store closes one left unread for `SNAPSHOT_IDLE_MS` (`SnapshotSlots`,
   * for both), and PostgreSQL's server also ends its session after that long without a read
   * (a process hung or killed never closes it). The next read of a closed snapshot fails.
   */
  snapshot(sql: string, params: unknown[], batch: number): RowCursor;
  /** Runs several statements (schema creation), without parameters. */
  exec(sql: string): Promise<void>;
  /**
   * Once rows were deleted, takes what they held out of the files the database keeps beside
   * its tables (SQLite: checkpoints the write-ahead log and truncates it). PostgreSQL has
   * nothing to do here: its VACUUM reclaims the space (see the package README).
   */
  scrub(): Promise<void>;
  close(): Promise<void>;
}

/** The reading of one statement from a snapshot (`SqlDb.snapshot`). */
export interface RowCursor {
  /** The next batch (reads one at a time); `done` once the last one is given. */
  next(): Promise<{ rows: Row[]; done: boolean }>;
  /** Lets the snapshot go (after the last batch, or to stop early); safe to call twice. */
  close(): Promise<void>;
}

/**
 * How long a snapshot may wait for its next read before it is given up (by the store's slot
 * timer, and by PostgreSQL's server): an export whose client stopped reading must not hold
 * the write-ahead log's reset (SQLite) or vacuum (PostgreSQL) back for ever. A client that
 * pauses longer than this loses its download.
 */
export const SNAPSHOT_IDLE_MS = 10 * 60_000;

/** One statement of `SqlDb.transaction`. */
export interface SqlStep {
  /** A statement that returns no rows, with `?` placeholders. */
  sql: string;
  /** Its values, in placeholder order. */
  params?: unknown[];
  /** The steps after this one run only if it changed a row (the audit line of a change made). */
  guard?: boolean;
}

/**
 * A subquery of the strings of a JSON array passed as one `?` parameter: a list of values
 * of any length in a statement of one shape (the two dialects spell it differently).
 */
export function jsonTextList(dialect: SqlDb['dialect']): string {
  return dialect === 'postgres' ? 'SELECT jsonb_array_elements_text(CAST(? AS jsonb))' : 'SELECT value FROM json_each(?)';
}

/**
 * Territory levels in a fixed order, so that a filter's statement has one of a few shapes; the
 * network's last, which only publications name (decision 0018).
 */
const LEVELS = [...TERRITORY_LEVELS, NETWORK_TERRITORY.level];

/**
 * The territory clause: one `(level, codes)` test per level present, the codes passed as ONE
 * JSON array parameter. A scope covers every territory inside it (a region, thousands of
 * communes): one placeholder per code would make as many statement shapes as scopes, and
 * overflow the parameter limit.
 */
export function territoryClause(territories: readonly TerritoryRef[], db: SqlDb, params: unknown[]): string {
  const byLevel = new Map<string, string[]>();
  for (const t of territories) {
    const codes = byLevel.get(t.level) ?? [];
    codes.push(t.code);
    byLevel.set(t.level, codes);
  }
  const tests = LEVELS.filter((l) => byLevel.has(l)).map((level) => {
    params.push(level, JSON.stringify(byLevel.get(level)));
    return `(territory_level = ? AND territory_code IN (${jsonTextList(db.dialect)}))`;
  });
  return tests.length ? `(${tests.join(' OR ')})` : '1 = 0';
}

/** The columns of `olva_responses` besides its submissionId and its order of insertion. */
const RESPONSE_COLUMNS = `
  received_at TEXT NOT NULL,
  questionnaire_id TEXT NOT NULL,
  questionnaire_version TEXT NOT NULL,
  extension_id TEXT,
  extension_version TEXT,
  territory_level TEXT NOT NULL,
  territory_code TEXT NOT NULL,
  wave TEXT NOT NULL,
  channel TEXT NOT NULL,
  source TEXT,
  digest TEXT NOT NULL,
  payload TEXT NOT NULL`;

/**
 * The statement creating the table of responses under `name` (`olva_responses`, or the copy an
 * SQLite migration fills: see migrations.ts). `seq` is the order of insertion, the place a
 * personal purge's mark keeps (`SqlResponseStore.purgePersonal`): numbered by the database
 * itself as rows are inserted, so that no clock moves it. SQLite's AUTOINCREMENT never gives a
 * number twice, not even that of the last row deleted (a bare rowid would, and VACUUM may
 * renumber rowids); PostgreSQL's identity column draws from a sequence. On PostgreSQL `seq`
 * comes last, where adding it to an earlier table put it.
 */
export function responsesTableSql(dialect: SqlDb['dialect'], name: string): string {
  return dialect === 'postgres'
    ? `CREATE TABLE IF NOT EXISTS ${name} (\n  submission_id TEXT PRIMARY KEY,${RESPONSE_COLUMNS},\n  seq BIGINT GENERATED BY DEFAULT AS IDENTITY\n);`
    : `CREATE TABLE IF NOT EXISTS ${name} (\n  seq INTEGER PRIMARY KEY AUTOINCREMENT,\n  submission_id TEXT NOT NULL UNIQUE,${RESPONSE_COLUMNS}\n);`;
}

/** Tables and indexes; TEXT for time stamps (RFC 3339 in UTC, fixed width, so order = time). */
export function schemaSql(dialect: SqlDb['dialect']): string {
  return `${responsesTableSql(dialect, 'olva_responses')}\n${SCHEMA_REST}`;
}

const SCHEMA_REST = `
CREATE INDEX IF NOT EXISTS olva_responses_order ON olva_responses (received_at, submission_id);
CREATE INDEX IF NOT EXISTS olva_responses_scope ON olva_responses (territory_level, territory_code, received_at);
CREATE INDEX IF NOT EXISTS olva_responses_questionnaire ON olva_responses (questionnaire_id, wave);
CREATE TABLE IF NOT EXISTS olva_erased (
  submission_id TEXT PRIMARY KEY,
  erased_at TEXT NOT NULL
);
-- Exports read one questionnaire page by page in (received_at, submission_id) order: without
-- this index SQLite sorted every matching row, payloads included, for each page of 1,000.
CREATE INDEX IF NOT EXISTS olva_responses_questionnaire_order ON olva_responses (questionnaire_id, received_at, submission_id);
CREATE TABLE IF NOT EXISTS olva_questionnaires (
  version_key TEXT PRIMARY KEY,
  questionnaire_id TEXT NOT NULL,
  questionnaire_version TEXT NOT NULL,
  extension_id TEXT,
  extension_version TEXT,
  saved_at TEXT NOT NULL,
  compiled TEXT NOT NULL
);
-- Duplicates set aside by a coordinator (never deleted): reads skip them unless asked.
CREATE TABLE IF NOT EXISTS olva_exclusions (
  submission_id TEXT PRIMARY KEY,
  kept_id TEXT NOT NULL,
  excluded_by TEXT NOT NULL,
  excluded_at TEXT NOT NULL
);
-- The audit trail of exclusions and their undoing: who (a token's name), when, what.
CREATE TABLE IF NOT EXISTS olva_exclusion_log (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  at TEXT NOT NULL,
  action TEXT NOT NULL,
  submission_id TEXT NOT NULL,
  kept_id TEXT,
  by_name TEXT NOT NULL
);
-- An erasure takes the exclusions and log lines naming the response with it (sql-store.ts,
-- erase): without these, each erasure read both tables whole, four times.
CREATE INDEX IF NOT EXISTS olva_exclusions_kept ON olva_exclusions (kept_id);
CREATE INDEX IF NOT EXISTS olva_exclusion_log_response ON olva_exclusion_log (submission_id);
CREATE INDEX IF NOT EXISTS olva_exclusion_log_kept ON olva_exclusion_log (kept_id);
-- Each new line is numbered and dated after the last one (MAX(seq), MAX(at)): read by index.
CREATE INDEX IF NOT EXISTS olva_exclusion_log_seq ON olva_exclusion_log (seq);
CREATE INDEX IF NOT EXISTS olva_exclusion_log_at ON olva_exclusion_log (at);
-- What the cockpit groups and compares, read once from each payload (see store/facts.ts): the
-- response's own columns again (so that grouping never reads the wide payload rows), plus
-- its main sector, RNA number, folded name and commune.
CREATE TABLE IF NOT EXISTS olva_response_facts (
  submission_id TEXT PRIMARY KEY,
  received_at TEXT NOT NULL,
  questionnaire_id TEXT NOT NULL,
  extension_id TEXT,
  territory_level TEXT NOT NULL,
  territory_code TEXT NOT NULL,
  wave TEXT NOT NULL,
  channel TEXT NOT NULL,
  source TEXT,
  sector_question TEXT NOT NULL,
  sector TEXT,
  rna TEXT,
  name_key TEXT,
  commune TEXT
);
-- Covers the cockpit's grouped reads: they walk it without touching the table.
CREATE INDEX IF NOT EXISTS olva_response_facts_groups ON olva_response_facts (wave, territory_level, territory_code, sector, received_at, channel, source);
-- How many times stored payloads were rewritten (a personal-data purge), in one row: the
-- facts fill writes what it read only if no rewrite came in between (see store/facts.ts).
CREATE TABLE IF NOT EXISTS olva_payload_rewrites (
  id INTEGER PRIMARY KEY,
  rewrites INTEGER NOT NULL
);
INSERT INTO olva_payload_rewrites (id, rewrites) VALUES (1, 0) ON CONFLICT (id) DO NOTHING;
-- Where the last personal purge of each questionnaire stopped: every response of it inserted at
-- or before \`seq\` holds no answer to the questions listed (a JSON array), so that the next run
-- of the same questions, or of some of them, starts after it (sql-store.ts). The purge walks
-- the responses after it by this index, testing the reception time without reading the rows.
CREATE TABLE IF NOT EXISTS olva_personal_purges (
  questionnaire_id TEXT PRIMARY KEY,
  questions TEXT NOT NULL,
  seq BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS olva_responses_questionnaire_seq ON olva_responses (questionnaire_id, seq, received_at);
`;
