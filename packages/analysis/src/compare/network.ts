/**
 * A territory against the network: each published share beside the same share of all the
 * other territories of the wave pooled. A line is compared only when at least 3 other
 * territories publish it (so that no single one shows through), and the pooled count is the
 * sum of the other territories' *published* counts: when one of them is hidden by the
 * frequency rule, the pooled figure would give it away (from the territory's own documents)
 * and is not given. So the network figure reveals nothing the territories' own figures, made
 * under the same rules, do not.
 *
 * The wave's totals are summed once (networkTotals) and each territory's own published line
 * taken off them, so comparing every territory of a wave costs one pass over its groups.
 */
import type { GroupResults, NetworkComparison, NetworkShare } from '../results.js';
import { compareProportions, DEFAULT_COMPARISON_RULES, type ComparisonRules } from '../stats/two-proportions.js';
import { publishedLines, shareFigure } from './lines.js';

/** Territories other than the one compared that must publish a line for a network figure. */
export const MIN_OTHER_TERRITORIES = 3;

/** The published lines of a wave summed: question → row → territories, base, and per code the count and hidden cells. */
export interface NetworkTotals {
  wave: string;
  groups: number;
  lines: Map<string, Map<string, { territories: number; base: number; codes: Map<string, { count: number; hidden: number }> }>>;
}

/** Sums the published lines of every group of a wave. */
export function networkTotals(all: readonly GroupResults[], wave: string): NetworkTotals {
  const totals: NetworkTotals = { wave, groups: 0, lines: new Map() };
  for (const g of all) {
    if (g.wave !== wave) continue;
    totals.groups += 1;
    for (const f of g.questions) {
      if (f.kind === 'numeric') continue;
      for (const [row, line] of publishedLines(f)) {
        let rows = totals.lines.get(f.id);
        if (!rows) totals.lines.set(f.id, (rows = new Map()));
        let sum = rows.get(row);
        if (!sum) rows.set(row, (sum = { territories: 0, base: 0, codes: new Map() }));
        sum.territories += 1;
        sum.base += line.base;
        for (const c of line.categories) {
          let code = sum.codes.get(c.code);
          if (!code) sum.codes.set(c.code, (code = { count: 0, hidden: 0 }));
          if (c.count === null) code.hidden += 1;
          else code.count += c.count;
        }
      }
    }
  }
  return totals;
}

/**
 * Compares a group with the other groups of its wave.
 * @param totals the wave's totals (networkTotals), the compared group included: its own
 * published lines are taken off.
 */
export function compareNetwork(group: GroupResults, totals: NetworkTotals, rules: ComparisonRules = DEFAULT_COMPARISON_RULES): NetworkComparison {
  const shares: NetworkShare[] = [];
  for (const f of group.questions) {
    if (f.kind === 'numeric') continue;
    for (const [row, line] of publishedLines(f)) {
      const sum = totals.lines.get(f.id)?.get(row);
      const territories = (sum?.territories ?? 1) - 1;
      for (const c of line.categories) {
        const entry: NetworkShare = {
          question: f.id, ...(row ? { row } : {}), code: c.code,
          territory: c.count === null ? null : shareFigure(c.count, line.base), network: null, territories, p: null, notable: null,
        };
        const code = sum?.codes.get(c.code);
        const hiddenElsewhere = (code?.hidden ?? 0) - (c.count === null ? 1 : 0) > 0;
        if (territories < MIN_OTHER_TERRITORIES) entry.missing = 'too-few-territories';
        else if (hiddenElsewhere || !entry.territory) entry.missing = 'hidden';
        else {
          entry.network = shareFigure((code?.count ?? 0) - c.count!, sum!.base - line.base);
          const test = compareProportions(entry.territory, entry.network, rules);
          entry.p = test.p;
          entry.notable = test.notable;
        }
        shares.push(entry);
      }
    }
  }
  return { wave: group.wave, otherTerritories: totals.groups - 1, shares };
}
