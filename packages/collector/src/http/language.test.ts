import { describe, expect, it } from 'vitest';
import { negotiateLanguage } from './language.js';

describe('negotiateLanguage', () => {
  it('is French without a header, with a malformed one, or one naming neither French nor English', () => {
    for (const header of [undefined, '', 'de', 'de-DE, es;q=0.8', ';;;,', 'en;q=abc', 'en;q=2', 'en;q=0', 'fr;q=0']) {
      expect(negotiateLanguage(header), String(header)).toBe('fr');
    }
  });

  it('weighs q-values, reads a language by its primary subtag, and prefers the first on a tie', () => {
    expect(negotiateLanguage('en')).toBe('en');
    expect(negotiateLanguage('EN-us')).toBe('en');
    expect(negotiateLanguage('en-GB;q=0.9, fr;q=0.8')).toBe('en');
    expect(negotiateLanguage('fr-FR, en;q=0.5')).toBe('fr');
    expect(negotiateLanguage('de, en;q=0.3')).toBe('en');
    expect(negotiateLanguage('en;q=0.5, fr;q=0.5')).toBe('en');
    expect(negotiateLanguage('fr;q=0.5, en;q=0.5')).toBe('fr');
    expect(negotiateLanguage('en;q=0.4, *;q=0.5')).toBe('fr');
    expect(negotiateLanguage('en ; q = 0.7 , fr ; q = 0.6')).toBe('en');
    expect(negotiateLanguage(['de', 'en;q=0.2'])).toBe('en');
  });
});
