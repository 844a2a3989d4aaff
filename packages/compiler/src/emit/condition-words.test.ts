import { describe, expect, it } from 'vitest';
import type { Condition, Question } from '@olva/schema';
import { compiledQuestionnaire } from '@olva/test-support/compiled';
import { conditionWords } from './condition-words.js';

const label = (fr: string, en = fr) => ({ fr, en });
const compiled = compiledQuestionnaire({
  id: 'words', title: label('Mots'),
  sections: [{
    id: 's', title: label('S'), questions: [
      { id: 'employeur', type: 'boolean', label: label('Employeur') },
      { id: 'nb_salaries', type: 'integer', label: label('Salariés'), min: 0 },
      { id: 'secteur', type: 'single', label: label('Secteur'), choices: [{ code: 'sport', label: label('Sport') }, { code: 'culture', label: label('Culture') }] },
      { id: 'besoins', type: 'multiple', label: label('Besoins'), choices: [{ code: 'aucun', label: label('Aucun', 'None') }, { code: 'locaux', label: label('Locaux', 'Premises') }] },
    ] as Question[],
  }],
});
const fr = (c: unknown) => conditionWords(c as Condition, compiled, 'fr');
const en = (c: unknown) => conditionWords(c as Condition, compiled, 'en');

describe('conditions in words, without double negatives', () => {
  it('carries a negation into a comparison', () => {
    expect(fr({ '!': { '==': [{ var: 'secteur' }, 'sport'] } })).toBe('Q3 secteur ≠ « Sport » (sport)');
    expect(fr({ '!': { '<': [{ var: 'nb_salaries' }, 3] } })).toBe('Q2 nb_salaries ≥ 3');
    expect(fr({ '!': { '!=': [{ var: 'secteur' }, 'sport'] } })).toBe('Q3 secteur = « Sport » (sport)');
  });

  it('says "is answered" for "not missing" and for "not unanswered"', () => {
    expect(fr({ '!': { missing: ['nb_salaries'] } })).toBe('Q2 nb_salaries est répondue');
    expect(en({ '!': { '==': [{ var: 'nb_salaries' }, null] } })).toBe('Q2 nb_salaries is answered');
    expect(fr({ '!': { '!': { var: 'nb_salaries' } } })).toBe('Q2 nb_salaries est répondue');
  });

  it('applies De Morgan to "not (a and b)" and "not (a or b)"', () => {
    expect(fr({ '!': { and: [{ '==': [{ var: 'employeur' }, true] }, { '>': [{ var: 'nb_salaries' }, 0] }] } }))
      .toBe('(Q1 employeur = Non ou sans réponse) ou Q2 nb_salaries ≤ 0');
    expect(en({ '!': { or: [{ in: ['aucun', { var: 'besoins' }] }, { '==': [{ var: 'secteur' }, 'sport'] }] } }))
      .toBe('Q4 besoins does not include « None » (aucun) and Q3 secteur ≠ « Sport » (sport)');
  });

  it('writes a yes/no question that is not one answer as the other one, or unanswered', () => {
    expect(fr({ '!=': [{ var: 'employeur' }, false] })).toBe('Q1 employeur = Oui ou sans réponse');
    expect(fr({ '!': { var: 'employeur' } })).toBe('Q1 employeur = Non ou sans réponse');
    expect(en({ '!': [{ var: 'employeur' }] })).toBe('Q1 employeur = No or unanswered');
  });

  it('says "is not one of" for a choice outside a list', () => {
    expect(fr({ '!': { in: [{ var: 'secteur' }, ['sport', 'culture']] } })).toBe("Q3 secteur n'est pas parmi {« Sport » (sport), « Culture » (culture)}");
  });

  it('never reads "non (… n\'est pas …)" for any negated construct it knows', () => {
    const negated = [
      { missing: ['secteur'] }, { '==': [{ var: 'secteur' }, null] }, { '!': { var: 'secteur' } },
      { and: [{ missing: ['secteur'] }, { '!': { var: 'employeur' } }] }, { in: ['locaux', { var: 'besoins' }] },
    ];
    for (const c of negated) expect(fr({ '!': c })).not.toMatch(/^non \(|n'est pas répondue/);
  });
});
