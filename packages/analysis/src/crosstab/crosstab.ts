/**
 * A cross-tabulation as published: counts with their row and column shares, totals, and the
 * chi-square test with Cramér's V, under the frequency rule with complementary suppression
 * (disclosure/table.ts). The test is published only when no count is hidden: its statistic
 * is a function of every cell and, with the totals shown, can pin down a hidden one.
 */
import type { CompiledQuestionnaire, ResponsePayload } from '@olva/schema';
import { crossCounter, type CrosstabQuery, type CrossCounts } from './count.js';
import { aggregateResponses } from '../aggregate/aggregate.js';
import { baseStatus, disclosureRules, type CellStatus, type DisclosureRules } from '../disclosure/rules.js';
import { suppressTable } from '../disclosure/table.js';
import { chiSquareTest } from '../stats/chi-square-test.js';
import { emptyWaveError, unknownTerritoryError } from '../errors.js';
import type { Crosstab, CrosstabAxis, CrosstabCell, CrosstabTotal, QuestionFigures, ResultsDocument } from '../results.js';
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

/** Publishes counts already made under the rules. */
export function publishCrosstab(counted: CrossCounts, scope: { territory?: Crosstab['territory'] | undefined; wave?: string | undefined }, rules: DisclosureRules): Crosstab {
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
  const disclosure = out.status === 'withheld' ? null : suppressTable(counts, rules);
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

/** The figures of an axis question withheld for its filters in a group of the scope, if any. */
function withheldAxis(doc: ResultsDocument, ids: readonly string[]): QuestionFigures | undefined {
  for (const g of doc.groups) {
    const f = g.questions.find((q) => ids.includes(q.id) && q.withheldReason === 'filter-suppressed');
    if (f) return f;
  }
  return undefined;
}

/**
 * Cross-tabulates two questions over a stream of responses. When an axis is shown under a
 * condition, the per-question figures of the same responses are made in the same pass: if
 * that question is withheld for its filters in a territory and wave of the scope (its base
 * would give back a hidden count of its filter, disclosure/linked.ts), the table is withheld
 * too (`withheldReason: "filter-suppressed"`), since its base and totals bound the same count.
 * @throws AnalysisError when a question cannot be crossed, a response names a version not
 * given, or an answer has the wrong shape; `/wave` (`analysis/empty-wave`) when no response
 * read is of the wave asked, `/territory` (`analysis/unknown-territory`) when none is of the
 * territory asked (or inside it, with `inside`).
 */
export async function crossTabulate(responses: AsyncIterable<ResponsePayload> | Iterable<ResponsePayload>, options: CrosstabOptions): Promise<Crosstab> {
  const rules = disclosureRules(options.rules);
  const counter = crossCounter(options);
  const linked = [counter.rows, counter.columns].filter((e) => e.conditional).map((e) => e.id);
  // What was read outside the scope, to name it when nothing was inside.
  const waves = new Set<string>();
  const territories = new Set<string>();
  let inScope = 0;
  async function* scoped(): AsyncIterable<ResponsePayload> {
    for await (const payload of responses) {
      waves.add(payload.wave);
      if (options.wave === undefined || payload.wave === options.wave) territories.add(`${payload.territory.level}:${payload.territory.code}`);
      if (!counter.inScope(payload)) continue;
      inScope++;
      counter.add(payload);
      yield payload;
    }
  }
  const doc = linked.length ? await aggregateResponses(scoped(), { compiled: options.compiled, rules }) : null;
  if (!doc) for await (const _ of scoped());
  // A wave or territory without responses is a slip of the asker, not a table too small to publish.
  if (!inScope && options.wave !== undefined && !territories.size) throw emptyWaveError(options.wave, waves);
  if (!inScope && options.territory) throw unknownTerritoryError(options.territory, options.wave, territories);
  const table = publishCrosstab(counter.result(), options, rules);
  if (!doc) return table;
  const withheld = withheldAxis(doc, linked);
  if (!withheld) return table;
  const { cells: _c, rowTotals: _r, columnTotals: _t, ...rest } = table;
  return { ...rest, base: null, status: 'withheld', test: null, testOmitted: 'withheld', withheldReason: 'filter-suppressed', withheldFilters: withheld.withheldFilters ?? [] };
}
