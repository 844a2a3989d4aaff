/**
 * A results document with its comparisons, made as `olva analyse --previous-wave 2025` makes
 * it (`analyseResponses`, never written by hand): Rennes in 2026 on the next core (whose
 * crosswalk merges two sectors, renames a question and declares one not comparable) beside
 * its 2025 wave on the current core, four other territories of 2026 for the network, and the
 * national references shipped with the core (`references/national-2017.json`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { analyseResponses, checkNationalReferences, type AnalyseOptions, type NationalReferences, type ResultsDocument } from '@olva/analysis';
import { prng } from './prng.js';
import { builds, crosswalkCore, generateFor, stream, type Generated } from './responses.js';

/** Rennes' commune, the territory analysed. */
export const ANALYSED = { level: 'commune', code: '35238' } as const;

/** The national references `olva analyse` uses by default. */
export function nationalReferences(): NationalReferences {
  const file = createRequire(import.meta.url).resolve('@olva/core-questionnaire/references/national-2017.json');
  return checkNationalReferences(JSON.parse(readFileSync(file, 'utf8')), file);
}

/** Generated responses of the two waves: Rennes 2026 (`size`) and 2025, and four other territories of 2026. */
export function twoWaves(seed: number, size = 120): Generated[] {
  const random = prng(seed);
  const b = builds();
  const next = crosswalkCore();
  return [
    ...generateFor(next, ANALYSED, '2026', size, random),
    ...generateFor(b.core, ANALYSED, '2025', 90, random),
    ...generateFor(next, { level: 'epci', code: '200042174' }, '2026', 60, random),
    ...generateFor(next, { level: 'commune', code: '29019' }, '2026', 45, random),
    ...generateFor(next, { level: 'commune', code: '44109' }, '2026', 40, random),
    ...generateFor(next, { level: 'departement', code: '35' }, '2026', 35, random),
  ];
}

/**
 * Rennes' 2026 results with the three comparisons: the previous wave 2025 (through the
 * crosswalk), the national references, the network of the other territories of 2026.
 * @param previousWave another wave to compare with: one without responses (`2024`) gives the
 * comparison `olva analyse` writes when the territory has no results then.
 * @param more further options of `olva analyse`: `expected` sectors (`group.sample`), `weight`,
 * the `classes` of a key-figures file, another `territory` than Rennes (the network, `network:all`).
 */
export async function analysedResults(seed = 11, size = 120, previousWave = '2025', more: Pick<AnalyseOptions, 'expected' | 'weight' | 'classes' | 'territory'> = {}): Promise<ResultsDocument> {
  const b = builds();
  return analyseResponses(stream(twoWaves(seed, size)), {
    compiled: [b.core, crosswalkCore()], wave: '2026', territory: ANALYSED, previousWave, references: nationalReferences(), ...more,
  });
}
