import { describe, expect, it } from 'vitest';
import { uiMessages } from './ui-messages.js';

describe('uiMessages', () => {
  it('has the same keys in French and English, none empty', () => {
    const fr = uiMessages('fr');
    const en = uiMessages('en');
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const m of [fr, en]) {
      for (const [key, value] of Object.entries(m)) {
        const args = key === 'draftFound' ? [new Date('2026-03-01')] : [2, 5, 'Profil'];
        const text = typeof value === 'function' ? (value as (...a: unknown[]) => string)(...args) : value;
        expect(typeof text === 'string' && text.length > 0, key).toBe(true);
      }
    }
  });

  it('words counts and steps in each language', () => {
    expect(uiMessages('fr').errorSummaryTitle(1)).toBe('1 erreur empêche de continuer');
    expect(uiMessages('fr').errorSummaryTitle(3)).toBe('3 erreurs empêchent de continuer');
    expect(uiMessages('en').errorSummaryTitle(3)).toBe('3 errors prevent you from continuing');
    expect(uiMessages('fr').step(2, 5)).toBe('Étape 2 sur 5');
    expect(uiMessages('en').step(2, 5, 'Profile')).toBe('Step 2 of 5: Profile');
    expect(uiMessages('fr').requiredMarker).toBe('obligatoire');
    expect(uiMessages('en').requiredMarker).toBe('required');
    expect(uiMessages('de').lang).toBe('fr');
  });
});
