/**
 * A territory against its own previous wave. When both waves answered the same core version,
 * each published share is set beside the previous one code by code (compareWaves). When the
 * core changed, the comparison goes through the harmonised categories of `@olva/schema`'s
 * crosswalks (harmoniseQuestion): a question renamed is followed back to its old id, codes
 * split or merged are summed into the coarsest categories both versions share, a code only one
 * version has is listed as missing in the other, and a question the new core declares not
 * comparable is listed with the reason rather than compared. Sums use published counts only (a
 * hidden count makes the category `hidden`), so the comparison reveals nothing more. Codes of
 * a multiple choice are not summed (a respondent may tick two of them): the respondents who
 * ticked any of them are counted in the pass over the responses (gathered-ticks.ts).
 */
import { compareVersions, harmoniseQuestion, type CompiledQuestionnaire, type HarmonisedQuestion } from '@olva/schema';
import type { GroupResults, PreviousWaveComparison, PreviousWaveShare, QuestionFigures } from '../results.js';
import { compareProportions, DEFAULT_COMPARISON_RULES, type ComparisonRules } from '../stats/two-proportions.js';
import { AnalysisError } from '../errors.js';
import { compareWaves } from './waves.js';
import { lineWithheld, publishedLines, summedCount, type PublishedLine } from './lines.js';
import { coreVersionChain, type GatheredTicks } from './gathered-ticks.js';

const coreVersions = (g: GroupResults): string[] => [...new Set(g.versions.map((v) => v.questionnaire.version))].sort(compareVersions);

/** The previous wave's id of a question a crosswalk renamed, for whoever sets the two waves' publications side by side. */
const oldName = (id: string, previousId: string): { previousQuestion?: string } => (previousId === id ? {} : { previousQuestion: previousId });

/** Codes of a group's versions that fall into each harmonised category. */
function membersOf(h: HarmonisedQuestion, versions: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const cat of h.categories) {
    const codes = new Set<string>();
    for (const m of cat.members) if (versions.includes(m.version)) m.codes.forEach((c) => codes.add(c));
    out.set(cat.code, [...codes]);
  }
  return out;
}

/**
 * The count of a category in a line: its codes' published counts summed, except for several
 * codes of a multiple choice, whose respondents are counted as such (`ticked`; hidden without).
 */
function categoryCount(group: GroupResults, f: QuestionFigures, line: PublishedLine, codes: readonly string[], ticked: GatheredTicks | undefined): number | null | undefined {
  const summed = summedCount(line, codes);
  if (f.kind !== 'multiple' || codes.length < 2 || typeof summed !== 'number') return summed;
  return ticked?.published(group, f.id, codes, summed) ?? null;
}

function harmonisedShares(groups: [GroupResults, GroupResults], now: QuestionFigures, then: QuestionFigures | undefined, h: HarmonisedQuestion, current: string[], previous: string[], rules: ComparisonRules, ticked: GatheredTicks | undefined): PreviousWaveShare[] {
  const out: PreviousWaveShare[] = [];
  const nowMembers = membersOf(h, current);
  const thenMembers = membersOf(h, previous);
  const thenLines = publishedLines(then);
  for (const [row, line] of publishedLines(now)) {
    const old = thenLines.get(row);
    for (const cat of h.categories) {
      const currentCodes = nowMembers.get(cat.code) ?? [];
      const previousCodes = thenMembers.get(cat.code) ?? [];
      const entry: PreviousWaveShare = { question: now.id, ...(row ? { row } : {}), code: cat.code, currentCodes, previousCodes, current: null, previous: null, p: null, notable: null };
      const a = currentCodes.length ? categoryCount(groups[0], now, line, currentCodes, ticked) : undefined;
      const b = old && previousCodes.length ? categoryCount(groups[1], then!, old, previousCodes, ticked) : undefined;
      if (typeof a === 'number') entry.current = { count: a, base: line.base, share: a / line.base };
      if (typeof b === 'number') entry.previous = { count: b, base: old!.base, share: b / old!.base };
      if (a === undefined) entry.missing = 'not-in-current';
      else if (b === undefined) entry.missing = !old && lineWithheld(then, row) ? 'withheld' : 'not-in-previous';
      else if (a === null || b === null) entry.missing = 'hidden';
      else {
        const test = compareProportions(entry.current!, entry.previous!, rules);
        entry.p = test.p;
        entry.notable = test.notable;
      }
      out.push(entry);
    }
  }
  return out;
}

/**
 * Compares a group with the same territory's group of the previous wave.
 * @param previous that group, or undefined when the territory has no responses in that wave.
 * @param compiled every compiled version given to the analysis (their crosswalks are read).
 * @throws AnalysisError `/previousWave` (`analysis/previous-wave-newer`) when every version the
 * previous group answered is newer than those of the current one.
 * @param ticked the respondents of gathered codes of multiple choices, counted over the
 * responses of both groups; without it, a category gathering several codes of a multiple
 * choice is `hidden` rather than summed.
 */
export function comparePreviousWave(current: GroupResults, previous: GroupResults | undefined, previousWave: string, compiled: readonly CompiledQuestionnaire[], rules: ComparisonRules = DEFAULT_COMPARISON_RULES, ticked?: GatheredTicks): PreviousWaveComparison {
  if (!previous) return { wave: previousWave, available: false, crosswalk: null, shares: [] };
  const to = coreVersions(current);
  const from = coreVersions(previous);
  // Crosswalks lead from an older core to a newer one: the other way round nothing would be
  // compared, and every question would read "not in the previous wave".
  if (compareVersions(from[0]!, to[to.length - 1]!) > 0) {
    const [newer, older] = [from.join(', '), to.join(', ')];
    throw new AnalysisError('/previousWave', 'analysis/previous-wave-newer',
      `wave "${previousWave}" was answered with core ${newer}, newer than wave "${current.wave}" (${older}): the previous wave is the earlier one`, {
        fr: `le millésime « ${previousWave} » a été répondu avec le tronc commun ${newer}, plus récent que celui du millésime « ${current.wave} » (${older}) : le millésime précédent est le plus ancien des deux (inversez --wave et --previous-wave)`,
        en: `wave "${previousWave}" was answered with core ${newer}, newer than wave "${current.wave}" (${older}): the previous wave is the earlier one (swap --wave and --previous-wave)`,
      });
  }
  if (to.join() === from.join()) {
    const shares = compareWaves(current, previous, rules).map((w): PreviousWaveShare => ({ ...w }));
    return { wave: previousWave, available: true, crosswalk: null, shares };
  }
  const chain = coreVersionChain(compiled, from[0]!, to[to.length - 1]!);
  const applied = chain.some((v) => v.crosswalk !== undefined);
  const shares: PreviousWaveShare[] = [];
  const before = new Map(previous.questions.map((f) => [f.id, f]));
  for (const now of current.questions) {
    if (now.kind === 'numeric') continue;
    const h = harmoniseQuestion(now.id, chain);
    const lastPrevious = from[from.length - 1]!;
    const broken = h.notComparable.find((b) => compareVersions(b.version, lastPrevious) > 0);
    const oldId = h.sources.filter((s) => from.includes(s.version)).map((s) => s.question).find((q) => q !== null) ?? null;
    const then = oldId === null ? undefined : before.get(oldId);
    if (broken || !then) {
      shares.push({
        question: now.id, code: '', current: null, previous: null, p: null, notable: null,
        missing: broken ? 'not-comparable' : 'not-in-previous', ...(broken ? { reason: broken.reason } : {}),
      });
      continue;
    }
    if (then.type !== now.type && h.categories.length === 0) {
      shares.push({ question: now.id, code: '', current: null, previous: null, p: null, notable: null, missing: 'type-changed' });
      continue;
    }
    if (h.categories.length === 0) {
      // Booleans and scales: no codes to harmonise; compared code by code under the old id.
      const renamed: GroupResults = { ...previous, questions: [{ ...then, id: now.id }] };
      shares.push(...compareWaves({ ...current, questions: [now] }, renamed, rules).map((s) => ({ ...s, ...oldName(now.id, then.id) })));
      continue;
    }
    shares.push(...harmonisedShares([current, previous], now, then, h, to, from, rules, ticked).map((s) => ({ ...s, ...oldName(now.id, then.id) })));
  }
  return { wave: previousWave, available: true, crosswalk: { from, to, applied }, shares };
}
