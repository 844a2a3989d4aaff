/** The element's sentences about the sample say the same as the printed documents. */
import { describe, expect, it } from 'vitest';
import { resultsStrings } from './strings.js';

describe('the base of a question', () => {
  it('never reads as a response rate: the second number is whom the question was put to, and only when it differs', () => {
    // "150 répondants sur 150 interrogés" read as "every association surveyed answered".
    expect(resultsStrings('fr').base(150, 150)).toBe('Base : 150 répondants.');
    expect(resultsStrings('fr').base(142, 150)).toBe('Base : 142 répondants sur les 150 à qui elle a été posée.');
    expect(resultsStrings('fr').base(49, null)).toBe('Base : 49 répondants.');
    expect(resultsStrings('en').base(142, 150)).toBe('Base: 142 respondents of the 150 it was put to.');
    expect(resultsStrings('en').base(150, 150)).toBe('Base: 150 respondents.');
  });
});

describe('the method line', () => {
  it('says that "< 3" is one or two answers not shown, not the same thing as "masqué"', () => {
    expect(resultsStrings('fr').method(3)).toContain('« < 3 » : de 1 à 2 réponses, non montré (secret statistique)');
    expect(resultsStrings('en').method(3)).toContain('"< 3": 1 to 2 answers, not shown');
  });
});

describe('counts', () => {
  it('agree with their noun as each language does: the singular below 2 in French, for 1 only in English', () => {
    expect([0, 1, 2].map((n) => resultsStrings('fr').responses(n))).toEqual(['0 réponse.', '1 réponse.', '2 réponses.']);
    expect([0, 1, 2].map((n) => resultsStrings('en').responses(n))).toEqual(['0 responses.', '1 response.', '2 responses.']);
    expect(resultsStrings('en').loaded(0)).toBe('Results loaded: 0 questions.');
  });
});
