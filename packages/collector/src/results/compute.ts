/**
 * Results computed from the store with `@olva/analysis`: the responses are streamed from the
 * database into the aggregation, which keeps counters, never the responses. Every figure it
 * returns is protected by the disclosure rules (see the analysis README).
 */
import { AnalysisError, aggregateResponses, type DisclosureRules, type ResultsDocument } from '@olva/analysis';
import type { ResponsePayload } from '@olva/schema';
import { HttpError } from '../http/errors.js';
import { text } from '../messages.js';
import type { QuestionnaireRegistry } from '../questionnaire-registry.js';
import type { ResponseFilter, ResponseStore } from '../store/types.js';

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
  const compiled = (await registry.all()).filter((c) => c.questionnaire.id === filter.questionnaireId);
  try {
    return await aggregateResponses(payloadsOf(store, filter), { compiled, ...(rules ? { rules } : {}) });
  } catch (error) {
    if (error instanceof AnalysisError) throw new HttpError(409, 'analysis-failed', text('analysis-failed', { detail: error.message }));
    throw error;
  }
}
