import { describe, expect, it } from 'vitest';
import { MESSAGES, joinTexts, text } from './messages.js';

const slots = (template: string) => [...template.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1]).sort();

describe('the collector\'s message catalogue', () => {
  it('has every entry in French and in English, with the same parameters', () => {
    const entries = Object.entries(MESSAGES);
    expect(entries.length).toBeGreaterThan(80);
    for (const [key, entry] of entries) {
      expect(Object.keys(entry).sort(), key).toEqual(['en', 'fr']);
      expect(entry.fr.trim(), key).not.toBe('');
      expect(entry.en.trim(), key).not.toBe('');
      expect(slots(entry.fr), key).toEqual(slots(entry.en));
    }
  });

  it('keys every entry by a stable code, with a variant after a dot', () => {
    for (const key of Object.keys(MESSAGES)) expect(key).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)?$/);
  });

  it('fills parameters in each language, nested texts in theirs', () => {
    expect(text('forbidden.right', { token: 'rennes', right: 'publish' })).toEqual({
      fr: 'le jeton « rennes » n’a pas le droit « publish »',
      en: 'token "rennes" does not have the "publish" right',
    });
    const none = text('unknown-questionnaire.none');
    expect(text('unknown-questionnaire', { version: text('unknown-questionnaire.without-extension', { questionnaire: 'x 1.0.0' }), accepted: none })).toEqual({
      fr: 'x 1.0.0 sans extension n’est pas accepté par ce collecteur (acceptés : aucun)',
      en: 'x 1.0.0 without extension is not accepted by this collector (accepted: none)',
    });
    expect(joinTexts([none, 'b'], '; ')).toEqual({ fr: 'aucun; b', en: 'none; b' });
  });
});
