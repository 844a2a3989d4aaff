/**
 * Pearson's chi-square test of independence of a contingency table, with Cramér's V for the
 * strength of the association. Rows or columns whose total is 0 are left out (they carry no
 * information and would make expected counts 0), and the degrees of freedom count only the
 * rows and columns kept.
 */
import { chiSquareSurvival } from './chi-square-distribution.js';

/** The outcome of the test. */
export interface ChiSquareTest {
  /** Pearson's X² = Σ (observed − expected)² / expected. */
  statistic: number;
  /** (rows kept − 1) × (columns kept − 1). */
  df: number;
  /** P(χ²(df) ≥ X²). */
  p: number;
  /** √(X² / (n · (min(rows kept, columns kept) − 1))), in [0, 1]. */
  cramersV: number;
  /** The smallest expected count: below 5, the chi-square approximation is doubtful (Cochran). */
  minExpected: number;
  /** Share of cells whose expected count is below 5. */
  lowExpectedShare: number;
}

/**
 * The chi-square test of a table of counts (rows × columns, non-negative integers).
 * @returns the test, or null when fewer than two non-empty rows or columns remain (df = 0:
 * there is nothing to test).
 */
export function chiSquareTest(table: readonly (readonly number[])[]): ChiSquareTest | null {
  const columns = table[0]?.length ?? 0;
  for (const [i, row] of table.entries()) {
    if (row.length !== columns) throw new RangeError(`row ${i} has ${row.length} cells, row 0 has ${columns}`);
    for (const [j, n] of row.entries()) if (!Number.isInteger(n) || n < 0) throw new RangeError(`cell [${i}][${j}] must be a whole number ≥ 0, got ${n}`);
  }
  const rowTotals = table.map((row) => row.reduce((s, n) => s + n, 0));
  const colTotals = Array.from({ length: columns }, (_, j) => table.reduce((s, row) => s + row[j]!, 0));
  const rows = rowTotals.flatMap((t, i) => (t > 0 ? [i] : []));
  const cols = colTotals.flatMap((t, j) => (t > 0 ? [j] : []));
  if (rows.length < 2 || cols.length < 2) return null;
  const n = rowTotals.reduce((s, t) => s + t, 0);
  let statistic = 0;
  let minExpected = Infinity;
  let low = 0;
  for (const i of rows) {
    for (const j of cols) {
      const expected = (rowTotals[i]! * colTotals[j]!) / n;
      const gap = table[i]![j]! - expected;
      statistic += (gap * gap) / expected;
      minExpected = Math.min(minExpected, expected);
      if (expected < 5) low += 1;
    }
  }
  const df = (rows.length - 1) * (cols.length - 1);
  const cramersV = Math.min(1, Math.sqrt(statistic / (n * (Math.min(rows.length, cols.length) - 1))));
  return { statistic, df, p: chiSquareSurvival(statistic, df), cramersV, minExpected, lowExpectedShare: low / (rows.length * cols.length) };
}
