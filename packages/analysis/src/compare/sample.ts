/**
 * The sample beside the population: the published count of each main sector in the
 * territory's responses beside the number of associations the territory expects in it
 * (its expected distribution, the collector configuration's `stats.expected`). Sample counts
 * are the group's published figures (hidden ones stay hidden).
 */
import type { TerritoryLevel } from '@olva/schema';
import type { GroupResults, SampleComparison, SampleSector, TerritoryRef } from '../results.js';

/** A territory's expected associations by main-sector code (the collector's `stats.expected` entries). */
export interface ExpectedSectors {
  /** A territory payloads name: the network's expected distribution is not configured. */
  territory: { level: TerritoryLevel; code: string };
  /** The wave it applies to; absent for every wave. */
  wave?: string;
  source?: string;
  sectors: Record<string, number>;
}

/** The main-sector question when none is configured. */
export const DEFAULT_SECTOR_QUESTION = 'secteur_principal';

/** The expected distribution of a territory and wave: one for that wave, else one for every wave. */
export function expectedFor(list: readonly ExpectedSectors[] | undefined, territory: TerritoryRef, wave: string): ExpectedSectors | undefined {
  const here = (list ?? []).filter((e) => e.territory.level === territory.level && e.territory.code === territory.code);
  return here.find((e) => e.wave === wave) ?? here.find((e) => e.wave === undefined);
}

/**
 * The groups that have no expected distribution for their territory and wave: post-stratified
 * shares (`weight: 'sector'`) cannot be computed for them, and are left out of their sample.
 * Callers that were asked to weight say so rather than leave the shares out silently.
 */
export function withoutExpected<G extends Pick<GroupResults, 'territory' | 'wave'>>(groups: readonly G[], list: readonly ExpectedSectors[] | undefined): G[] {
  return groups.filter((g) => !expectedFor(list, g.territory, g.wave));
}

/** Groups named for a message, in the language's word for a wave: `commune:35238 (vague 2026), …`. */
export function groupNames(groups: readonly Pick<GroupResults, 'territory' | 'wave'>[], waveWord: string): string {
  return groups.map((g) => `${g.territory.level}:${g.territory.code} (${waveWord} ${g.wave})`).join(', ');
}

/** The sample of a group beside its expected distribution, or undefined when the question has no published figures. */
export function compareSample(group: GroupResults, expected: ExpectedSectors, question: string = DEFAULT_SECTOR_QUESTION): SampleComparison | undefined {
  const f = group.questions.find((q) => q.id === question);
  if (!f || f.kind !== 'distribution' || !f.categories || !f.base) return undefined;
  const expectedTotal = Object.values(expected.sectors).reduce((s, n) => s + n, 0);
  const sectors: SampleSector[] = f.categories.map((c) => {
    const n = expected.sectors[c.code];
    const s: SampleSector = {
      code: c.code, ...(c.label ? { label: c.label } : {}),
      sample: c.count === null ? null : { count: c.count, share: c.share! },
      expected: n === undefined || expectedTotal === 0 ? null : { count: n, share: n / expectedTotal },
    };
    if (c.suppressed) s.suppressed = c.suppressed;
    return s;
  });
  // Sectors the territory expects that the question does not list (a local code): shown without a sample.
  for (const [code, n] of Object.entries(expected.sectors)) {
    if (!sectors.some((s) => s.code === code)) sectors.push({ code, sample: null, expected: expectedTotal ? { count: n, share: n / expectedTotal } : null });
  }
  return { question, ...(expected.source ? { source: expected.source } : {}), expectedTotal, sectors };
}
