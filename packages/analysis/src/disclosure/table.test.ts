import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { suppressTable, type TableDisclosure } from './table.js';
import { DEFAULT_DISCLOSURE_RULES as rules } from './rules.js';

/** The table with its totals, as a reader sees the relations: rows × columns + margins. */
function withTotals(counts: number[][]): number[][] {
  const colTotals = counts[0]!.map((_, j) => counts.reduce((s, row) => s + row[j]!, 0));
  return [...counts.map((row) => [...row, row.reduce((s, n) => s + n, 0)]), [...colTotals, colTotals.reduce((s, n) => s + n, 0)]];
}

function hiddenOf(d: TableDisclosure): boolean[][] {
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
function recomputable(counts: number[][], hidden: boolean[][]): [number, number][] {
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

describe('suppressTable', () => {
  it('hides a small cell with three complements that make a cycle, chosen small', () => {
    const counts = [[1, 5, 7], [6, 8, 9], [10, 12, 4]];
    const d = suppressTable(counts, rules);
    expect(d.withheld).toBe(false);
    expect(d.cells).toEqual([
      ['small', 'complementary', 'shown'],
      ['complementary', 'complementary', 'shown'],
      ['shown', 'shown', 'shown'],
    ]);
    expect(d.rowTotals).toEqual(['shown', 'shown', 'shown']);
    expect(recomputable(counts, hiddenOf(d))).toEqual([]);
  });

  it('protects a small total as well as small cells', () => {
    const counts = [[1, 1, 0], [6, 8, 9], [10, 12, 4]];
    const d = suppressTable(counts, rules);
    expect(d.rowTotals[0]).toBe('small');
    expect(recomputable(counts, hiddenOf(d))).toEqual([]);
  });

  it('hides nothing in a table without small cells, zeros included', () => {
    const d = suppressTable([[0, 5], [7, 3]], rules);
    expect(d.cells.flat().every((s) => s === 'shown')).toBe(true);
  });

  it('catches a bridge between two protected blocks that "two per line" would let through', () => {
    // Rows 0–1 × columns 0–1 and rows 2–3 × columns 2–3 each hold a cycle; a small cell at
    // (1, 2) joins them. Every line has two hidden entries, yet (1, 2) is recomputable.
    const counts = [
      [1, 4, 20, 20],
      [4, 1, 1, 20],
      [20, 20, 1, 4],
      [20, 20, 4, 1],
    ];
    const d = suppressTable(counts, rules);
    expect(d.cells[1]![2]).toBe('small');
    expect(recomputable(counts, hiddenOf(d))).toEqual([]);
  });

  it('never lets a hidden value be recomputed from what is shown (random tables with small cells)', () => {
    const cell = fc.oneof({ weight: 2, arbitrary: fc.integer({ min: 0, max: 2 }) }, { weight: 3, arbitrary: fc.integer({ min: 3, max: 40 }) });
    const table = fc.integer({ min: 2, max: 5 }).chain((r) => fc.integer({ min: 2, max: 5 }).chain((c) =>
      fc.array(fc.array(cell, { minLength: c, maxLength: c }), { minLength: r, maxLength: r })));
    let protectedTables = 0;
    fc.assert(fc.property(table, (counts) => {
      const d = suppressTable(counts, rules);
      const full = withTotals(counts);
      const hidden = hiddenOf(d);
      // Every small entry, cell or total, is hidden; the grand total never is.
      full.forEach((row, i) => row.forEach((n, j) => {
        if (n > 0 && n < rules.minCell && !(i === counts.length && j === counts[0]!.length)) expect(hidden[i]![j]).toBe(true);
      }));
      if (d.withheld) return;
      if (hidden.flat().some(Boolean)) protectedTables += 1;
      expect(recomputable(counts, hidden)).toEqual([]);
    }), { numRuns: 300, seed: 20261206 });
    // The generator must exercise the suppression, not only tables without small cells.
    expect(protectedTables).toBeGreaterThan(150);
  });
});
