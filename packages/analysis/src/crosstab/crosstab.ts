/**
 * A cross-tabulation as published: counts with their row and column shares, totals, and the
 * chi-square test with Cramér's V, under the frequency rule with complementary suppression
 * (disclosure/table.ts). The test is published only when no count is hidden: its statistic
 * is a function of every cell and, with the totals shown, can pin down a hidden one.
 */
import { sameTerritory, type CompiledQuestionnaire } from '@olva/schema';
import { crossCounter, type CrosstabQuery, type CrossCounts } from './count.js';
import { aggregateResponses } from '../aggregate/aggregate.js';
import { baseStatus, disclosureRules, type CellStatus, type DisclosureRules } from '../disclosure/rules.js';
import { suppressTable, type MarginState, type TableMargins } from '../disclosure/table.js';
import { chiSquareTest } from '../stats/chi-square-test.js';
import { emptyWaveError, unknownTerritoryError } from '../errors.js';
import type { CountedResponse, Crosstab, CrosstabAxis, CrosstabCell, CrosstabTotal, QuestionFigures, ResultsDocument } from '../results.js';
import type { CatalogueEntry, CodeEntry } from '../aggregate/catalogue.js';

/** What to cross, where, and under which rules. */
export interface CrosstabOptions extends CrosstabQuery {
  compiled: readonly CompiledQuestionnaire[];
  /** Disclosure thresholds from configuration; the defaults otherwise. */
  rules?: Partial<DisclosureRules>;
}

function axisOf(entry: CatalogueEntry, codes: CodeEntry[]): CrosstabAxis {
  return { id: entry.id, type: entry.type, label: entry.label, codes: codes.map((c) => ({ ...c })) };
}

const hidden = (s: CellStatus): s is 'small' | 'complementary' => s !== 'shown';

function total(count: number, base: number, status: CellStatus): CrosstabTotal {
  return hidden(status) ? { count: null, share: null, suppressed: status } : { count, share: count / base };
}

/**
 * Publishes counts already made under the rules.
 * @param margins what the published distributions of the axes say of its totals (`marginsOf`).
 */
export function publishCrosstab(counted: CrossCounts, scope: { territory?: Crosstab['territory'] | undefined; wave?: string | undefined }, rules: DisclosureRules, margins: TableMargins = {}): Crosstab {
  const { counts } = counted;
  const rowTotals = counts.map((row) => row.reduce((s, n) => s + n, 0));
  const columnTotals = counted.columnCodes.map((_, j) => counts.reduce((s, row) => s + row[j]!, 0));
  const base = rowTotals.reduce((s, n) => s + n, 0);
  const out: Crosstab = {
    rows: axisOf(counted.rows, counted.rowCodes),
    columns: axisOf(counted.columns, counted.columnCodes),
    territory: scope.territory ? { level: scope.territory.level, code: scope.territory.code } : null,
    wave: scope.wave ?? null,
    base,
    status: baseStatus(base, rules),
    test: null,
  };
  const disclosure = out.status === 'withheld' ? null : suppressTable(counts, rules, margins);
  if (!disclosure || disclosure.withheld) return { ...out, base: null, status: 'withheld', testOmitted: 'withheld' };
  out.cells = counts.map((row, i) => row.map((n, j): CrosstabCell => {
    const status = disclosure.cells[i]![j]!;
    if (hidden(status)) return { count: null, rowShare: null, columnShare: null, suppressed: status };
    return {
      count: n,
      rowShare: hidden(disclosure.rowTotals[i]!) || rowTotals[i] === 0 ? null : n / rowTotals[i]!,
      columnShare: hidden(disclosure.columnTotals[j]!) || columnTotals[j] === 0 ? null : n / columnTotals[j]!,
    };
  }));
  out.rowTotals = rowTotals.map((n, i) => total(n, base, disclosure.rowTotals[i]!));
  out.columnTotals = columnTotals.map((n, j) => total(n, base, disclosure.columnTotals[j]!));
  const anyHidden = [...disclosure.cells.flat(), ...disclosure.rowTotals, ...disclosure.columnTotals].some(hidden);
  if (anyHidden) return { ...out, testOmitted: 'suppressed-cells' };
  const test = chiSquareTest(counts);
  if (!test) return { ...out, testOmitted: 'no-variation' };
  const lowExpected = test.minExpected < 1 || test.lowExpectedShare > 0.2;
  return { ...out, test: { statistic: test.statistic, df: test.df, p: test.p, cramersV: test.cramersV, minExpected: test.minExpected, lowExpected } };
}

/**
 * What the published distributions of an axis in the scope's groups say of each of the table's
 * totals for it: `hidden` where a group hides that count or withholds the question (the total,
 * less what the other groups publish, would give it back), `known` where every group that has
 * the question shows it (hiding it in the table would protect nothing).
 */
export function marginsOf(doc: ResultsDocument, id: string, codes: readonly CodeEntry[]): MarginState[] {
  const figures = doc.groups.flatMap((g) => g.questions.filter((q) => q.id === id));
  return codes.map((c) => {
    for (const f of figures) {
      if (f.status === 'withheld' || f.kind !== 'distribution') return 'hidden';
      if (f.categories?.find((k) => k.code === c.code)?.count === null) return 'hidden';
    }
    return figures.length ? 'known' : undefined;
  });
}

/** The figures of an axis question withheld for its filters in a group of the scope, if any. */
function withheldAxis(doc: ResultsDocument, ids: readonly string[]): QuestionFigures | undefined {
  for (const g of doc.groups) {
    const f = g.questions.find((q) => ids.includes(q.id) && q.withheldReason === 'filter-suppressed');
    if (f) return f;
  }
  return undefined;
}

/**
 * Cross-tabulates two questions over a stream of responses. The per-question figures of the
 * same responses are made in the same pass, as the scope's results publish them: a total whose
 * count an axis' distribution hides is hidden in the table too, and one it shows is never taken
 * as a complement (`marginsOf`), so that the table and the results read together give back no
 * hidden count. When an axis is shown under a condition, if
 * that question is withheld for its filters in a territory and wave of the scope (its base
 * would give back a hidden count of its filter, disclosure/linked.ts), the table is withheld
 * too (`withheldReason: "filter-suppressed"`), since its base and totals bound the same count.
 * @throws AnalysisError when a question cannot be crossed, a response names a version not
 * given, or an answer has the wrong shape; `/wave` (`analysis/empty-wave`) when no response
 * read is of the wave asked, `/territory` (`analysis/unknown-territory`) when none is of the
 * territory asked (or inside it, with `inside`).
 */
export async function crossTabulate(responses: AsyncIterable<CountedResponse> | Iterable<CountedResponse>, options: CrosstabOptions): Promise<Crosstab> {
  const rules = disclosureRules(options.rules);
  const counter = crossCounter(options);
  const linked = [counter.rows, counter.columns].filter((e) => e.conditional).map((e) => e.id);
  // What was read outside the scope, to name it when nothing was inside.
  const waves = new Set<string>();
  const territories = new Set<string>();
  let inScope = 0;
  async function* scoped(): AsyncIterable<CountedResponse> {
    for await (const payload of responses) {
      waves.add(payload.wave);
      if (options.wave === undefined || payload.wave === options.wave) territories.add(`${payload.territory.level}:${payload.territory.code}`);
      if (!counter.inScope(payload)) continue;
      inScope++;
      counter.add(payload);
      // Counted in the territory asked for, as its results count what was collected inside it.
      const t = options.territory;
      yield t && !sameTerritory(payload.territory, t) ? { ...payload, territory: { level: t.level, code: t.code } } : payload;
    }
  }
  // The per-question figures of the same responses, made in the same pass: the distributions
  // of the axes that the scope's results publish, which the table's totals must agree with.
  const doc = await aggregateResponses(scoped(), { compiled: options.compiled, rules });
  // A wave or territory without responses is a slip of the asker, not a table too small to publish.
  if (!inScope && options.wave !== undefined && !territories.size) throw emptyWaveError(options.wave, waves);
  if (!inScope && options.territory) throw unknownTerritoryError(options.territory, options.wave, territories);
  const counted = counter.result();
  const table = publishCrosstab(counted, options, rules, {
    rows: marginsOf(doc, counted.rows.id, counted.rowCodes),
    columns: marginsOf(doc, counted.columns.id, counted.columnCodes),
  });
  const withheld = withheldAxis(doc, linked);
  if (!withheld) return table;
  const { cells: _c, rowTotals: _r, columnTotals: _t, ...rest } = table;
  return { ...rest, base: null, status: 'withheld', test: null, testOmitted: 'withheld', withheldReason: 'filter-suppressed', withheldFilters: withheld.withheldFilters ?? [] };
}
