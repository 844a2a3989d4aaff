import { describe, expect, it } from 'vitest';
import type { Choice } from '@olva/schema';
import type { QuestionContext } from './context.js';
import { matchChoice } from './code-entry.js';
import { toggleCode } from './multiple.js';
import { setRow } from './matrix.js';

const choice = (code: string): Choice => ({ code, label: { fr: code } });
const choices = ['sport', 'culture', 'aucun'].map(choice);
type Multiple = Extract<QuestionContext['question'], { type: 'multiple' }>;
const multiple = { type: 'multiple', choices, exclusive: ['aucun'] } as unknown as Multiple;

describe('matchChoice (data entry)', () => {
  it('reads a 1-based number or a code, in any case', () => {
    expect(matchChoice(choices, '2')?.code).toBe('culture');
    expect(matchChoice(choices, ' Sport ')?.code).toBe('sport');
    expect(matchChoice(choices, '4')).toBeUndefined();
    expect(matchChoice(choices, '0')).toBeUndefined();
    expect(matchChoice(choices, 'foot')).toBeUndefined();
  });
});

describe('toggleCode (multiple)', () => {
  it('keeps the order of the choices', () => {
    expect(toggleCode(multiple, ['culture'], 'sport', true)).toEqual(['sport', 'culture']);
    expect(toggleCode(multiple, ['sport', 'culture'], 'sport', false)).toEqual(['culture']);
  });
  it('never combines an exclusive choice with another', () => {
    expect(toggleCode(multiple, ['sport', 'culture'], 'aucun', true)).toEqual(['aucun']);
    expect(toggleCode(multiple, ['aucun'], 'culture', true)).toEqual(['culture']);
  });
});

describe('setRow (matrix)', () => {
  it('sets and clears one row, and gives undefined when no row is left', () => {
    expect(setRow({ a: 'x' }, 'b', 'y')).toEqual({ a: 'x', b: 'y' });
    expect(setRow({ a: 'x', b: 'y' }, 'a', undefined)).toEqual({ b: 'y' });
    expect(setRow({ a: 'x' }, 'a', undefined)).toBeUndefined();
  });
});
