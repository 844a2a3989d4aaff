import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { suppressTable } from './table.js';
import { hiddenCountPinned } from './bounds.js';
import { DEFAULT_DISCLOSURE_RULES as rules, type CellStatus } from './rules.js';
import { hiddenOf, recomputable, withTotals } from '../__fixtures__/recomputable.js';

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

  it('hides a total another figure hides, and never takes as a complement one another figure shows', () => {
    const counts = [[1, 5, 7], [6, 8, 9], [10, 12, 4]];
    const hiddenRow = suppressTable(counts, rules, { rows: ['known', 'hidden', 'known'] });
    expect(hiddenRow.rowTotals).toEqual(['shown', 'complementary', 'shown']);
    const known = suppressTable(counts, rules, { rows: ['known', 'known', 'known'], columns: ['known', 'known', 'known'] });
    // Every total is the reader's already: the cells alone must hold the cycle.
    expect([...known.rowTotals, ...known.columnTotals].every((s) => s === 'shown')).toBe(true);
    expect(recomputable(counts, hiddenOf(known))).toEqual([]);
  });

  it('hides a complement in a column whose "< 3" make what its total leaves (the demo\'s Lorient Agglomération)', () => {
    // secteur_principal × employeur: the « oui » column is 5, three 1s and zeros, total 8.
    const counts = [[5, 14], [1, 13], [0, 18], [0, 2], [1, 4], [0, 6], [1, 3], [0, 2]];
    const d = suppressTable(counts, rules);
    const oui = d.cells.map((row) => row[0]!);
    expect(oui.filter((s) => s === 'complementary').length).toBeGreaterThan(0);
    expect(pinnedLines(counts, d)).toEqual([]);
  });

  it('leaves no line whose total is shown with hidden cells of a single reading (random tables)', () => {
    const cell = fc.oneof({ weight: 2, arbitrary: fc.integer({ min: 0, max: 2 }) }, { weight: 3, arbitrary: fc.integer({ min: 3, max: 12 }) });
    const table = fc.integer({ min: 2, max: 5 }).chain((r) => fc.integer({ min: 2, max: 5 }).chain((c) =>
      fc.array(fc.array(cell, { minLength: c, maxLength: c }), { minLength: r, maxLength: r })));
    fc.assert(fc.property(table, (counts) => {
      const d = suppressTable(counts, rules);
      if (!d.withheld) expect(pinnedLines(counts, d)).toEqual([]);
    }), { numRuns: 300, seed: 20261207 });
  });
});

/** The lines (r0…, c0…; the last of each is the totals') a reader of the marks pins down. */
function pinnedLines(counts: number[][], d: ReturnType<typeof suppressTable>): string[] {
  const full = withTotals(counts);
  const status: CellStatus[][] = [...d.cells.map((row, i) => [...row, d.rowTotals[i]!]), [...d.columnTotals, 'shown']];
  const lines = [
    ...full.map((row, i) => ({ name: `r${i}`, at: row.map((_, j) => [i, j] as const) })),
    ...full[0]!.map((_, j) => ({ name: `c${j}`, at: full.map((_, i) => [i, j] as const) })),
  ];
  return lines.filter(({ at }) => {
    const [ti, tj] = at[at.length - 1]!;
    const cells = at.slice(0, -1).filter(([i, j]) => status[i]![j] !== 'shown');
    return status[ti]![tj] === 'shown' && cells.length > 0
      && hiddenCountPinned(cells.map(([i, j]) => status[i]![j]!), cells.reduce((s, [i, j]) => s + full[i]![j]!, 0), rules);
  }).map(({ name }) => name);
}
