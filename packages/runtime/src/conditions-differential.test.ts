/**
 * Differential test of the compiled conditions against json-logic-js, the interpreter the
 * runtime used before and the reference of JsonLogic's semantics: on thousands of random
 * expressions of the safe subset and random answers (matrix rows, dotted extension ids,
 * values of every JSON type), the closures give json-logic-js's value, or both throw.
 */
import { describe, expect, it } from 'vitest';
import jsonLogic from 'json-logic-js';
import { compileLogic, truthy, type Condition } from '@olva/schema';
import { prng } from '@olva/test-support/prng';
import { outcome, randomAnswers, randomLogic } from '@olva/test-support/random-logic';
import { assertSafeCondition, conditionData, evaluateCondition, evaluateConditionOn } from './conditions.js';

const EXPRESSIONS = 3_000;
const ANSWERS_PER_EXPRESSION = 4;

describe('compiled conditions against json-logic-js', () => {
  it(`agree on ${EXPRESSIONS} random expressions × ${ANSWERS_PER_EXPRESSION} random answers`, () => {
    const random = prng(20261206);
    let compared = 0;
    let threw = 0;
    const truths = new Set<boolean>();
    for (let e = 0; e < EXPRESSIONS; e++) {
      const condition = randomLogic(random) as Condition;
      // The expression as the runtime evaluates it: checked, names rewritten for flat data.
      const prepared = assertSafeCondition(condition);
      const compiled = compileLogic(prepared);
      for (let k = 0; k < ANSWERS_PER_EXPRESSION; k++) {
        const answers = randomAnswers(random);
        const data = conditionData(answers as never);
        const expected = outcome(() => jsonLogic.apply(prepared as never, data));
        const context = { condition, answers };
        expect({ ...context, outcome: outcome(() => compiled(data)) }).toEqual({ ...context, outcome: expected });
        const truth = outcome(() => evaluateConditionOn(condition, data));
        const expectedTruth = 'value' in expected ? { value: truthy(expected.value) } : expected;
        expect({ ...context, truth }).toEqual({ ...context, truth: expectedTruth });
        expect(outcome(() => evaluateCondition(condition, answers as never))).toEqual(expectedTruth);
        compared++;
        if ('threw' in expected) threw++;
        else truths.add(truthy(expected.value));
      }
    }
    expect(compared).toBe(EXPRESSIONS * ANSWERS_PER_EXPRESSION);
    // The generator reaches both truth values, and throwing cases stay a small minority.
    expect([...truths].sort()).toEqual([false, true]);
    expect(threw).toBeLessThan(compared / 10);
  });

  it('agrees on the edge cases of the subset', () => {
    const answers = { n: 0, m: ['a'], e: [], s: '', t: 'abc', b: false, x: 5, g: { x: 'a' }, 'r.l': 'oui' };
    const data = conditionData(answers as never);
    const cases: unknown[] = [
      { min: [] }, { max: [] }, { min: ['a', 1] }, { max: [{ var: 'm' }, 2] },
      { '/': [1, 0] }, { '%': [5, 0] }, { '/': [{ var: 'absent' }, 0] },
      { '+': [] }, { '+': ['1', '2.5x'] }, { '*': ['abc'] }, { '-': [] }, { '-': ['3'] },
      { and: [] }, { or: [] }, { and: [1, [], 2] }, { or: [0, '', [0]] },
      { '!': [[]] }, { '!!': [[]] }, { '!': [] }, { '!!': [['a']] },
      { in: ['b', { var: 't' }] }, { in: [null, 'null'] }, { in: ['a', 5] }, { in: [{ var: 'absent' }, ['a', null]] },
      { '==': [{ var: 'b' }, 0] }, { '==': [{ var: 'e' }, ''] }, { '==': [[1], 1] }, { '===': [{ var: 'n' }, 0] },
      { '<': [1, { var: 'x' }, 10] }, { '<=': [5, { var: 'x' }, 5] }, { '<': [{ var: 'absent' }, 1] },
      { var: ['absent', { '+': [1, 2] }] }, { var: 'g.x' }, { var: 'r.l' }, { var: ['s', 'fallback'] },
      { missing: ['s', 'n', 'z', 'r.l', 'g.x'] }, { missing: [['s', 'z']] }, { missing: { var: 'm' } },
      { missing_some: [2, ['s', 'n', 't']] }, { missing_some: [1, ['z', 'y']] }, { missing_some: [0, []] },
    ];
    for (const condition of cases) {
      const prepared = assertSafeCondition(condition as Condition);
      expect({ condition, value: compileLogic(prepared)(data) }).toEqual({ condition, value: jsonLogic.apply(prepared as never, data) });
    }
  });
});
