/**
 * Test support, independent of the implementation in disclosure/table.ts: which hidden
 * entries of a table published with its totals a reader could recompute, by linear algebra.
 */
import type { TableDisclosure } from '../disclosure/table.js';

/** The table with its totals, as a reader sees the relations: rows × columns + margins. */
export function withTotals(counts: number[][]): number[][] {
  const colTotals = counts[0]!.map((_, j) => counts.reduce((s, row) => s + row[j]!, 0));
  return [...counts.map((row) => [...row, row.reduce((s, n) => s + n, 0)]), [...colTotals, colTotals.reduce((s, n) => s + n, 0)]];
}

/** Which entries of the table with its totals are hidden (the grand total never is). */
export function hiddenOf(d: TableDisclosure): boolean[][] {
  const h = (s: string) => s !== 'shown';
  return [...d.cells.map((row, i) => [...row.map(h), h(d.rowTotals[i]!)]), [...d.columnTotals.map(h), false]];
}

/** Rank of a small real matrix by Gaussian elimination with partial pivoting. */
function rank(matrix: number[][]): number {
  const m = matrix.map((row) => [...row]);
  let r = 0;
  const columns = m[0]?.length ?? 0;
  for (let c = 0; c < columns && r < m.length; c++) {
    let pivot = r;
    for (let i = r + 1; i < m.length; i++) if (Math.abs(m[i]![c]!) > Math.abs(m[pivot]![c]!)) pivot = i;
    if (Math.abs(m[pivot]![c]!) < 1e-9) continue;
    [m[r], m[pivot]] = [m[pivot]!, m[r]!];
    for (let i = 0; i < m.length; i++) {
      if (i === r) continue;
      const f = m[i]![c]! / m[r]![c]!;
      for (let k = c; k < columns; k++) m[i]![k]! -= f * m[r]![k]!;
    }
    r += 1;
  }
  return r;
}

/**
 * Which hidden entries a reader can recompute from what is shown: the published relations
 * (each row of cells adds up to its total, each column to its total, the totals to the grand
 * total) restricted to the hidden entries form a linear system A·x = b; the value x_k is
 * determined exactly when the unit vector e_k lies in the row space of A.
 */
export function recomputable(counts: number[][], hidden: boolean[][]): [number, number][] {
  const full = withTotals(counts);
  const unknowns: [number, number][] = [];
  full.forEach((row, i) => row.forEach((_, j) => { if (hidden[i]![j]) unknowns.push([i, j]); }));
  const rows = full.length - 1;
  const columns = full[0]!.length - 1;
  const equations: number[][] = [];
  // Row i: Σ_j cell(i, j) − total(i) = 0, with the totals row read the same way.
  for (let i = 0; i <= rows; i++) equations.push(unknowns.map(([a, b]) => (a === i ? (b === columns ? -1 : 1) : 0)));
  for (let j = 0; j <= columns; j++) equations.push(unknowns.map(([a, b]) => (b === j ? (a === rows ? -1 : 1) : 0)));
  const base = rank(equations);
  return unknowns.filter((_, k) => rank([...equations, unknowns.map((__, l) => (l === k ? 1 : 0))]) === base);
}
