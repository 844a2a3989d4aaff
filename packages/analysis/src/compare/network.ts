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
 * "Other territories" are distinct areas by the official geography: a group inside another
 * group of the wave (a commune inside an EPCI that has its own responses) is pooled once and not
 * counted as one more territory, and the groups inside or around the compared territory are
 * not among its others (apartFrom).
 */
import { sameTerritory } from '@olva/schema';
import type { GroupResults, NetworkComparison, NetworkShare, TerritoryRef } from '../results.js';
import { compareProportions, DEFAULT_COMPARISON_RULES, type ComparisonRules } from '../stats/two-proportions.js';
import { publishedLines, shareFigure, type PublishedLine } from './lines.js';

/** Territories other than the one compared that must publish a line for a network figure. */
export const MIN_OTHER_TERRITORIES = 3;

/** Whether `t` is `container` or lies inside it, by the official geography (the collector's `TerritoryDirectory.within`). */
export type Within = (t: TerritoryRef, container: TerritoryRef) => boolean;

/** One published line of the wave summed over its groups, with each group's own line (by group index) to take off. */
interface LineSum {
  base: number;
  codes: Map<string, { count: number; hidden: number }>;
  byGroup: Map<number, PublishedLine>;
}

/** The published lines of a wave summed: question → row → base, per code the count and hidden cells, and the groups publishing it. */
export interface NetworkTotals {
  wave: string;
  /** The wave's groups, in order: a group's index names it below. */
  groups: readonly GroupResults[];
  /** For each group, the indices of the groups it lies strictly inside (empty without a geography). */
  enclosing: readonly number[][];
  lines: Map<string, Map<string, LineSum>>;
}

/**
 * Sums the published lines of every group of a wave.
 * @param within the geography: which group lies inside which (an EPCI's group and the group of
 * a commune of it are one area, not two territories). Without it, no group lies inside another.
 */
export function networkTotals(all: readonly GroupResults[], wave: string, within?: Within): NetworkTotals {
  const groups = all.filter((g) => g.wave === wave);
  const enclosing = groups.map((g, i) => within
    ? groups.flatMap((h, j) => (j !== i && !sameTerritory(g.territory, h.territory) && within(g.territory, h.territory) ? [j] : []))
    : []);
  const totals: NetworkTotals = { wave, groups, enclosing, lines: new Map() };
  groups.forEach((g, i) => {
    for (const f of g.questions) {
      if (f.kind === 'numeric') continue;
      for (const [row, line] of publishedLines(f)) {
        let rows = totals.lines.get(f.id);
        if (!rows) totals.lines.set(f.id, (rows = new Map()));
        let sum = rows.get(row);
        if (!sum) rows.set(row, (sum = { base: 0, codes: new Map(), byGroup: new Map() }));
        sum.byGroup.set(i, line);
        sum.base += line.base;
        for (const c of line.categories) {
          let code = sum.codes.get(c.code);
          if (!code) sum.codes.set(c.code, (code = { count: 0, hidden: 0 }));
          if (c.count === null) code.hidden += 1;
          else code.count += c.count;
        }
      }
    }
  });
  return totals;
}

/**
 * The groups kept out of a group's "others": itself, the groups inside it (their responses
 * are its own), and the groups it lies inside. An EPCI's group holds responses collected
 * anywhere in the EPCI, the commune's own associations among them: pooling it would compare the
 * commune partly with itself, and it is not *another* territory. So a commune is compared with
 * the territories outside the EPCI that contains it, and the EPCI with those outside it.
 */
function apartFrom(self: number, totals: NetworkTotals): Set<number> {
  const apart = new Set<number>([self, ...(totals.enclosing[self] ?? [])]);
  totals.enclosing.forEach((around, i) => { if (around.includes(self)) apart.add(i); });
  return apart;
}

/** How many distinct areas the groups are: a group inside another of them is not another territory. */
function areas(groups: Iterable<number>, totals: NetworkTotals): number {
  const set = new Set(groups);
  let n = 0;
  for (const i of set) if (!totals.enclosing[i]!.some((j) => set.has(j))) n += 1;
  return n;
}

/**
 * Compares a group with the other territories of its wave: every group but those apart from
 * it (itself, the groups inside it and around it), counted as distinct areas.
 * @param totals the wave's totals (networkTotals), the compared group included: the published
 * lines of the groups apart from it are taken off.
 */
export function compareNetwork(group: GroupResults, totals: NetworkTotals, rules: ComparisonRules = DEFAULT_COMPARISON_RULES): NetworkComparison {
  const self = totals.groups.findIndex((g) => sameTerritory(g.territory, group.territory));
  const apart = self < 0 ? new Set<number>() : apartFrom(self, totals);
  const others = (indices: Iterable<number>) => [...indices].filter((i) => !apart.has(i));
  const shares: NetworkShare[] = [];
  for (const f of group.questions) {
    if (f.kind === 'numeric') continue;
    for (const [row, line] of publishedLines(f)) {
      const sum = totals.lines.get(f.id)?.get(row);
      const kept = sum ? others(sum.byGroup.keys()) : [];
      const territories = areas(kept, totals);
      // What the groups apart from this one publish, taken off the wave's sums (this group's own line included).
      const takenOff = sum ? [...apart].flatMap((i) => sum.byGroup.get(i) ?? []) : [];
      for (const c of line.categories) {
        const entry: NetworkShare = {
          question: f.id, ...(row ? { row } : {}), code: c.code,
          territory: c.count === null ? null : shareFigure(c.count, line.base), network: null, territories, p: null, notable: null,
        };
        const code = sum?.codes.get(c.code);
        const off = takenOff.map((l) => l.categories.find((x) => x.code === c.code));
        const hiddenElsewhere = (code?.hidden ?? 0) - off.filter((x) => x?.count === null).length > 0;
        if (territories < MIN_OTHER_TERRITORIES) entry.missing = 'too-few-territories';
        else if (hiddenElsewhere || !entry.territory) entry.missing = 'hidden';
        else {
          const count = (code?.count ?? 0) - off.reduce((n, x) => n + (x?.count ?? 0), 0);
          entry.network = shareFigure(count, sum!.base - takenOff.reduce((n, l) => n + l.base, 0));
          const test = compareProportions(entry.territory, entry.network, rules);
          entry.p = test.p;
          entry.notable = test.notable;
        }
        shares.push(entry);
      }
    }
  }
  return { wave: group.wave, otherTerritories: areas(others(totals.groups.keys()), totals), shares };
}
