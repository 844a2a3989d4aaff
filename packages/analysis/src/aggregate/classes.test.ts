import { describe, expect, it } from 'vitest';
import { classOf, numericClasses } from './classes.js';
import type { AnalysisError } from '../errors.js';

describe('numeric classes', () => {
  it('cut the line into classes closed below and open above', () => {
    expect(numericClasses([5, 10], '/classes/x')).toEqual([
      { code: '[-inf,5)', from: null, to: 5 },
      { code: '[5,10)', from: 5, to: 10 },
      { code: '[10,+inf)', from: 10, to: null },
    ]);
    expect([-3, 4.99, 5, 9, 10, 1e9].map((v) => classOf([5, 10], v))).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('refuse bounds that are not increasing finite numbers, naming the bound', () => {
    expect(() => numericClasses([5, 3], '/classes/x')).toThrow('/classes/x/1: [analysis/classes]');
    expect(() => numericClasses([Number.NaN], '/classes/x')).toThrow('/classes/x/0');
    // In French too, for olva analyse --lang fr; still the analysis' error (409), not the asker's.
    const error = (() => { try { numericClasses([5, 3], '/classes/x'); } catch (e) { return e as AnalysisError; } })();
    expect([error?.text?.fr, error?.byAsker]).toEqual(['les bornes des classes croissent strictement : 3 vient après 5', false]);
  });
});
