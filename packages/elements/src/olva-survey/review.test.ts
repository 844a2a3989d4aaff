import { describe, expect, it } from 'vitest';
import type { CompiledQuestion } from '@olva/runtime';
import { answerInWords } from './review.js';
import { stringsFor } from '../strings.js';
import { rememberCommune } from '../questions/commune-search.js';

const q = (def: object) => ({ id: 'q', label: { fr: 'Q' }, number: 1, section: 's', origin: {}, ...def }) as unknown as CompiledQuestion;
const fr = stringsFor('fr');
const choices = [{ code: 'sport', label: { fr: 'Sport', en: 'Sports' } }, { code: 'culture', label: { fr: '*Culture*' } }];

describe('answerInWords', () => {
  it('says choices with their labels, in the language, without markup', () => {
    expect(answerInWords(q({ type: 'single', choices }), 'sport', undefined, 'en', stringsFor('en'))).toBe('Sports');
    expect(answerInWords(q({ type: 'multiple', choices }), ['sport', 'culture'], undefined, 'en', stringsFor('en'))).toBe('Sports\nCulture');
  });
  it('says the "other" text', () => {
    const other = { code: 'other', label: { fr: 'Autre (précisez)' } };
    const question = q({ type: 'single', choices: [...choices, other], other: { label: { fr: 'Autre' } } });
    expect(answerInWords(question, 'other', 'Pétanque', 'fr', fr)).toBe('Autre : Pétanque');
    // Without its text (which the page requires), the choice still reads as the cockpit reads it.
    expect(answerInWords(question, 'other', undefined, 'fr', fr)).toBe('Autre');
    const several = q({ type: 'multiple', choices: [...choices, other], other: { label: { fr: 'Autre' } } });
    expect(answerInWords(several, ['culture', 'other'], 'Pétanque', 'fr', fr)).toBe('Culture\nAutre : Pétanque');
    expect(answerInWords(several, ['other'], 'Pétanque', 'fr', fr)).toBe('Autre : Pétanque');
  });
  it('says yes/no, scale points, matrix rows and numbers', () => {
    expect(answerInWords(q({ type: 'boolean' }), false, undefined, 'fr', fr)).toBe('Non');
    expect(answerInWords(q({ type: 'scale', choices }), 2, undefined, 'fr', fr)).toBe('2 – Culture');
    expect(answerInWords(q({ type: 'matrix', rows: [{ code: 'r', label: { fr: 'Ligne' } }], choices }), { r: 'sport' }, undefined, 'fr', fr))
      .toBe('Ligne : Sport');
    expect(answerInWords(q({ type: 'scale', choices }), 3, undefined, 'fr', fr)).toBe('3');
    expect(answerInWords(q({ type: 'decimal' }), 1234.5, undefined, 'fr', fr)).toBe('1\u202f234,5');
    expect(answerInWords(q({ type: 'year' }), 1998, undefined, 'fr', fr)).toBe('1998');
  });
  it('says matrix rows in the questionnaire’s order, not the order they were answered in', () => {
    const rows = [{ code: 'locaux', label: { fr: 'Locaux' } }, { code: 'benevoles', label: { fr: 'Bénévoles' } }];
    expect(answerInWords(q({ type: 'matrix', rows, choices }), { benevoles: 'sport', locaux: 'culture' }, undefined, 'fr', fr))
      .toBe('Locaux : Culture\nBénévoles : Sport');
  });
  it('says a commune by its name and code once its name is known, by its code otherwise', () => {
    expect(answerInWords(q({ type: 'commune' }), '29019', undefined, 'fr', fr)).toBe('29019');
    rememberCommune({ code: '35238', name: 'Rennes' });
    expect(answerInWords(q({ type: 'commune' }), '35238', undefined, 'fr', fr)).toBe('Rennes (35238)');
  });
  it('writes English without French punctuation', () => {
    const en = stringsFor('en');
    const other = q({ type: 'multiple', choices, other: { label: { fr: 'Autre', en: 'Other' } } });
    expect(answerInWords(other, ['sport', 'other'], 'Boules', 'en', en)).toBe('Sports\nOther: Boules');
    expect(answerInWords(q({ type: 'matrix', rows: [{ code: 'r', label: { fr: 'Ligne', en: 'Row' } }], choices }), { r: 'sport' }, undefined, 'en', en))
      .toBe('Row: Sports');
  });
  it('writes a number with the unit its question gives, in the language shown', () => {
    const unit = { fr: 'salariés', en: 'employees' };
    expect(answerInWords(q({ type: 'integer', unit }), 1200, undefined, 'fr', fr)).toBe('1\u202f200\u00a0salariés');
    expect(answerInWords(q({ type: 'decimal', unit: { fr: 'ETP', en: 'FTE' } }), 3.5, undefined, 'en', stringsFor('en'))).toBe('3.5\u00a0FTE');
    expect(answerInWords(q({ type: 'integer' }), 12, undefined, 'fr', fr)).toBe('12');
  });
  it('is null when not answered', () => {
    expect(answerInWords(q({ type: 'text' }), undefined, undefined, 'fr', fr)).toBeNull();
  });
});
