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
 * The problems of an online answer to a closed wave (`closedProblems`) that is not a replay of a
 * submission already stored; none otherwise. The store recognises a replay only as it inserts,
 * so such an answer is looked up first, and one already there goes on to the insert, which
 * answers it as before (the same receipt, or the conflict of another response under its id): a
 * stored response never turns into an error because its wave closed since. Only an answer to a
 * closed wave is looked up in the store: an open one's wait for no read.
 */
export async function closedWaveProblems(payload: ResponsePayload, waves: readonly WaveRule[], now: Date, store: ResponseStore): Promise<ResponseProblemBody[]> {
  const closed = closedProblems(payload, waves, now);
  return closed.length && (await store.get(payload.submissionId)) === null ? closed : [];
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
  const closed = await closedWaveProblems(result.payload, context.waves, now, context.store);
  if (closed.length) return { status: 'refused', problems: closed };
  if (options.dryRun) return { status: 'checked', payload: result.payload };
  const outcome = await storeAccepted(result.payload, result.build, context.registry, context.store);
  return { payload: result.payload, ...outcome };
}
