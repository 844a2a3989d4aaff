/**
 * Test support for linked figures: a small questionnaire of filter questions and the
 * questions they filter (built with `@olva/test-support/compiled`), and payloads made from
 * plain answers, with the answers to hidden questions dropped as the runtime does.
 */
import type { CompiledQuestionnaire, Question, ResponsePayload } from '@olva/schema';
import { computeVisibility } from '@olva/runtime';
import { compiledQuestionnaire } from '@olva/test-support/compiled';

const fr = (text: string) => ({ fr: text });
const choices = (...codes: string[]) => codes.map((code) => ({ code, label: fr(code) }));

/** Which filtered questions are required (each may be, or not). */
export interface FilteredSpec {
  required?: Partial<Record<'q1' | 'q2' | 'q3' | 'q4' | 'q5' | 'q6' | 'm', boolean>>;
}

/**
 * The questionnaire: filters `f1` (single a..d) and `f2` (boolean), and the questions they filter:
 * - `q1` (integer) when f1 ∈ {a, b};
 * - `q2` (single x/y) when f2 is true;
 * - `q3` (boolean) when f1 = c and f2 is true (two filters);
 * - `q4` (integer) when q2 = x (nested: q2 is itself filtered);
 * - `q5` (scale 1..3) when f1 ≠ d (also shown when f1 is not answered);
 * - `note` (free text, never aggregated) when f2 is true, and `q6` (integer) when `note` is given;
 * - `m` (matrix r1, r2 × u/v) when f2 is true.
 */
export function filteredQuestionnaire(spec: FilteredSpec = {}): CompiledQuestionnaire {
  const req = (id: keyof NonNullable<FilteredSpec['required']>) => (spec.required?.[id] ? { required: true } : {});
  const questions = [
    { id: 'f1', type: 'single', label: fr('F1'), choices: choices('a', 'b', 'c', 'd') },
    { id: 'f2', type: 'boolean', label: fr('F2') },
    { id: 'q1', type: 'integer', label: fr('Q1'), visibleWhen: { in: [{ var: 'f1' }, ['a', 'b']] }, ...req('q1') },
    { id: 'q2', type: 'single', label: fr('Q2'), choices: choices('x', 'y'), visibleWhen: { '==': [{ var: 'f2' }, true] }, ...req('q2') },
    { id: 'q3', type: 'boolean', label: fr('Q3'), visibleWhen: { and: [{ '==': [{ var: 'f1' }, 'c'] }, { '==': [{ var: 'f2' }, true] }] }, ...req('q3') },
    { id: 'q4', type: 'integer', label: fr('Q4'), visibleWhen: { '==': [{ var: 'q2' }, 'x'] }, ...req('q4') },
    { id: 'q5', type: 'scale', label: fr('Q5'), choices: choices('s1', 's2', 's3'), visibleWhen: { '!=': [{ var: 'f1' }, 'd'] }, ...req('q5') },
    { id: 'note', type: 'text', label: fr('Note'), visibleWhen: { '==': [{ var: 'f2' }, true] } },
    { id: 'q6', type: 'integer', label: fr('Q6'), visibleWhen: { '!!': [{ var: 'note' }] }, ...req('q6') },
    { id: 'm', type: 'matrix', label: fr('M'), rows: choices('r1', 'r2'), choices: choices('u', 'v'), visibleWhen: { '==': [{ var: 'f2' }, true] }, ...req('m') },
  ] as unknown as Question[];
  return compiledQuestionnaire({ id: 'filtered', questionnaire: { id: 'filtered', version: '1.0.0' }, title: fr('Filtres'), sections: [{ id: 's', title: fr('S'), questions }] });
}

let counter = 0;

/** A payload of `answers` to `compiled` in Rennes (or `territory`), the answers to hidden questions dropped. */
export function payloadOf(compiled: CompiledQuestionnaire, answers: Record<string, unknown>, wave = '2026', territory = { level: 'commune', code: '35238' }): ResponsePayload {
  counter += 1;
  return {
    kind: 'olva-response', specVersion: 1,
    submissionId: `00000000-0000-4000-9000-${String(counter).padStart(12, '0')}`,
    questionnaire: { ...compiled.questionnaire }, extension: null,
    territory: { ...territory }, wave, channel: 'web', locale: 'fr',
    startedAt: '2026-03-01T10:00:00Z', submittedAt: '2026-03-01T10:20:00Z',
    client: { name: 'test', version: '1' },
    answers: computeVisibility(compiled, answers as never).answers,
  } as ResponsePayload;
}
