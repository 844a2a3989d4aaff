/**
 * The published distributions of a question, as every comparison reads them: only what a
 * results document shows (published bases, counts not hidden), so that a comparison never
 * reveals more than the figures it puts side by side.
 */
import type { Category, QuestionFigures, ShareFigure } from '../results.js';
import { wilsonInterval } from '../stats/wilson.js';

/** One published line: a question, or a matrix row, with its answered base. */
export interface PublishedLine {
  base: number;
  categories: Category[];
}

/** The published lines of a question, keyed by matrix row ('' for the question itself). */
export function publishedLines(f: QuestionFigures | undefined): Map<string, PublishedLine> {
  const out = new Map<string, PublishedLine>();
  if (!f || f.status === 'withheld' || !f.base) return out;
  if (f.kind === 'distribution' || f.kind === 'multiple') out.set('', { base: f.base.answered, categories: f.categories ?? [] });
  if (f.kind === 'matrix') for (const r of f.rows ?? []) if (r.base && r.categories) out.set(r.code, { base: r.base.answered, categories: r.categories });
  return out;
}

/** True when a question, or its matrix row `row` (the `publishedLines` key), is withheld: present, but publishing nothing. */
export function lineWithheld(f: QuestionFigures | undefined, row: string): boolean {
  if (!f) return false;
  if (f.status === 'withheld') return true;
  return f.kind === 'matrix' && row !== '' && f.rows?.find((r) => r.code === row)?.status === 'withheld';
}

/** A share with its Wilson interval. */
export function shareFigure(count: number, base: number): ShareFigure {
  return { count, base, share: count / base, interval: wilsonInterval(count, base)! };
}

/**
 * The published count of some codes of a line summed: null when one of them is hidden (a sum
 * with a hidden count in it would give that count away), undefined when none is in the line.
 */
export function summedCount(line: PublishedLine, codes: readonly string[]): number | null | undefined {
  let sum: number | undefined;
  for (const code of codes) {
    const c = line.categories.find((x) => x.code === code);
    if (!c) continue;
    if (c.count === null) return null;
    sum = (sum ?? 0) + c.count;
  }
  return sum;
}
