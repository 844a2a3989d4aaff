/**
 * Property: from everything a group publishes, no hidden count of a filter question can be
 * recomputed. The checker is written here, independently of disclosure/linked.ts: it states
 * by hand what a reader of the (public) questionnaire knows each filtered question's base
 * says about its filters, and enumerates every count vector consistent with the document.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aggregateResponses } from '../aggregate/aggregate.js';
import { filteredQuestionnaire, payloadOf, type FilteredSpec } from '../__fixtures__/filtered.js';
import type { GroupResults, QuestionFigures } from '../results.js';

type Filter = 'f1' | 'f2' | 'q2';
const CODES: Record<Filter, string[]> = { f1: ['a', 'b', 'c', 'd'], f2: ['true', 'false'], q2: ['x', 'y'] };

/**
 * What a published question's base tells of a filter, from the questionnaire alone: the
 * question is shown only to respondents whose filter answer is in `codes` (or unanswered,
 * with `unanswered`), so answered ≤ that count; `exact` when it is required and its
 * condition reads that filter alone (answered = that count).
 */
interface Implication { question: string; filter: Filter; codes: string[]; unanswered: boolean; exact: (required: FilteredSpec['required']) => boolean }
const IMPLICATIONS: Implication[] = [
  { question: 'q1', filter: 'f1', codes: ['a', 'b'], unanswered: false, exact: (r) => !!r?.q1 },
  { question: 'q3', filter: 'f1', codes: ['c'], unanswered: false, exact: () => false },
  { question: 'q5', filter: 'f1', codes: ['a', 'b', 'c'], unanswered: true, exact: (r) => !!r?.q5 },
  { question: 'q2', filter: 'f2', codes: ['true'], unanswered: false, exact: (r) => !!r?.q2 },
  { question: 'q3', filter: 'f2', codes: ['true'], unanswered: false, exact: () => false },
  { question: 'q4', filter: 'f2', codes: ['true'], unanswered: false, exact: () => false },
  { question: 'q6', filter: 'f2', codes: ['true'], unanswered: false, exact: () => false },
  { question: 'm', filter: 'f2', codes: ['true'], unanswered: false, exact: (r) => !!r?.m },
  { question: 'q4', filter: 'q2', codes: ['x'], unanswered: false, exact: (r) => !!r?.q4 },
];

/** Every vector of `n` non-negative integers with the given sum (or any sum ≤ `max` when sum is null). */
function* vectors(n: number, sum: number | null, max: number): Generator<number[]> {
  if (n === 0) {
    if (sum === null || sum === 0) yield [];
    return;
  }
  const top = sum ?? max;
  for (let v = 0; v <= top; v++) for (const rest of vectors(n - 1, sum === null ? null : sum - v, sum === null ? max - v : 0)) yield [v, ...rest];
}

/**
 * The hidden counts of `filter` that the group's published figures determine, as
 * `code=value`; `truth` (the real counts) must be one of the consistent vectors.
 */
function determined(g: GroupResults, filter: Filter, required: FilteredSpec['required'], truth: Map<string, number>, minBase: number): string[] {
  const f = g.questions.find((q) => q.id === filter) as QuestionFigures & { categories?: { code: string; count: number | null }[] };
  const published = f.status !== 'withheld';
  const known = new Map<string, number>();
  if (published) for (const c of f.categories!) if (c.count !== null) known.set(c.code, c.count);
  const hidden = CODES[filter].filter((c) => !known.has(c));
  if (hidden.length === 0) return [];
  const answered = published ? f.base!.answered : null;
  // Withheld for a small base, the reader knows fewer than minBase answered.
  const hiddenSum = answered === null ? null : answered - [...known.values()].reduce((s, n) => s + n, 0);
  const max = answered !== null ? hiddenSum! : f.withheldReason === 'small-base' ? Math.min(g.responses, minBase - 1) : g.responses;
  const constraints = IMPLICATIONS.filter((i) => i.filter === filter).flatMap((i) => {
    const q = g.questions.find((x) => x.id === i.question)!;
    return q.status === 'withheld' ? [] : [{ ...i, answered: q.base!.answered }];
  });
  const values = hidden.map(() => new Set<number>());
  let truthSeen = false;
  for (const v of vectors(hidden.length, hiddenSum, max)) {
    const count = (code: string) => known.get(code) ?? v[hidden.indexOf(code)]!;
    const total = CODES[filter].reduce((s, c) => s + count(c), 0);
    const ok = constraints.every((c) => {
      // Unanswered: every respondent of the group minus those who answered the filter.
      const asked = c.codes.reduce((s, code) => s + count(code), 0) + (c.unanswered ? g.responses - total : 0);
      return c.exact(required) ? c.answered === asked : c.answered <= asked;
    });
    if (!ok) continue;
    if (hidden.every((code, k) => truth.get(code) === v[k])) truthSeen = true;
    v.forEach((x, k) => values[k]!.add(x));
  }
  expect(truthSeen).toBe(true);
  return hidden.flatMap((code, k) => (values[k]!.size === 1 ? [`${code}=${[...values[k]!][0]}`] : []));
}

const weighted = <T>(...pairs: [T, number][]) => fc.oneof(...pairs.map(([v, weight]) => ({ arbitrary: fc.constant(v), weight })));

const respondent = fc.record({
  f1: weighted<string | undefined>(['a', 8], ['b', 3], ['c', 2], ['d', 1], [undefined, 1]),
  f2: weighted<boolean | undefined>([true, 5], [false, 1], [undefined, 1]),
  q2: weighted(['x', 4], ['y', 1]),
  answers: fc.boolean(),
  note: fc.boolean(),
});

describe('linked figures (property)', () => {
  it('no hidden count of a filter question is determined by the published figures of its group', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(respondent, { minLength: 3, maxLength: 40 }),
      fc.record({ q1: fc.boolean(), q2: fc.boolean(), q4: fc.boolean(), q5: fc.boolean(), m: fc.boolean() }),
      fc.constantFrom([2, 3], [3, 3], [3, 5], [3, 10]),
      async (people, required, [minCell, minBase]) => {
        const compiled = filteredQuestionnaire({ required });
        const payloads = people.map((p) => {
          // A required question is answered whenever shown; the others when the respondent chose to.
          const give = (id: keyof typeof required) => required[id] || p.answers;
          return payloadOf(compiled, {
            ...(p.f1 !== undefined ? { f1: p.f1 } : {}), ...(p.f2 !== undefined ? { f2: p.f2 } : {}),
            ...(give('q1') ? { q1: 1 } : {}), ...(give('q2') ? { q2: p.q2 } : {}), ...(p.answers ? { q3: true } : {}),
            ...(give('q4') ? { q4: 2 } : {}), ...(give('q5') ? { q5: 2 } : {}), ...(p.note ? { note: 'n', q6: 3 } : {}),
            ...(give('m') ? { m: { r1: 'u', r2: 'v' } } : {}),
          });
        });
        const truth = (id: Filter) => {
          const counts = new Map(CODES[id].map((c) => [c, 0]));
          for (const p of payloads) {
            const v = p.answers[id];
            if (v !== undefined) counts.set(String(v), counts.get(String(v))! + 1);
          }
          return counts;
        };
        const doc = await aggregateResponses(payloads, { compiled: [compiled], rules: { minCell, minBase } });
        const [g] = doc.groups;
        for (const filter of ['f1', 'f2', 'q2'] as const) expect([filter, determined(g!, filter, required, truth(filter), minBase)]).toEqual([filter, []]);
      },
    ), { numRuns: 150, seed: 20261206 });
  });
});
