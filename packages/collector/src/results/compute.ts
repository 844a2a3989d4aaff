/**
 * Results computed from the store with `@olva/analysis`: the responses are streamed from the
 * database into the aggregation, which keeps counters, never the responses. Every figure it
 * returns is protected by the disclosure rules (see the analysis README).
 */
import { AnalysisError, aggregateResponses, analyseResponses, groupNames, notesOf, withoutExpected, type DisclosureRules, type HiddenCounts, type ResultsDocument, type TerritoryRef as ResultsTerritory, type Within } from '@olva/analysis';
import { keyFigureClassesFor } from '@olva/core-questionnaire';
import { sameTerritory, type ResponsePayload } from '@olva/schema';
import { HttpError } from '../http/errors.js';
import { text } from '../messages.js';
import type { QuestionnaireRegistry } from '../questionnaire-registry.js';
import type { ResponseFilter, ResponseStore, TerritoryRef } from '../store/types.js';
import type { StatsConfig } from '../stats/expected.js';
import type { Comparisons } from './comparisons.js';

/** The questionnaire results are computed for when a request names none: the common core. */
export const DEFAULT_RESULTS_QUESTIONNAIRE = 'olva-core';

async function* payloadsOf(store: ResponseStore, filter: ResponseFilter): AsyncIterable<ResponsePayload> {
  for await (const r of store.stream(filter)) yield r.payload;
}

/**
 * The results document of the responses a filter selects, against every version of its
 * questionnaire the collector knows. Answers the analysis cannot read (a question whose type
 * changed between versions) are a 409 with the analysis' message, never a 500.
 * @param rules the configuration's disclosure thresholds (`disclosure`); the defaults otherwise.
 */
export async function computeResults(store: ResponseStore, registry: QuestionnaireRegistry, filter: ResponseFilter & { questionnaireId: string }, rules?: DisclosureRules): Promise<ResultsDocument> {
  const compiled = await versionsOf(registry, filter.questionnaireId);
  try {
    return await aggregateResponses(payloadsOf(store, filter), { compiled, ...(rules ? { rules } : {}) });
  } catch (error) {
    throw analysisFailed(error);
  }
}

async function versionsOf(registry: QuestionnaireRegistry, questionnaireId: string) {
  return (await registry.all()).filter((c) => c.questionnaire.id === questionnaireId);
}

/** A 409 with the analysis' pointer and rule for its errors; anything else as it is. */
function analysisFailed(error: unknown): unknown {
  if (!(error instanceof AnalysisError)) return error;
  // A query the analysis cannot answer as asked (a previous wave newer than the wave): the asker's mistake.
  if (error.text && error.byAsker) return new HttpError(400, 'bad-request', error.text, {}, [{ pointer: error.pointer, code: error.rule, message: error.text }]);
  const message = text('analysis-failed', { detail: error.text ?? error.message });
  return new HttpError(409, 'analysis-failed', message, {}, [{ pointer: error.pointer, code: error.rule, message }]);
}

/** One wave of a questionnaire to analyse with its comparisons. */
export interface WaveRequest {
  questionnaireId: string;
  wave: string;
  /** The territories whose groups the document holds (the request's, with those inside them), or `'all'`. */
  territories: TerritoryRef[] | 'all';
  /** That territory only (a publication, or one territory asked; the network, `network:all`, pools them all): the document's `scope.territory`. */
  territory?: ResultsTerritory;
  /**
   * The geography (`TerritoryDirectory.within`): the responses collected inside `territory`
   * count in its group, and the network counts distinct areas (an EPCI and a commune of it are one).
   */
  within?: Within;
  comparisons: Comparisons;
  /** Counts to hide whatever their value (beside a nested publication: nested.ts). */
  hide?: readonly HiddenCounts[];
}

/** What a document is made under: the configuration's `disclosure` and `stats` sections. */
export interface ResultsSettings {
  /** The disclosure thresholds (`disclosure`); the defaults when absent. */
  rules?: DisclosureRules;
  /** The expected distributions by sector and the sector question (`stats`): the sample part of each group. */
  stats?: StatsConfig;
}

/**
 * The results document of one wave with its comparisons (`analyseResponses`, as
 * `olva analyse --config` makes it: the key-figure classes, and the sample beside the expected
 * sectors of the configuration, post-stratified shares when asked): the responses of the wave and of the previous wave are streamed
 * from the store, those of every territory when the network comparison is made (then only
 * the groups of `territories` are kept), those of `territories` otherwise.
 * @returns null when the wave has no response in `territories` (the caller says what that means).
 * @throws HttpError 400 (`/weight`, `results/no-expected`) when post-stratified shares are asked
 * for a group kept whose territory and wave have no expected distribution (`stats.expected`);
 * 409 for the analysis' other errors. A previous wave without responses is no error: the
 * groups say `available: false` and the document's `notes` name them (`previous-wave-empty`),
 * as `olva analyse` writes them.
 */
export async function analyseWave(store: ResponseStore, registry: QuestionnaireRegistry, request: WaveRequest, settings: ResultsSettings = {}): Promise<ResultsDocument | null> {
  const { comparisons: c, territories } = request;
  const { rules, stats } = settings;
  const compiled = await versionsOf(registry, request.questionnaireId);
  const filter: ResponseFilter = {
    questionnaireId: request.questionnaireId,
    waves: [request.wave, ...(c.previousWave !== undefined ? [c.previousWave] : [])],
    territories: c.network ? 'all' : territories,
  };
  let doc: ResultsDocument;
  try {
    doc = await analyseResponses(payloadsOf(store, filter), {
      compiled, classes: keyFigureClassesFor(compiled), ...(rules ? { rules } : {}), wave: request.wave, network: c.network,
      ...(request.territory ? { territory: request.territory } : {}),
      ...(request.within ? { within: request.within } : {}),
      ...(c.previousWave !== undefined ? { previousWave: c.previousWave } : {}),
      ...(c.references ? { references: c.references } : {}),
      ...(stats?.expected ? { expected: stats.expected } : {}),
      ...(stats?.sectorQuestion ? { sectorQuestion: stats.sectorQuestion } : {}),
      ...(c.weight ? { weight: c.weight } : {}),
      ...(request.hide?.length ? { hide: request.hide } : {}),
    });
  } catch (error) {
    if (error instanceof AnalysisError && (error.rule === 'analysis/empty-wave' || error.rule === 'analysis/unknown-territory')) return null;
    throw analysisFailed(error);
  }
  const groups = territories === 'all' ? doc.groups : doc.groups.filter((g) => territories.some((t) => sameTerritory(t, g.territory)));
  if (groups.length === 0) return null;
  const unweighted = c.weight ? withoutExpected(groups, stats?.expected) : [];
  if (unweighted.length) {
    const message = text('bad-request.no-expected', { groups: { fr: groupNames(unweighted, 'vague'), en: groupNames(unweighted, 'wave') } });
    throw new HttpError(400, 'bad-request', message, {}, [{ pointer: '/weight', code: 'results/no-expected', message }]);
  }
  // The notes of the groups kept are made again (the network comparison's pass read every
  // territory); the document's others stay (the network's composition beside its previous wave).
  const { notes: made, ...rest } = doc;
  const notes = [...notesOf(groups), ...(made ?? []).filter((n) => n.code !== 'previous-wave-empty')];
  return { ...rest, groups, ...(notes.length ? { notes } : {}) };
}
