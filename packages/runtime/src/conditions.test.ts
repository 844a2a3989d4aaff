import { describe, expect, it } from 'vitest';
import { assertSafeCondition, conditionNames, evaluateCondition, UnsafeConditionError } from './conditions.js';
import type { Condition } from '@olva/schema';
import type { AnswerMap } from './types.js';

describe('evaluateCondition', () => {
  it('evaluates comparisons, and/or/!, in, missing and arithmetic', () => {
    const answers = { a: 3, b: 'sport', c: ['jeunes', 'seniors'], d: true };
    expect(evaluateCondition({ '==': [{ var: 'a' }, 3] }, answers)).toBe(true);
    expect(evaluateCondition({ and: [{ '>': [{ var: 'a' }, 2] }, { '==': [{ var: 'd' }, true] }] }, answers)).toBe(true);
    expect(evaluateCondition({ or: [{ '<': [{ var: 'a' }, 2] }, { '!': { var: 'd' } }] }, answers)).toBe(false);
    expect(evaluateCondition({ in: ['seniors', { var: 'c' }] }, answers)).toBe(true);
    expect(evaluateCondition({ in: ['familles', { var: 'c' }] }, answers)).toBe(false);
    expect(evaluateCondition({ '==': [{ '+': [{ var: 'a' }, 2] }, 5] }, answers)).toBe(true);
    expect(evaluateCondition({ missing: ['a', 'z'] }, answers)).toBe(true);
    expect(evaluateCondition({ missing: ['a'] }, answers)).toBe(false);
  });

  it('reads an unanswered question as null, and an empty list is false', () => {
    expect(evaluateCondition({ '==': [{ var: 'x' }, null] }, {})).toBe(true);
    expect(evaluateCondition({ in: ['a', { var: 'x' }] }, {})).toBe(false);
    expect(evaluateCondition({ var: 'c' }, { c: [] })).toBe(false);
  });

  it('reads extension ids with a dot as one name, not as a path', () => {
    const answers = { 'rennes.locaux': 'oui', rennes: 'non' };
    expect(evaluateCondition({ '==': [{ var: 'rennes.locaux' }, 'oui'] }, answers)).toBe(true);
    expect(evaluateCondition({ '==': [{ var: 'rennes' }, 'non'] }, answers)).toBe(true);
    expect(evaluateCondition({ missing: ['rennes.locaux'] }, answers)).toBe(false);
    expect(evaluateCondition({ missing: ['rennes.autre'] }, answers)).toBe(true);
    expect(evaluateCondition({ missing_some: [1, ['rennes.autre', 'rennes.locaux']] }, answers)).toBe(false);
    expect(evaluateCondition({ '==': [{ var: 'rennes.locaux' }, 'oui'] }, { rennes: { locaux: 'oui' } as never })).toBe(true);
  });

  it('reads a matrix row as <id>.<row>, including in an extension', () => {
    expect(evaluateCondition({ '==': [{ var: 'besoins.locaux' }, 'oui'] }, { besoins: { locaux: 'oui' } })).toBe(true);
    expect(evaluateCondition({ '==': [{ var: 'lor.grille.a' }, 'x'] }, { 'lor.grille': { a: 'x' } })).toBe(true);
  });

  it('never walks into object prototypes', () => {
    expect(evaluateCondition({ '!=': [{ var: 'constructor' }, null] }, {})).toBe(false);
    expect(evaluateCondition({ '!=': [{ var: 'a.length' }, null] }, { a: 'abc' })).toBe(false);
  });

  it('refuses operators outside the safe subset, wherever they hide', () => {
    expect(() => evaluateCondition({ method: [{ var: 'a' }, 'toString'] }, {})).toThrow(UnsafeConditionError);
    expect(() => evaluateCondition({ and: [true, { '==': [{ log: 'x' }, 1] }] }, {})).toThrow(/"log" at "\/and\/1\/==\/0"/);
    expect(() => evaluateCondition({ '==': [{ var: { cat: ['a', 'b'] } }, 1] }, {})).toThrow(UnsafeConditionError);
    expect(() => evaluateCondition({ if: [true, 1, 2] }, {})).toThrow(/"if"/);
    expect(() => evaluateCondition({ '==': [1, 1], '!=': [1, 2] }, {})).toThrow(/exactly one operator/);
  });

  it('accepts a boolean as a condition', () => {
    expect(evaluateCondition(true, {})).toBe(true);
    expect(evaluateCondition(false, {})).toBe(false);
  });
});

describe('one condition compiled once, evaluated on many answers', () => {
  it('prepares a condition object once', () => {
    const condition = { '==': [{ var: 'rennes.locaux' }, 'oui'] } as Condition;
    const prepared = assertSafeCondition(condition);
    expect(assertSafeCondition(condition)).toBe(prepared);
    expect(assertSafeCondition({ '==': [{ var: 'rennes.locaux' }, 'oui'] } as Condition)).not.toBe(prepared);
  });

  it('gives each set of values its own result, however often one condition is evaluated', () => {
    const condition = { and: [{ '==': [{ var: 'secteur' }, 'sport'] }, { in: ['jeunes', { var: 'publics' }] }] } as Condition;
    const cases: [AnswerMap, boolean][] = [
      [{ secteur: 'sport', publics: ['jeunes'] }, true],
      [{ secteur: 'sport', publics: ['seniors'] }, false],
      [{ secteur: 'culture', publics: ['jeunes'] }, false],
      [{ secteur: 'sport' }, false],
      [{ secteur: 'sport', publics: ['jeunes', 'seniors'] }, true],
    ];
    for (let round = 0; round < 3; round++) {
      for (const [answers, expected] of cases) expect(evaluateCondition(condition, answers)).toBe(expected);
    }
    // Types are told apart: the number 1 and the text "1", true and "true".
    const one = { '===': [{ var: 'n' }, 1] } as Condition;
    expect(evaluateCondition(one, { n: 1 })).toBe(true);
    expect(evaluateCondition(one, { n: '1' })).toBe(false);
    const yes = { '===': [{ var: 'b' }, true] } as Condition;
    expect(evaluateCondition(yes, { b: true })).toBe(true);
    expect(evaluateCondition(yes, { b: 'true' })).toBe(false);
    // 0, false, "" and "0" too, and null from an unanswered question.
    const zero = { '===': [{ var: 'z' }, 0] } as Condition;
    for (const [z, expected] of [[0, true], [false, false], ['', false], ['0', false], [0, true], [null, false]] as const) {
      expect(evaluateCondition(zero, { z } as AnswerMap), JSON.stringify(z)).toBe(expected);
    }
    expect(evaluateCondition({ '===': [{ var: 'z' }, null] } as Condition, {})).toBe(true);
  });

  it('reads names computed from the answers afresh at each evaluation', () => {
    // The name checked is the answer to `a`, or "c".
    const condition = { missing: [{ or: [{ var: 'a' }, 'c'] }] } as unknown as Condition;
    expect(evaluateCondition(condition, { a: 'b' })).toBe(true);
    expect(evaluateCondition(condition, { a: 'b', b: 1 })).toBe(false);
    expect(evaluateCondition(condition, { b: 1 })).toBe(true);
    expect(evaluateCondition(condition, { b: 1, c: 2 })).toBe(false);
    expect(evaluateCondition(condition, { a: 'b' })).toBe(true);
  });
});

describe('conditionNames', () => {
  it('lists the answer keys a condition reads, dotted names as written, null when one is not a name', () => {
    expect(conditionNames({ and: [{ '==': [{ var: 'employeur' }, true] }, { in: ['x', { var: 'rennes.locaux' }] }, { missing: ['a', 'm.r1'] }] })).toEqual(['employeur', 'rennes.locaux', 'a', 'm.r1']);
    expect(conditionNames(true)).toEqual([]);
    expect(conditionNames({ '==': [{ var: 1 }, 2] } as Condition)).toBeNull();
    expect(() => conditionNames({ method: [1] } as Condition)).toThrow(UnsafeConditionError);
  });
});
