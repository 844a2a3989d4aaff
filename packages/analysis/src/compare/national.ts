/**
 * A territory against national references: each reference figure mapped to a core question
 * beside the territory's share of the codes it names (summed from published counts only; a
 * hidden count makes the comparison `hidden`). The national figure comes from a large survey
 * and is taken as known: the verdict is the score test of the territory's share against it
 * (stats/one-proportion.ts), only on a base of at least the comparison's minimum.
 */
import type { GroupResults, NationalComparison, NationalShare } from '../results.js';
import type { NationalReferences } from '../references.js';
import { compareWithReference } from '../stats/one-proportion.js';
import { DEFAULT_COMPARISON_RULES, type ComparisonRules } from '../stats/two-proportions.js';
import { publishedLines, shareFigure, summedCount } from './lines.js';

/** Compares a group with every figure of a references file. */
export function compareNational(group: GroupResults, references: NationalReferences, rules: ComparisonRules = DEFAULT_COMPARISON_RULES): NationalComparison {
  const figures = references.figures.map((ref): NationalShare => {
    const national: NationalShare['national'] = { source: ref.source, year: ref.year };
    for (const key of ['share', 'count', 'value', 'unit'] as const) if (ref[key] !== undefined) (national as Record<string, unknown>)[key] = ref[key];
    const out: NationalShare = {
      id: ref.id, label: ref.label, question: ref.question, codes: [...(ref.codes ?? [])], national,
      ...(ref.categoriesDiffer ? { categoriesDiffer: ref.categoriesDiffer } : {}),
      territory: null, p: null, notable: null,
    };
    if (ref.question === null || ref.share === undefined) return { ...out, missing: 'no-question' };
    const f = group.questions.find((q) => q.id === ref.question);
    if (!f) return { ...out, missing: 'not-asked' };
    const line = publishedLines(f).get('');
    if (!line) return { ...out, missing: 'withheld' };
    const count = summedCount(line, out.codes);
    if (count === null || count === undefined) return { ...out, missing: count === null ? 'hidden' : 'not-asked' };
    out.territory = shareFigure(count, line.base);
    const test = compareWithReference(out.territory, ref.share, rules);
    return { ...out, p: test.p, notable: test.notable };
  });
  return { references: { id: references.id, version: references.version, sources: references.sources }, figures };
}
