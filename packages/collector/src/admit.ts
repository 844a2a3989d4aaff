/**
 * Storing a response that intake accepted, and the whole way in for a caller without HTTP
 * (`olva import`): the same intake and the same insert as `POST /v1/responses`, so that a
 * response imported from a spreadsheet is checked and stored exactly as a posted one.
 */
import type { ResponsePayload } from '@olva/schema';
import type { ResponseProblemBody } from './http/errors.js';
import { intake } from './intake.js';
import type { BuildRegistry, LoadedBuild } from './questionnaires.js';
import { canonicalPayload } from './store/canonical.js';
import type { InsertOutcome, ResponseStore } from './store/types.js';
import type { TerritoryDirectory } from './territories.js';
import { closedProblems, type WaveRule } from './waves.js';

/**
 * Stores a payload that intake accepted: its version kept first (so that a wave can be read
 * back with its codebook), its submissionId in lower case (a UUID names one submission
 * whatever its case), then the idempotent insert of its canonical JSON.
 */
export async function storeAccepted(payload: ResponsePayload, build: LoadedBuild, registry: BuildRegistry, store: ResponseStore): Promise<InsertOutcome> {
  // The version is kept before its first response; then nothing to wait for.
  const keeping = registry.keep(build);
  if (keeping !== null) await keeping;
  payload.submissionId = payload.submissionId.toLowerCase();
  const { json, digest } = canonicalPayload(payload);
  return store.insert(payload, digest, json);
}

/**
 * True when an online answer that a closed wave refuses (`closedProblems`) is not a replay of a
 * submission already stored: the store recognises a replay only as it inserts, so such an answer
 * is looked up first, and one already there goes on to the insert, which answers it as before
 * (the same receipt, or the conflict of another response under its id). A stored response never
 * turns into an error because its wave closed since. Asked only when the wave is closed: an open
 * one's answers wait for nothing more.
 */
export async function newToClosedWave(payload: ResponsePayload, store: ResponseStore): Promise<boolean> {
  return (await store.get(payload.submissionId)) === null;
}

/** What became of a response offered to `admit`. */
export type Admission =
  | { status: 'refused'; problems: ResponseProblemBody[] }
  /** Accepted by intake, not stored (`dryRun`). */
  | { status: 'checked'; payload: ResponsePayload }
  | ({ payload: ResponsePayload } & InsertOutcome);

/** What `admit` reads: a collector's parts. */
export interface AdmitContext {
  registry: BuildRegistry;
  territories: TerritoryDirectory;
  store: ResponseStore;
  waves: readonly WaveRule[];
}

/**
 * Checks a response by the collector's intake and stores it when accepted (unless `dryRun`).
 * Never throws on bad input; a store failure rejects.
 */
export async function admit(body: unknown, context: AdmitContext, options: { dryRun?: boolean; now?: Date } = {}): Promise<Admission> {
  const now = options.now ?? new Date();
  const result = intake(body, context.registry, context.territories, now, context.waves);
  if (!result.ok) return { status: 'refused', problems: result.problems };
  const closed = closedProblems(result.payload, context.waves, now);
  if (closed.length && await newToClosedWave(result.payload, context.store)) return { status: 'refused', problems: closed };
  if (options.dryRun) return { status: 'checked', payload: result.payload };
  const outcome = await storeAccepted(result.payload, result.build, context.registry, context.store);
  return { payload: result.payload, ...outcome };
}
