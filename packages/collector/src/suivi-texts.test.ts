/**
 * The cockpit's words (`suivi/i18n.js`, plain JavaScript served as is): every text in both
 * languages, and no « (s) » left for the reader to resolve (« 0 groupe(s) résolu(s) sur 1 »
 * was the first thing a coordinator read on the duplicates view).
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module of the page, without declarations
import { TEXTS, t } from '../suivi/i18n.js';

const texts = TEXTS as Record<'fr' | 'en', Record<string, string>>;

describe('the cockpit texts', () => {
  it('have the same keys in French and English', () => {
    expect(Object.keys(texts.en).sort()).toEqual(Object.keys(texts.fr).sort());
  });

  it('never leave a plural for the reader to work out', () => {
    for (const lang of ['fr', 'en'] as const) {
      for (const [key, value] of Object.entries(texts[lang])) expect(value, `${lang}.${key}`).not.toMatch(/\w\(s\)/);
    }
    expect(t('fr', 'resolved', { n: 0, total: 1 })).toBe('Groupes résolus : 0 sur 1.');
    // One response missing is said in the singular.
    expect(t('fr', 'chaseLineOne', { sector: 'Sport', count: 4, quota: 5 })).toBe('Sport : 1 réponse manquante (déjà 4 sur 5)');
    expect(t('en', 'chaseLineOne', { sector: 'Sport', count: 4, quota: 5 })).toBe('Sport: 1 response missing (4 of 5 so far)');
  });
});
