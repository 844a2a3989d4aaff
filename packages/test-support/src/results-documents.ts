/**
 * Test results documents, computed by `aggregateResponses` over generated responses (never
 * written by hand): Rennes (core + its extension) in 2026 beside its 2025 wave (bare core),
 * and three other territories of 2026, with the classes the key-figures file declares.
 * The response generator is `responses.ts` (one generator for all).
 */
import type { CompiledQuestionnaire } from '@olva/schema';
import { aggregateResponses, compareWaves, type ResultsDocument } from '@olva/analysis';
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

/**
 * The document with the comparisons `olva analyse` adds to Rennes 2026 (`group.comparisons`),
 * assembled from real aggregated figures until the analysis computes them here: Lorient's
 * shares of every question stand for the pooled network, `compareWaves` gives the previous
 * wave (said to go through a crosswalk), and two national references in their shape.
 */
export function withAnalysisComparisons(document: ResultsDocument): ResultsDocument {
  const doc = structuredClone(document);
  const find = (code: string, wave: string) => doc.groups.find((g) => g.territory.code === code && g.wave === wave)!;
  const rennes = find(RENNES.code, '2026');
  const lorient = find('200042174', '2026');
  const shares = lorient.questions.flatMap((q) => (q.kind === 'distribution' || q.kind === 'multiple' ? q.categories ?? [] : []).map((c) => ({
    question: q.id, code: c.code, territory: null, territories: 3, p: null, notable: c.code === 'sport' ? true : null,
    network: c.share === null ? null : { count: c.count, base: q.base!.answered, share: c.share, interval: c.interval },
  })));
  const national = (id: string, question: string, code: string, share: number) => ({
    id, label: { fr: id, en: id }, question, codes: [code], national: { share, source: 'tchernonog', year: 2017 },
    territory: { count: 1, base: 1, share: 0.3, interval: { low: 0, high: 1 } }, p: 0.2, notable: false,
    categoriesDiffer: { fr: 'secteurs regroupés autrement', en: 'sectors grouped otherwise' },
  });
  (rennes as unknown as { comparisons: unknown }).comparisons = {
    network: { wave: '2026', otherTerritories: 3, shares },
    previousWave: { wave: '2025', available: true, crosswalk: { from: ['2026.1.0'], to: ['2026.2.0'], applied: true }, shares: compareWaves(rennes, find(RENNES.code, '2025')) },
    national: {
      references: { id: 'olva-national', version: '1.0.0', sources: { tchernonog: { citation: 'Tchernonog & Prouteau, Le paysage associatif français (2019)', year: 2017 } } },
      figures: [
        national('sport', 'secteur_principal', 'sport', 0.242), national('culture', 'secteur_principal', 'culture', 0.23),
        national('loisirs', 'secteur_principal', 'loisirs_vie_sociale', 0.214), national('budget', 'budget_annuel', 'moins_1000', 0.75),
        national('femmes', 'genre_presidence', 'femme', 0.36),
      ],
    },
  };
  // The sample beside the expected sectors (`olva analyse --expected`): the real sample shares.
  const sector = rennes.questions.find((q) => q.id === 'secteur_principal');
  const categories = sector?.kind === 'distribution' ? sector.categories ?? [] : [];
  (rennes as unknown as { sample: unknown }).sample = {
    question: 'secteur_principal', source: 'répertoire des associations de la ville', expectedTotal: categories.length * 100,
    sectors: categories.map((c) => ({ code: c.code, label: c.label, sample: c.count === null ? null : { count: c.count, share: c.share }, expected: { count: 100, share: 1 / categories.length }, ...(c.suppressed ? { suppressed: c.suppressed } : {}) })),
  };
  return doc;
}
