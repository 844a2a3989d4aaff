/**
 * A territory against its own previous wave, from two published groups of results: each
 * share set beside the one of the previous wave, with the two-proportion test's verdict when
 * both bases are large enough. Only published counts are used, so a comparison never reveals
 * more than the two figures it puts side by side. Questions or codes missing from one wave, or
 * hidden there, are listed with the reason rather than compared. Core versions that recoded a
 * question need the crosswalks of the new version: not handled here yet, such a question is
 * reported as `type-changed` when its type differs, and compared code by code otherwise.
 */
import type { Category, GroupResults } from '../results.js';
import { lineWithheld, publishedLines, type PublishedLine } from './lines.js';
import { compareProportions, DEFAULT_COMPARISON_RULES, type ComparisonRules } from '../stats/two-proportions.js';

/** One share of the current wave beside the previous wave's. */
export interface WaveComparison {
  question: string;
  /** The matrix row, for a matrix. */
  row?: string;
  code: string;
  /** count / base of each wave; null where that wave has no published figure. */
  current: { count: number; base: number; share: number } | null;
  previous: { count: number; base: number; share: number } | null;
  /** Two-sided p-value of the difference; null without both figures or without variance. */
  p: number | null;
  /** True/false with both bases ≥ the comparison's minimum base; null otherwise. */
  notable: boolean | null;
  /** Why there is no comparison: absent in a wave, hidden, withheld in the previous wave, or type changed. */
  missing?: 'not-in-current' | 'not-in-previous' | 'hidden' | 'withheld' | 'type-changed';
}

type Lines = Map<string, PublishedLine>;
const lines = publishedLines;

const figure = (c: Category | undefined, base: number) => (c && c.count !== null ? { count: c.count, base, share: c.count / base } : null);

/**
 * Compares the shares of every distribution, multiple choice and matrix row of a group with
 * the previous wave's group of the same territory: one entry per code of each line published
 * in the current wave, and one per code the previous wave published there and this one lacks.
 */
export function compareWaves(current: GroupResults, previous: GroupResults, rules: ComparisonRules = DEFAULT_COMPARISON_RULES): WaveComparison[] {
  const out: WaveComparison[] = [];
  const before = new Map(previous.questions.map((f) => [f.id, f]));
  for (const now of current.questions) {
    if (now.kind === 'numeric') continue;
    const then = before.get(now.id);
    const typeChanged = then !== undefined && then.type !== now.type;
    const nowLines = lines(now);
    const thenLines: Lines = typeChanged ? new Map() : lines(then);
    for (const [row, line] of nowLines) {
      const old = thenLines.get(row);
      for (const c of line.categories) {
        const entry: WaveComparison = { question: now.id, ...(row ? { row } : {}), code: c.code, current: figure(c, line.base), previous: null, p: null, notable: null };
        const prior = old?.categories.find((x) => x.code === c.code);
        entry.previous = old ? figure(prior, old.base) : null;
        if (typeChanged) entry.missing = 'type-changed';
        else if (!old && lineWithheld(then, row)) entry.missing = 'withheld';
        else if (!then || !old || !prior) entry.missing = 'not-in-previous';
        else if (!entry.current || !entry.previous) entry.missing = 'hidden';
        else {
          const test = compareProportions(entry.current, entry.previous, rules);
          entry.p = test.p;
          entry.notable = test.notable;
        }
        out.push(entry);
      }
      // Codes the previous wave published that this one no longer has (a choice removed).
      for (const c of old?.categories ?? []) {
        if (line.categories.some((x) => x.code === c.code)) continue;
        out.push({ question: now.id, ...(row ? { row } : {}), code: c.code, current: null, previous: figure(c, old!.base), p: null, notable: null, missing: 'not-in-current' });
      }
    }
  }
  return out;
}
