/**
 * What `olva analyse` computes: the results of one wave (one territory or all), each group
 * with the comparisons asked for — the network (other territories of the wave pooled), the
 * national references, the same territory's previous wave (through the crosswalks when the
 * core changed) — and the sample beside the expected distribution by sector. One streaming
 * pass over the responses of the two waves; every comparison is made from published figures,
 * but for the respondents of codes a crosswalk gathers in a multiple choice, counted in that
 * pass (they cannot be summed) and published under the same rules.
 */
import { sameTerritory, territoryKey } from '@olva/schema';
import type { VisibilityState } from '@olva/runtime';
import { aggregateResponses, type AggregateOptions } from './aggregate/aggregate.js';
import { compareNetwork, networkTotals, type Within } from './compare/network.js';
import { compareNational } from './compare/national.js';
import { comparePreviousWave } from './compare/previous.js';
import { GatheredTicks } from './compare/gathered-ticks.js';
import { disclosureRules } from './disclosure/rules.js';
import { compareSample, DEFAULT_SECTOR_QUESTION, expectedFor, type ExpectedSectors } from './compare/sample.js';
import { SectorWeighting } from './compare/weighting.js';
import { emptyWaveError, unknownTerritoryError } from './errors.js';
import type { NationalReferences } from './references.js';
import type { CountedResponse, GroupResults, ResultsDocument, TerritoryRef } from './results.js';
import { networkCompositionNote, notesOf } from './notes.js';
import { isNetworkTerritory, networkCoreOnly } from './network-territory.js';

/** What to analyse and compare. */
export interface AnalyseOptions extends AggregateOptions {
  /** The wave whose results are written. */
  wave: string;
  /**
   * Only this territory's group; every territory of the wave when absent. The network
   * (`NETWORK_TERRITORY`, `network:all`) pools every response of the wave, and then has no
   * network comparison.
   */
  territory?: TerritoryRef;
  /**
   * Whether a territory lies inside `territory` (the official geography; the analysis has none
   * of its own). Responses collected there count in `territory`'s group, in both waves, and so
   * not among the network's other territories: a territory's results are those of every
   * association answering within it, as its collection cockpit counts them.
   */
  inside?: (t: TerritoryRef) => boolean;
  /**
   * The official geography: whether `t` is `container` or lies inside it. The network counts
   * distinct areas with it (an EPCI and a commune inside it, both with responses, are one area)
   * and keeps the territories inside or around the one compared out of its others; it also
   * gives `inside` when that is absent. Without it, no territory lies inside another.
   */
  within?: Within;
  /** Compare with this wave of the same territory. */
  previousWave?: string;
  /** Compare with the other territories of the wave pooled (true by default). */
  network?: boolean;
  /** Compare with these national references. */
  references?: NationalReferences;
  /** Expected distributions by sector (the collector's `stats.expected`). */
  expected?: readonly ExpectedSectors[];
  /** The main-sector question (`secteur_principal` by default). */
  sectorQuestion?: string;
  /** `sector`: add post-stratified shares on the main sector to each group with an expected distribution. */
  weight?: 'sector';
}

/**
 * The responses of the waves wanted, those collected inside the territory analysed counted in
 * it (`AnalyseOptions.inside`); `seen` collects every wave met, for the error message, and
 * `pooled` the territories each wave's responses were collected in (the network's composition).
 */
async function* ofWaves(responses: AsyncIterable<CountedResponse> | Iterable<CountedResponse>, waves: ReadonlySet<string>, seen: Set<string>, options: AnalyseOptions, pooled?: Map<string, Set<string>>): AsyncIterable<CountedResponse> {
  const { territory, within } = options;
  const inside = territory && isNetworkTerritory(territory) ? () => true
    : options.inside ?? (territory && within ? (t: TerritoryRef) => within(t, territory) : undefined);
  for await (const response of responses) {
    seen.add(response.wave);
    if (!waves.has(response.wave)) continue;
    pooled?.get(response.wave)?.add(territoryKey(response.territory));
    const p = territory && inside && !sameTerritory(response.territory, territory) && inside(response.territory)
      ? { ...response, territory: { level: territory.level, code: territory.code } } : response;
    yield p;
  }
}

/** The territory and wave keys that have an expected distribution (every territory of the wave may). */
function weightedKeys(options: AnalyseOptions): Set<string> {
  return new Set((options.expected ?? [])
    .filter((e) => !options.territory || sameTerritory(e.territory, options.territory))
    .map((e) => `${e.territory.level}:${e.territory.code}|${e.wave ?? options.wave}`));
}

/**
 * Analyses one wave with its comparisons.
 * @throws AnalysisError `/wave` (`analysis/empty-wave`) when no response is of the wave,
 * `/territory` (`analysis/unknown-territory`) when the territory has none in it, and the
 * aggregation's errors (unknown version, answer of the wrong shape).
 */
export async function analyseResponses(responses: AsyncIterable<CountedResponse> | Iterable<CountedResponse>, options: AnalyseOptions): Promise<ResultsDocument> {
  const waves = new Set([options.wave, ...(options.previousWave !== undefined ? [options.previousWave] : [])]);
  const seen = new Set<string>();
  const weighting = options.weight === 'sector' ? new SectorWeighting(options.compiled, options.sectorQuestion ?? DEFAULT_SECTOR_QUESTION, weightedKeys(options)) : null;
  const ticked = options.previousWave !== undefined ? new GatheredTicks(options.compiled, disclosureRules(options.rules)) : null;
  // Both count per response in the aggregation's pass, from the visibility it computed once.
  const tap = options.tap || weighting || ticked ? (payload: CountedResponse, state: VisibilityState) => {
    options.tap?.(payload, state);
    weighting?.add(payload, state);
    ticked?.add(payload, state);
  } : undefined;
  // The network's own results have no other territories to be compared with; beside its
  // previous wave, it says when the territories it pools are not the same.
  const pooled = options.territory !== undefined && isNetworkTerritory(options.territory);
  const composition = pooled && options.previousWave !== undefined ? new Map([...waves].map((w) => [w, new Set<string>()])) : undefined;
  const doc = await aggregateResponses(ofWaves(responses, waves, seen, options, composition), { ...options, ...(tap ? { tap } : {}) });
  const ofWave = doc.groups.filter((g) => g.wave === options.wave);
  if (ofWave.length === 0) throw emptyWaveError(options.wave, seen);
  const selected = options.territory ? ofWave.filter((g) => sameTerritory(g.territory, options.territory!)) : ofWave;
  if (selected.length === 0) throw unknownTerritoryError(options.territory!, options.wave, ofWave.map((g) => `${g.territory.level}:${g.territory.code}`));
  const rules = doc.rules.comparison;
  const totals = options.network !== false && !pooled ? networkTotals(ofWave, options.wave, options.within) : null;
  const groups = selected.map((g): GroupResults => {
    const out: GroupResults = { ...g };
    const comparisons: NonNullable<GroupResults['comparisons']> = {};
    if (totals) comparisons.network = compareNetwork(g, totals, rules);
    if (options.references) comparisons.national = compareNational(g, options.references, rules);
    if (options.previousWave !== undefined) {
      const before = doc.groups.find((p) => p.wave === options.previousWave && sameTerritory(p.territory, g.territory));
      comparisons.previousWave = comparePreviousWave(g, before, options.previousWave, options.compiled, rules, ticked ?? undefined);
    }
    if (Object.keys(comparisons).length) out.comparisons = comparisons;
    const expected = expectedFor(options.expected, g.territory, g.wave);
    const sample = expected && compareSample(g, expected, options.sectorQuestion);
    const weighted = sample && weighting?.result(g, expected, doc.rules);
    if (sample) out.sample = weighted ? { ...sample, weighted } : sample;
    return out;
  });
  const composed = composition && composition.get(options.previousWave!)!.size > 0
    ? networkCompositionNote(options.wave, options.previousWave!, composition.get(options.wave)!, composition.get(options.previousWave!)!) : null;
  const shown = pooled ? groups.map((g) => networkCoreOnly(g, options.compiled)) : groups;
  const notes = [...notesOf(shown), ...(composed ? [composed] : [])];
  return {
    ...doc,
    scope: { wave: options.wave, territory: options.territory ? { ...options.territory } : null, previousWave: options.previousWave ?? null },
    groups: shown,
    ...(notes.length ? { notes } : {}),
  };
}
