/**
 * The running counts of one question in one group (territory and wave). Their size depends on
 * the number of codes, never on the number of responses, except the numeric values kept for
 * quartiles (see value-store.ts).
 */
import type { AnswerValue } from '@olva/schema';
import type { CatalogueEntry } from './catalogue.js';
import { distributionCode, matrixCells, multipleCodes, numericValue } from './answers.js';
import { ValueStore } from './value-store.js';
import { ageAt } from './reference-date.js';
import { classOf } from './classes.js';

/** Counts by code, with the respondents asked and those who answered. */
export interface CodeCounts {
  asked: number;
  answered: number;
  counts: Map<string, number>;
}

/** The running figures of one question. */
export type Accumulator =
  | ({ kind: 'distribution' | 'multiple' } & CodeCounts)
  | { kind: 'matrix'; asked: number; answered: number; rows: Map<string, CodeCounts> }
  | { kind: 'numeric'; asked: number; answered: number; sum: number; values: ValueStore; bounds: readonly number[] | null; classes: number[] };

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/**
 * A new, empty accumulator for a question.
 * @param bounds class bounds of a numeric question (see classes.ts), or null for none.
 */
export function newAccumulator(entry: CatalogueEntry, capacity: number, bounds: readonly number[] | null = null): Accumulator {
  switch (entry.kind) {
    case 'matrix':
      return { kind: 'matrix', asked: 0, answered: 0, rows: new Map() };
    case 'numeric':
      return { kind: 'numeric', asked: 0, answered: 0, sum: 0, values: new ValueStore(capacity), bounds, classes: bounds ? new Array<number>(bounds.length + 1).fill(0) : [] };
    default:
      return { kind: entry.kind, asked: 0, answered: 0, counts: new Map() };
  }
}

/**
 * Records one respondent to whom the question was shown, with their answer (undefined when
 * they did not answer). A year becomes an age when the wave has a reference date.
 */
export function record(acc: Accumulator, entry: CatalogueEntry, submissionId: string, value: AnswerValue | undefined, referenceDate: string | null): void {
  acc.asked += 1;
  if (value === undefined) return;
  acc.answered += 1;
  switch (acc.kind) {
    case 'distribution':
      bump(acc.counts, distributionCode(submissionId, entry, value));
      return;
    case 'multiple':
      for (const code of multipleCodes(submissionId, entry, value)) bump(acc.counts, code);
      return;
    case 'matrix':
      for (const [row, code] of matrixCells(submissionId, entry, value)) {
        let counts = acc.rows.get(row);
        if (!counts) acc.rows.set(row, (counts = { asked: 0, answered: 0, counts: new Map() }));
        counts.answered += 1;
        bump(counts.counts, code);
      }
      return;
    case 'numeric': {
      const number = numericValue(submissionId, entry, value);
      const figure = entry.type === 'year' && referenceDate !== null ? ageAt(number, referenceDate) : number;
      acc.sum += figure;
      acc.values.add(figure);
      if (acc.bounds) acc.classes[classOf(acc.bounds, figure)]! += 1;
    }
  }
}
