import { describe, expect, it } from 'vitest';
import { stringsFor } from './strings.js';

/** Every string of a language, functions called with sample arguments (counts 0, 1, 2, 1000). */
function allTexts(locale: 'fr' | 'en'): [string, string][] {
  const texts: [string, string][] = [];
  for (const [key, value] of Object.entries(stringsFor(locale))) {
    if (typeof value === 'string') texts.push([key, value]);
    else if (typeof value === 'function') {
      const samples: unknown[][] = key === 'draftFound'
        ? [[new Date('2026-03-01')]]
        : [[0, 1, 'Profil'], [1, 2, 'Aucun'], [2, undefined, 'x'], [undefined, 3], [1000, 100_000, 'W123']];
      for (const args of samples) texts.push([`${key}(${args.map(String).join(', ')})`, String((value as (...a: unknown[]) => unknown)(...args))]);
    }
  }
  return texts;
}

describe('interface strings', () => {
  it('has the same keys in French and English', () => {
    expect(Object.keys(stringsFor('en')).sort()).toEqual(Object.keys(stringsFor('fr')).sort());
  });

  it('agrees a count with its noun as each language does: the singular below 2 in French, for 1 only in English', () => {
    const fr = stringsFor('fr');
    const en = stringsFor('en');
    expect([0, 1, 2].map((n) => fr.paperCount(n))).toEqual(['0 questionnaire saisi', '1 questionnaire saisi', '2 questionnaires saisis']);
    expect([0, 1, 2].map((n) => en.paperCount(n))).toEqual(['0 questionnaires entered', '1 questionnaire entered', '2 questionnaires entered']);
  });

  it('writes English without French punctuation: no space before ? ! : ; and no « »', () => {
    for (const [key, text] of allTexts('en')) {
      expect(text, key).not.toMatch(/[\s\u00a0\u202f][?!:;]/);
      expect(text, key).not.toMatch(/[«»]/);
    }
  });

  it('says which choice unticked which, in each language', () => {
    expect(stringsFor('fr').exclusiveUnticked('Aucun', 2)).toBe('« Aucun » a décoché 2 autres réponses.');
    expect(stringsFor('fr').exclusiveUnticked('Aucun', 1)).toBe('« Aucun » a décoché 1 autre réponse.');
    expect(stringsFor('en').exclusiveUnticked('None', 2)).toBe('“None” unticked 2 other answers.');
    expect(stringsFor('en').exclusiveCleared('None')).toBe('“None” was unticked.');
  });
});
