/**
 * A territory against the network: each published share beside the same share of all the
 * other territories of the wave pooled. A line is compared only when at least 3 other
 * territories publish it (so that no single one shows through), and the pooled count is the
 * sum of the other territories' *published* counts: when one of them is hidden by the
 * frequency rule, the pooled figure would give it away (from the territory's own documents)
 * and is not given. So the network figure reveals nothing the territories' own figures, made
 * under the same rules, do not.
 */
import type { GroupResults, NetworkComparison, NetworkShare } from '../results.js';
import { compareProportions, DEFAULT_COMPARISON_RULES, type ComparisonRules } from '../stats/two-proportions.js';
import { publishedLines, shareFigure, type PublishedLine } from './lines.js';

/** Territories other than the one compared that must publish a line for a network figure. */
export const MIN_OTHER_TERRITORIES = 3;

/**
 * Compares a group with the other groups of its wave.
 * @param all every group of the wave, the compared one included (it is left out of the pool).
 */
export function compareNetwork(group: GroupResults, all: readonly GroupResults[], rules: ComparisonRules = DEFAULT_COMPARISON_RULES): NetworkComparison {
  const others = all.filter((g) => g !== group && g.wave === group.wave);
  const shares: NetworkShare[] = [];
  for (const f of group.questions) {
    if (f.kind === 'numeric') continue;
    const here = publishedLines(f);
    const there = others.map((g) => publishedLines(g.questions.find((q) => q.id === f.id)));
    for (const [row, line] of here) {
      const pool = there.map((l) => l.get(row)).filter((l): l is PublishedLine => l !== undefined);
      const poolBase = pool.reduce((s, l) => s + l.base, 0);
      for (const c of line.categories) {
        const entry: NetworkShare = {
          question: f.id, ...(row ? { row } : {}), code: c.code,
          territory: c.count === null ? null : shareFigure(c.count, line.base), network: null, territories: pool.length, p: null, notable: null,
        };
        let count: number | null = 0;
        for (const l of pool) {
          const n = l.categories.find((x) => x.code === c.code);
          if (n && n.count === null) count = null;
          else if (count !== null) count += n?.count ?? 0;
        }
        if (pool.length < MIN_OTHER_TERRITORIES) entry.missing = 'too-few-territories';
        else if (count === null || !entry.territory) entry.missing = 'hidden';
        else {
          entry.network = shareFigure(count, poolBase);
          const test = compareProportions(entry.territory, entry.network, rules);
          entry.p = test.p;
          entry.notable = test.notable;
        }
        shares.push(entry);
      }
    }
  }
  return { wave: group.wave, otherTerritories: others.length, shares };
}
