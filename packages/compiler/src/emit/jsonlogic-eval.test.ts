import { describe, expect, it } from 'vitest';
import jsonLogic from 'json-logic-js';
import { evaluate, truthy } from './jsonlogic-eval.js';

const answers = { n: 0, m: ['a'], e: [], s: '', t: 'abc', b: false, x: 5 };

describe('evaluate', () => {
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
    expect(evaluate(rule, answers)).toEqual(jsonLogic.apply(rule as never, answers));
  });

  it('treats an empty list as false', () => {
    expect(truthy([])).toBe(false);
    expect(truthy([0])).toBe(true);
  });

  it('reads dotted question ids as one key, and matrix rows by path', () => {
    expect(evaluate({ var: 'rennes.x' }, { 'rennes.x': 1 })).toBe(1);
    expect(evaluate({ var: 'grille.ligne' }, { grille: { ligne: 'a' } })).toBe('a');
    expect(evaluate({ var: 'grille.autre' }, { grille: { ligne: 'a' } })).toBe(null);
  });

  it('refuses operators outside the safe subset', () => {
    expect(() => evaluate({ method: ['x', 'toString'] }, {})).toThrow(/unsupported/);
  });
});
