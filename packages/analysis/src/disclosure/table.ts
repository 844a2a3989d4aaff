/**
 * Disclosure control of a two-way table published with its row and column totals (INSEE's
 * frequency rule with complementary suppression). The table is read with its margins as one
 * extended table, (rows + 1) × (columns + 1), in which every line adds up: each row's cells to
 * its total, each column's to its total, the totals to the grand total. Hidden entries form a
 * bipartite graph (extended rows and columns as nodes, each hidden entry an edge); a hidden
 * value can be recomputed from what is shown exactly when its edge lies on no cycle (a
 * bridge), since along a cycle the values can move by +t, −t, +t… without changing any sum.
 * So:
 * 1. primary suppression: every entry, cells and totals, of more than 0 and fewer than
 *    `minCell` associations;
 * 2. secondary suppression, repeated until nothing changes: a line with exactly one hidden
 *    entry gets a second one, as does a line whose hidden cells the marks and the line's total
 *    pin down (three "< 3" in a column whose other cells leave 3: bounds.ts); a hidden entry that is a bridge gets a cycle, by hiding an entry
 *    that joins the two sides the bridge separates. The entry chosen is the smallest non-zero
 *    one (a hidden zero beside a small cell says too much), preferring one whose other line
 *    already hides something, so fewer figures are lost.
 * The grand total (the base) is never hidden; when no entry can close a cycle, the whole table
 * is withheld.
 */
import { hiddenCountPinned } from './bounds.js';
import { isSmallCell, type CellStatus, type DisclosureRules } from './rules.js';

/** What may be published of a table and its totals. */
export interface TableDisclosure {
  /** True when the table cannot be protected and is not published at all. */
  withheld: boolean;
  cells: CellStatus[][];
  rowTotals: CellStatus[];
  columnTotals: CellStatus[];
}

interface Extended {
  values: number[][];
  status: CellStatus[][];
  rows: number;
  columns: number;
  /** Entries a reader knows from elsewhere: hiding them protects nothing, so they are never complements. */
  known: Set<string>;
}

/**
 * What another published figure tells of a total: `hidden` when it is hidden there (the table
 * must hide it too, else it gives it back), `known` when it is shown there (hiding it here
 * would protect nothing), `undefined` when nothing published says it.
 */
export type MarginState = 'hidden' | 'known' | undefined;

/** The totals of a table that other published figures hide or show (the distributions of its axes). */
export interface TableMargins {
  /** One state per row total, in row order. */
  rows?: readonly MarginState[];
  /** One state per column total, in column order. */
  columns?: readonly MarginState[];
}

function extend(counts: readonly (readonly number[])[]): number[][] {
  const columns = counts[0]?.length ?? 0;
  const colTotals = Array.from({ length: columns }, (_, j) => counts.reduce((s, row) => s + row[j]!, 0));
  const rows = counts.map((row) => [...row, row.reduce((s, n) => s + n, 0)]);
  return [...rows, [...colTotals, colTotals.reduce((s, n) => s + n, 0)]];
}

const hidden = (s: CellStatus): boolean => s !== 'shown';

/** The best entry to hide among candidates: smallest non-zero, then closing a cycle. */
function choose(e: Extended, candidates: readonly [number, number][]): [number, number] | null {
  const score = ([i, j]: [number, number]): [number, number, number] => {
    const value = e.values[i]![j]!;
    const linked = e.status[i]!.some(hidden) && e.status.some((row) => hidden(row[j]!)) ? 0 : 1;
    return [value === 0 ? 1 : 0, value, linked];
  };
  let best: [number, number] | null = null;
  let bestScore: [number, number, number] | null = null;
  for (const c of candidates) {
    const [i, j] = c;
    if (hidden(e.status[i]![j]!) || (i === e.rows && j === e.columns) || e.known.has(`${i},${j}`)) continue;
    const s = score(c);
    if (!bestScore || s[0] < bestScore[0] || (s[0] === bestScore[0] && (s[1] < bestScore[1] || (s[1] === bestScore[1] && s[2] < bestScore[2])))) {
      best = c;
      bestScore = s;
    }
  }
  return best;
}

/** Lines (extended rows, then columns) holding exactly one hidden entry: their candidates. */
function loneLine(e: Extended): [number, number][] | null {
  for (let i = 0; i <= e.rows; i++) {
    if (e.status[i]!.filter(hidden).length === 1) return Array.from({ length: e.columns + 1 }, (_, j): [number, number] => [i, j]);
  }
  for (let j = 0; j <= e.columns; j++) {
    if (e.status.filter((row) => hidden(row[j]!)).length === 1) return Array.from({ length: e.rows + 1 }, (_, i): [number, number] => [i, j]);
  }
  return null;
}

/**
 * A line (extended row, then column) whose total is shown and whose hidden cells have one
 * reading only, given what their marks say ("< 3" is 1 or 2, "×" 0 or 3 and more; bounds.ts):
 * its entries, as candidates. Cycles protect against sums, not against these bounds.
 */
function pinnedLine(e: Extended, rules: DisclosureRules): [number, number][] | null {
  const lines: [number, number][][] = [
    ...Array.from({ length: e.rows + 1 }, (_, i) => Array.from({ length: e.columns + 1 }, (_, j): [number, number] => [i, j])),
    ...Array.from({ length: e.columns + 1 }, (_, j) => Array.from({ length: e.rows + 1 }, (_, i): [number, number] => [i, j])),
  ];
  for (const line of lines) {
    const [ti, tj] = line[line.length - 1]!;
    if (hidden(e.status[ti]![tj]!)) continue;
    const cells = line.slice(0, -1).filter(([i, j]) => hidden(e.status[i]![j]!));
    if (!cells.length) continue;
    const sum = cells.reduce((s, [i, j]) => s + e.values[i]![j]!, 0);
    if (hiddenCountPinned(cells.map(([i, j]) => e.status[i]![j]!), sum, rules)) return line;
  }
  return null;
}

/**
 * Nodes reachable from extended row `start` through hidden entries, without using entry
 * (skipRow, skipColumn). Rows are numbered 0..rows, columns rows + 1 + j.
 */
function reachable(e: Extended, start: number, skipRow: number, skipColumn: number): Set<number> {
  const seen = new Set<number>([start]);
  const queue = [start];
  while (queue.length) {
    const node = queue.pop()!;
    const neighbours: number[] = [];
    if (node <= e.rows) {
      for (let j = 0; j <= e.columns; j++) if (hidden(e.status[node]![j]!) && !(node === skipRow && j === skipColumn)) neighbours.push(e.rows + 1 + j);
    } else {
      const j = node - e.rows - 1;
      for (let i = 0; i <= e.rows; i++) if (hidden(e.status[i]![j]!) && !(i === skipRow && j === skipColumn)) neighbours.push(i);
    }
    for (const n of neighbours) if (!seen.has(n)) { seen.add(n); queue.push(n); }
  }
  return seen;
}

/** For the first hidden entry that is a bridge, the entries that would put it on a cycle. */
function bridgeClosers(e: Extended): [number, number][] | null {
  for (let i = 0; i <= e.rows; i++) {
    for (let j = 0; j <= e.columns; j++) {
      if (!hidden(e.status[i]![j]!)) continue;
      const side = reachable(e, i, i, j);
      if (side.has(e.rows + 1 + j)) continue;
      const closers: [number, number][] = [];
      for (let r = 0; r <= e.rows; r++) {
        for (let c = 0; c <= e.columns; c++) {
          // One end on the bridge's row side, the other off it: the new entry joins the sides.
          if (side.has(r) !== side.has(e.rows + 1 + c)) closers.push([r, c]);
        }
      }
      return closers;
    }
  }
  return null;
}

/**
 * Applies the frequency rule with complementary suppression to a table of counts.
 * @param counts rows × columns of non-negative whole numbers.
 * @param margins what other published figures say of the totals: a total hidden there is hidden
 * here from the start, one shown there is never taken as a complement (its cycle would be open).
 */
export function suppressTable(counts: readonly (readonly number[])[], rules: DisclosureRules, margins: TableMargins = {}): TableDisclosure {
  const values = extend(counts);
  const rows = counts.length;
  const columns = counts[0]?.length ?? 0;
  const e: Extended = { values, rows, columns, status: values.map((row) => row.map((n) => (isSmallCell(n, rules) ? 'small' : 'shown'))), known: new Set() };
  e.status[rows]![columns] = 'shown';
  const totals: [MarginState, number, number][] = [
    ...(margins.rows ?? []).map((m, i): [MarginState, number, number] => [m, i, columns]),
    ...(margins.columns ?? []).map((m, j): [MarginState, number, number] => [m, rows, j]),
  ];
  for (const [m, i, j] of totals) {
    if (m === 'hidden' && e.status[i]![j] === 'shown') e.status[i]![j] = 'complementary';
    if (m === 'known') e.known.add(`${i},${j}`);
  }
  let withheld = false;
  for (;;) {
    const candidates = loneLine(e) ?? pinnedLine(e, rules) ?? bridgeClosers(e);
    if (!candidates) break;
    const pick = choose(e, candidates);
    if (!pick) {
      withheld = true;
      break;
    }
    e.status[pick[0]]![pick[1]] = 'complementary';
  }
  return {
    withheld,
    cells: e.status.slice(0, rows).map((row) => row.slice(0, columns)),
    rowTotals: e.status.slice(0, rows).map((row) => row[columns]!),
    columnTotals: e.status[rows]!.slice(0, columns),
  };
}
