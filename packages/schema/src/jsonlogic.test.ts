import { describe, expect, it } from 'vitest';
import jsonLogic from 'json-logic-js';
import { prng } from '@olva/test-support/prng';
import { outcome, randomAnswers, randomLogic } from '@olva/test-support/random-logic';
import { answerName, compileLogic, evaluateLogic, truthy } from './jsonlogic.js';

const answers = { n: 0, m: ['a'], e: [], s: '', t: 'abc', b: false, x: 5 };

describe('evaluateLogic', () => {
  it.each([
    [{ '==': [{ var: 'n' }, null] }],
    [{ '<': [{ var: 'missing' }, 1] }],
    [{ '>=': [{ var: 'missing' }, 0] }],
    [{ '+': [{ var: 'x' }, { var: 'missing' }] }],
    [{ '-': [{ var: 'missing' }, 2] }],
    [{ '*': [{ var: 'x' }, '2'] }],
    [{ in: ['a', { var: 'm' }] }],
    [{ in: ['b', { var: 't' }] }],
    [{ in: [{ var: 'missing' }, ['a']] }],
    [{ missing: ['s', 'n', 'z'] }],
    [{ missing_some: [2, ['s', 'n', 't']] }],
    [{ and: [{ var: 'x' }, { var: 'n' }] }],
    [{ or: [{ var: 'e' }, { var: 't' }] }],
    [{ '!': { var: 'e' } }],
    [{ '<': [1, { var: 'x' }, 10] }],
    [{ '==': [{ var: 'b' }, 0] }],
    [{ max: [1, { var: 'x' }] }],
  ])('agrees with json-logic-js on %j', (rule) => {
    expect(evaluateLogic(rule, answers)).toEqual(jsonLogic.apply(rule as never, answers));
    expect(evaluateLogic(rule, answers, answerName)).toEqual(jsonLogic.apply(rule as never, answers));
  });

  it('treats an empty list as false', () => {
    expect(truthy([])).toBe(false);
    expect(truthy([0])).toBe(true);
  });

  it('with answerName, reads dotted question ids as one key, and matrix rows by path', () => {
    expect(evaluateLogic({ var: 'rennes.x' }, { 'rennes.x': 1 }, answerName)).toBe(1);
    expect(evaluateLogic({ var: 'grille.ligne' }, { grille: { ligne: 'a' } }, answerName)).toBe('a');
    expect(evaluateLogic({ var: 'grille.autre' }, { grille: { ligne: 'a' } }, answerName)).toBe(null);
    expect(evaluateLogic({ missing: ['rennes.x', 'grille.ligne', 'grille.autre'] }, { 'rennes.x': 1, grille: { ligne: 'a' } }, answerName)).toEqual(['grille.autre']);
    // Never an inherited property.
    expect(evaluateLogic({ var: 'constructor' }, {}, answerName)).toBe(null);
    expect(evaluateLogic({ var: 't.length' }, { t: 'abc' }, answerName)).toBe(null);
  });

  it('refuses operators outside the safe subset, even where they would not be reached', () => {
    expect(() => evaluateLogic({ method: ['x', 'toString'] }, {})).toThrow(/unsupported JsonLogic operator "method"/);
    expect(() => compileLogic({ and: [false, { log: 1 }] })).toThrow(/"log"/);
  });

  it('gives a literal list as a list that no reader can change', () => {
    const list = compileLogic(['a', 'b'])({}) as string[];
    expect(list).toEqual(['a', 'b']);
    expect(() => list.push('c')).toThrow(TypeError);
    expect(compileLogic(['a', 'b'])({})).toEqual(['a', 'b']);
  });
});

describe('compileLogic against json-logic-js, on nested data (names read as paths)', () => {
  it('agrees on 3,000 random expressions × 3 random answers, or both throw', () => {
    const random = prng(6122026);
    let values = 0;
    for (let e = 0; e < 3_000; e++) {
      const rule = randomLogic(random);
      const compiled = compileLogic(rule);
      for (let k = 0; k < 3; k++) {
        // Plain objects, so dotted names walk into matrix answers and into strings and lists
        // (`a.length`), as json-logic-js does.
        const data = randomAnswers(random);
        const expected = outcome(() => jsonLogic.apply(rule as never, data));
        expect({ rule, data, outcome: outcome(() => compiled(data)) }).toEqual({ rule, data, outcome: expected });
        if ('value' in expected) values++;
      }
    }
    expect(values).toBeGreaterThan(8_000);
  });
});
