/**
 * Test results documents, computed by `aggregateResponses` over generated responses (never
 * written by hand): Rennes (core + its extension) in 2026 beside its 2025 wave (bare core),
 * and three other territories of 2026, with the classes the key-figures file declares.
 * The response generator is `responses.ts` (one generator for all). A document with the
 * comparisons of `olva analyse` is `analysedResults` (analysed-results.ts).
 */
import type { CompiledQuestionnaire } from '@olva/schema';
import { aggregateResponses, type ResultsDocument } from '@olva/analysis';
import { loadCoreQuestionnaire, keyFiguresPath } from '@olva/core-questionnaire';
import { prng } from './prng.js';
import { keyFigureClasses, readKeyFigures } from '@olva/reports';
import { builds, generateFor, stream, type Generated } from './responses.js';

/** Rennes' commune. */
export const RENNES = { level: 'commune', code: '35238' } as const;

/** The builds the documents are made from. */
export const BUILDS = builds();

/** The key-figures declaration shipped beside the core. */
export const KEY_FIGURES = readKeyFigures(keyFiguresPath, loadCoreQuestionnaire());

/** Generated responses: Rennes 2026 (`size`), Rennes 2025, and three other territories. */
export function responses(seed: number, size = 160): Generated[] {
  const random = prng(seed);
  const b = BUILDS;
  return [
    ...generateFor(b.rennes, RENNES, '2026', size, random),
    ...generateFor(b.core, RENNES, '2025', 90, random),
    ...generateFor(b.lorient, { level: 'epci', code: '200042174' }, '2026', 60, random),
    ...generateFor(b.core, { level: 'commune', code: '29019' }, '2026', 40, random),
    ...generateFor(b.core, { level: 'departement', code: '35' }, '2026', 35, random),
  ];
}

/** The results document of {@link responses}, with the key figures' classes. */
export async function resultsDocument(seed = 7, size = 160, compiled: CompiledQuestionnaire[] = [BUILDS.core, BUILDS.rennes, BUILDS.lorient]): Promise<ResultsDocument> {
  return aggregateResponses(stream(responses(seed, size)), { compiled, classes: keyFigureClasses(KEY_FIGURES) });
}
