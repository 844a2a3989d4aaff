import { describe, expect, it } from 'vitest';
import jsonLogic from 'json-logic-js';
import { ConditionRunner } from 'survey-core';
import { literal, toSurveyExpression, type VarInfo } from './surveyjs-expression.js';
import { truthy } from '@olva/schema';
import { prng as rng } from '@olva/test-support/prng';

/** A small universe of answers of every kind. */
const VARS: Record<string, VarInfo> = {
  b: { name: 'b', kind: 'boolean', domain: [true, false] },
  s: { name: 's', kind: 'string', domain: ['a', 'b', 'c'] },
  n: { name: 'n', kind: 'number' },
  k: { name: 'k', kind: 'number' },
  sc: { name: 'sc', kind: 'number', domain: [1, 2, 3] },
  m: { name: 'm', kind: 'array' },
  c: { name: 'c', kind: 'string', exactStrings: true },
  'ext.q': { name: 'ext__q', kind: 'string', domain: ['oui', 'non'] },
  'mx.r1': { name: 'mx.r1', kind: 'string', domain: ['x', 'y'] },
};
const resolve = (key: string): VarInfo | undefined => VARS[key];

const pick = <T,>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)];

const POOLS: Record<string, unknown[]> = {
  b: [true, false, null, 1, 0, 'true'],
  s: ['a', 'b', 'c', 'z', null, ''],
  n: [0, 1, 5, -2, 2.5, '5', null, true],
  k: [0, 3, 7, null],
  sc: [1, 2, 3, 0, '2', null],
  m: ['a', 'b', 'z'],
  c: ['35238', '2A004', '56121', null],
  'ext.q': ['oui', 'non', null],
  'mx.r1': ['x', 'y', null],
};

const SCALAR_VARS = ['b', 's', 'n', 'k', 'sc', 'c', 'ext.q', 'mx.r1'];

function randomAtom(r: () => number): unknown {
  const kind = r();
  const v = pick(r, SCALAR_VARS);
  const op = pick(r, ['==', '!=', '===', '!==', '<', '<=', '>', '>=']);
  if (kind < 0.45) {
    const args = [{ var: v }, pick(r, POOLS[v])];
    return { [op]: r() < 0.2 ? args.reverse() : args };
  }
  if (kind < 0.55) return { [op]: [{ var: pick(r, ['n', 'k', 'sc', 'b']) }, { var: pick(r, ['n', 'k', 'sc']) }] };
  if (kind < 0.65) return { in: [pick(r, POOLS.m), { var: 'm' }] };
  if (kind < 0.75) return { in: [{ var: pick(r, ['s', 'sc', 'n', 'ext.q']) }, [pick(r, ['a', 'b', 1, 2, 'oui']), pick(r, ['c', 3, 'non'])]] };
  if (kind < 0.8) return { missing: [pick(r, SCALAR_VARS), pick(r, ['m', 'n', 'zz'])] };
  if (kind < 0.84) return { missing_some: [pick(r, [1, 2]), [pick(r, SCALAR_VARS), 'm', pick(r, ['n', 's'])]] };
  if (kind < 0.92) return { [op]: [{ [pick(r, ['+', '-'])]: [{ var: pick(r, ['n', 'k', 'sc']) }, pick(r, [1, { var: 'k' }, '2'])] }, pick(r, [0, 3, 6])] };
  if (kind < 0.96) return { '<': [pick(r, [0, 1]), { var: pick(r, ['n', 'sc']) }, pick(r, [3, 10])] };
  return { var: pick(r, ['b', 'n', 's', 'm', 'sc']) };
}

function randomCondition(r: () => number, depth = 0): unknown {
  const x = r();
  if (depth < 2 && x < 0.15) return { and: [randomCondition(r, depth + 1), randomCondition(r, depth + 1)] };
  if (depth < 2 && x < 0.3) return { or: [randomCondition(r, depth + 1), randomCondition(r, depth + 1)] };
  if (depth < 2 && x < 0.38) return { '!': randomCondition(r, depth + 1) };
  return randomAtom(r);
}

const ANSWERS: Record<string, unknown[]> = {
  b: [true, false],
  s: ['a', 'b', 'c'],
  n: [0, 1, 4, 5, 6, -3, 2.5, 12],
  k: [0, 2, 3, 7],
  sc: [1, 2, 3],
  m: [['a'], ['b'], ['a', 'b'], ['b', 'c']],
  c: ['35238', '2A004', '56121'],
  'ext.q': ['oui', 'non'],
  'mx.r1': ['x', 'y'],
};

/** Random flat answers (absent = not answered) in OLVA's shape. */
function randomAnswers(r: () => number): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const [key, values] of Object.entries(ANSWERS)) if (r() < 0.7) answers[key] = pick(r, values);
  return answers;
}

/** The same answers as json-logic-js reads them (it descends into dotted names). */
function jsonLogicData(answers: Record<string, unknown>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(answers)) {
    const [head, tail] = k.split('.');
    if (tail === undefined) data[k] = v;
    else data[head] = { ...(data[head] as object), [tail]: v };
  }
  return data;
}

/** The same answers as SurveyJS stores them (dots of ids → `__`, matrix rows nested). */
function surveyData(answers: Record<string, unknown>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(answers)) {
    if (k.startsWith('mx.')) data.mx = { ...(data.mx as object), [k.slice(3)]: v };
    else data[k.replace(/\./g, '__')] = v;
  }
  return data;
}

describe('toSurveyExpression', () => {
  it('translates simple conditions readably', () => {
    expect(toSurveyExpression({ '==': [{ var: 'b' }, true] }, resolve).expression).toBe('{b} = true');
    expect(toSurveyExpression({ '==': [{ var: 'ext.q' }, 'oui'] }, resolve).expression).toBe("{ext__q} = 'oui'");
    expect(toSurveyExpression({ in: [{ var: 's' }, ['a', 'b']] }, resolve).expression).toBe("{s} anyof ['a', 'b']");
    expect(toSurveyExpression({ in: ['a', { var: 'm' }] }, resolve).expression).toBe("{m} contains 'a'");
    expect(toSurveyExpression({ missing: ['n'] }, resolve).expression).toBe('{n} empty');
    expect(toSurveyExpression({ '>': [{ var: 'n' }, 5] }, resolve).expression).toBe('{n} > 5');
  });

  it('keeps JavaScript null coercion: a missing number is 0 in < and >=', () => {
    const t = toSurveyExpression({ '<': [{ var: 'n' }, 5] }, resolve);
    expect(t.exact).toBe(true);
    expect(new ConditionRunner(t.expression).runValues({})).toBe(true);
    expect(truthy(jsonLogic.apply({ '<': [{ var: 'n' }, 5] }, {}))).toBe(true);
  });

  it('flags case-insensitive text comparisons as inexact', () => {
    const t = toSurveyExpression({ '==': [{ var: 't' }, 'abc'] }, (k) => (k === 't' ? { name: 't', kind: 'string' } : undefined));
    expect(t.exact).toBe(false);
    expect(t.notes.join(' ')).toMatch(/case/);
  });

  it('writes literals SurveyJS can parse, and refuses the others', () => {
    expect(literal(-2)).toBe('(0 - 2)');
    expect(literal('a')).toBe("'a'");
    expect(literal("l'eau")).toBeUndefined();
    expect(literal(Infinity)).toBeUndefined();
  });

  it('agrees with json-logic-js on 3,000 random (condition, answers) pairs', () => {
    const r = rng(20260101);
    let exact = 0;
    let checked = 0;
    for (let i = 0; i < 300; i++) {
      const condition = randomCondition(r);
      const t = toSurveyExpression(condition, resolve);
      if (!t.exact) continue;
      exact++;
      const runner = new ConditionRunner(t.expression);
      for (let j = 0; j < 10; j++) {
        const answers = randomAnswers(r);
        const expected = truthy(jsonLogic.apply(condition as never, jsonLogicData(answers)));
        const actual = runner.runValues(surveyData(answers));
        if (actual !== expected) {
          throw new Error(`mismatch on ${JSON.stringify(condition)} → ${t.expression} with ${JSON.stringify(answers)}: SurveyJS ${actual}, JsonLogic ${expected}`);
        }
        checked++;
      }
    }
    // The generator mostly produces translatable conditions; the comparison must be substantial.
    expect(exact).toBeGreaterThan(200);
    expect(checked).toBe(exact * 10);
  });
});
