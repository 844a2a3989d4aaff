/**
 * The storage contract of the collector. SQLite (embedded default) and PostgreSQL implement
 * it with one code path above it; the same test suite runs against both.
 */
import type { CompiledQuestionnaire, ResponsePayload, TerritoryLevel } from '@olva/schema';
import type { PublicationStore } from './publications.js';

/** A territory as payloads and scopes name it. */
export interface TerritoryRef {
  level: TerritoryLevel;
  code: string;
}

/** One stored response: the payload as received plus what the collector adds. No IP address. */
export interface StoredResponse {
  submissionId: string;
  /** RFC 3339 time the collector stored it. */
  receivedAt: string;
  /** The payload exactly as accepted (answers included). */
  payload: ResponsePayload;
  /** SHA-256 of the canonical JSON of the payload: tells an identical replay from a conflict. */
  digest: string;
}

/** What to read: every field narrows; absent means "any". */
export interface ResponseFilter {
  questionnaireId?: string;
  waves?: string[];
  /** Territories to read; `'all'` only for the national network's scope. */
  territories: TerritoryRef[] | 'all';
  extensionId?: string;
  /** Also read the responses a coordinator excluded as duplicates (skipped by default, so
   * that exports, statistics and results never count them). */
  includeExcluded?: boolean;
}

/** A response set aside as the duplicate of another (never deleted; undoable). */
export interface Exclusion {
  submissionId: string;
  /** The response kept in its place. */
  keptId: string;
  /** The name of the token that excluded it. */
  by: string;
  at: string;
}

/** One line of the audit trail of exclusions. */
export interface ExclusionEvent {
  action: 'exclude' | 'restore';
  submissionId: string;
  keptId: string | null;
  /** The token's name; for a response restored because the one kept was erased, `ERASURE_BY`
   * (sql-store.ts). */
  by: string;
  at: string;
}

/** Outcome of an insert. */
export type InsertOutcome =
  | { status: 'created'; receivedAt: string }
  | { status: 'replayed'; receivedAt: string }
  | { status: 'conflict' }
  /** The submissionId was erased or purged: it is remembered, and never stored again. */
  | { status: 'erased' };

/** One page of a listing: its responses, and the cursor of the next page when there is one. */
export interface ResponsePage {
  items: StoredResponse[];
  next?: string;
}

/** How `ResponseStore.stream` gets its snapshot slot when every one is taken. */
export interface StreamOptions {
  /**
   * Wait in line for a slot, up to `SNAPSHOTS_WAIT_MS`, the first to wait served first, rather
   * than be refused at once: for a reader that answers once it has read (a JSON route), not
   * a download. `signal` gives the place up (the reader's client gone).
   */
  wait?: { signal?: AbortSignal };
}

/** The storage of responses and of the questionnaire versions they were answered against. */
export interface ResponseStore {
  /** Creates tables if needed. */
  init(): Promise<void>;
  /** Stores a response durably (committed and synced before resolving); idempotent on
   * `submissionId` (which the caller gives in lower case, as it is digested), also under
   * concurrent identical inserts. `json` is the payload's text to
   * store when the caller already has it (the canonical JSON its digest was made from). */
  insert(payload: ResponsePayload, digest: string, json?: string): Promise<InsertOutcome>;
  /** A stored response; the submissionId in either case. */
  get(submissionId: string): Promise<StoredResponse | null>;
  /** A page of responses in (receivedAt, submissionId) order, after the given cursor. */
  list(filter: ResponseFilter, page: { after?: string; limit: number }): Promise<ResponsePage>;
  /** Every matching response in (receivedAt, submissionId) order, read in batches so memory
   * stays flat whatever the count. Throws `SnapshotsBusyError` at once, before anything is
   * read, when `limits.concurrentExports` streams are being read already; with `wait`, its
   * first read waits in line for a slot instead, and rejects with it when none came in time. A
   * stream gives its slot back when read to its end, stopped (`return`, even before its first
   * read), failed, or left unread for `SNAPSHOT_IDLE_MS`. */
  stream(filter: ResponseFilter, options?: StreamOptions): AsyncIterableIterator<StoredResponse>;
  count(filter: ResponseFilter): Promise<number>;
  /** Erasure on request (the submissionId in either case). True when a row was deleted. The submissionId is remembered (an
   * insert of it answers `erased`), and what the row held is overwritten on disk. */
  delete(submissionId: string): Promise<boolean>;
  /** True when the submissionId (either case) was erased or purged: it is remembered, and
   * never stored, excluded or restored again. */
  isErased(submissionId: string): Promise<boolean>;
  /** Deletes responses of a questionnaire received before `before`; returns how many. Their
   * submissionIds are remembered and their content overwritten, as `delete` does. */
  purge(questionnaireId: string, before: Date): Promise<number>;
  /** Removes the answers of the personal questions `questionIds` (values and `<id>_other` texts)
   * from the responses of a questionnaire received before `before`, keeping the rest of each
   * response (and its digest: a replay of the original payload is still recognised, never
   * stored again); returns how many responses lost answers (0 on a second run). A run starts
   * after the responses an earlier run of the same questions (or more) cleaned, received an hour
   * before it at least, in their order of insertion (no clock, even one set back, puts a
   * response behind them): a second run reads only what came in since. */
  purgePersonal(questionnaireId: string, before: Date, questionIds: readonly string[]): Promise<number>;
  /** Keeps a compiled questionnaire version (idempotent), so that a wave can be read back
   * with the codebook it was answered with. */
  saveQuestionnaire(compiled: CompiledQuestionnaire): Promise<void>;
  /** A kept version, by the ids and versions a payload names. */
  getQuestionnaire(questionnaire: { id: string; version: string }, extension: { id: string; version: string } | null): Promise<CompiledQuestionnaire | null>;
  /** Every kept version. */
  listQuestionnaires(): Promise<CompiledQuestionnaire[]>;
  /** Sets `submissionId` aside as a duplicate of `keptId`, by the token named `by`; false when
   * it is already excluded, or `keptId` is (tested in the same transaction: of two responses
   * each kept instead of the other at once, one is set aside), and when either was erased
   * (also tested there: an erasure takes the exclusions of what it erases). Both must be
   * stored (the caller checks). */
  exclude(submissionId: string, keptId: string, by: string): Promise<boolean>;
  /** Undoes an exclusion; false when the response was not excluded (an erased one never is). */
  restore(submissionId: string, by: string): Promise<boolean>;
  /** The responses currently excluded (the `excluded` set readers may skip by hand). */
  exclusions(): Promise<Exclusion[]>;
  /** The audit trail, oldest first: each change of `exclude` and `restore` is written with its
   * line in one transaction, so a response's lines follow the order its changes took effect,
   * even raced, and its last line says whether it is excluded now. */
  exclusionLog(): Promise<ExclusionEvent[]>;
  close(): Promise<void>;
  /** Publications of results (`store/publications.ts`), in the same database. */
  readonly publications: PublicationStore;
}
