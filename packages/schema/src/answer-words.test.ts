/**
 * An answer in the questionnaire's own words, as both the respondent's review and the cockpit's
 * reading of a stored response say it: the definition's labels, "other" texts in place of the
 * compiler's "Autre (précisez)", scale points, matrix rows in the definition's order, units,
 * commune names given by the caller, and what the version does not know shown as it is.
 */
import { describe, expect, it } from 'vitest';
import { compiledQuestionnaire } from '@olva/test-support/compiled';
import type { CompiledQuestion, Question } from './index.js';
import { answerWords, choiceWords, matrixRowWords, scalePointWords } from './answer-words.js';

const l = (fr: string, en?: string) => (en ? { fr, en } : { fr });
const questions: Question[] = [
  { id: 'secteur', type: 'single', label: l('Secteur'), choices: [{ code: 'sport', label: l('Sport') }], other: { label: l('Autre', 'Other') } },
  { id: 'publics', type: 'multiple', label: l('Publics'), choices: [{ code: 'jeunes', label: l('Jeunes') }, { code: 'seniors', label: l('Seniors') }], other: { label: l('Autre public') } },
  { id: 'creation', type: 'year', label: l('Année de création') },
  { id: 'siege', type: 'commune', label: l('Commune du siège') },
  { id: 'adherents', type: 'integer', label: l('Adhérents'), unit: l('adhérents', 'members') },
  { id: 'etp', type: 'decimal', label: l('ETP') },
  { id: 'employeur', type: 'boolean', label: l('Employeur ?') },
  { id: 'difficulte', type: 'scale', label: l('Difficulté'), choices: [{ code: 'faible', label: l('Faible') }, { code: 'forte', label: l('Forte') }] },
  { id: 'besoins', type: 'matrix', label: l('Besoins'), rows: [{ code: 'locaux', label: l('Locaux') }, { code: 'benevoles', label: l('Bénévoles') }],
    choices: [{ code: 'fort', label: l('Fort') }, { code: 'aucun', label: l('Aucun') }] },
  { id: 'courriel', type: 'email', label: l('Courriel') },
] as Question[];
const compiled = compiledQuestionnaire({ id: 'fixture', title: l('Fixture'), sections: [{ id: 's', title: l('S'), questions }] });
const q = Object.fromEntries(compiled.sections[0].questions.map((question) => [question.id, question])) as Record<string, CompiledQuestion>;
const only = <T extends CompiledQuestion['type']>(question: CompiledQuestion, type: T) => {
  if (question.type !== type) throw new TypeError(`${question.id} is not ${type}`);
  return question as Extract<CompiledQuestion, { type: T }>;
};

describe('answerWords', () => {
  it('words each type of answer with the version’s labels', () => {
    // "Autre : Pétanque", with the definition's label of "other", not "Autre (précisez)".
    expect(answerWords(q.secteur, 'other', 'Pétanque')).toEqual({ kind: 'choices', choices: [{ code: 'other', label: l('Autre', 'Other'), text: 'Pétanque' }] });
    expect(answerWords(q.publics, ['seniors', 'other'], 'Parents'))
      .toEqual({ kind: 'choices', choices: [{ code: 'seniors', label: l('Seniors') }, { code: 'other', label: l('Autre public'), text: 'Parents' }] });
    expect(answerWords(q.creation, 1987)).toEqual({ kind: 'text', text: '1987' });
    expect(answerWords(q.adherents, 1250)).toEqual({ kind: 'number', value: 1250, unit: l('adhérents', 'members') });
    expect(answerWords(q.etp, 2.5)).toEqual({ kind: 'number', value: 2.5 });
    expect(answerWords(q.employeur, false)).toEqual({ kind: 'boolean', value: false });
    // A scale's code is its point, whatever the codes of its labels.
    expect(answerWords(q.difficulte, 2)).toEqual({ kind: 'choices', choices: [{ code: '2', label: l('Forte') }] });
    expect(answerWords(q.courriel, 'a@b.fr')).toEqual({ kind: 'text', text: 'a@b.fr' });
  });

  it('puts matrix rows in the definition’s order, whatever order they were answered in', () => {
    expect(answerWords(q.besoins, { benevoles: 'fort', locaux: 'aucun' })).toEqual({ kind: 'matrix', rows: [
      { code: 'locaux', label: l('Locaux'), choice: { code: 'aucun', label: l('Aucun') } },
      { code: 'benevoles', label: l('Bénévoles'), choice: { code: 'fort', label: l('Fort') } },
    ] });
  });

  it('names a commune by the name its caller gives, by its code otherwise', () => {
    expect(answerWords(q.siege, '35238', undefined, (code) => (code === '35238' ? 'Rennes' : undefined))).toEqual({ kind: 'commune', code: '35238', name: 'Rennes' });
    expect(answerWords(q.siege, '29019')).toEqual({ kind: 'commune', code: '29019' });
  });

  it('shows a code the version does not know as the code, and a value not of its kind as text', () => {
    expect(answerWords(q.secteur, 'retired')).toEqual({ kind: 'choices', choices: [{ code: 'retired' }] });
    expect(answerWords(q.besoins, { locaux: 'fort', ancien: 'x' })).toEqual({ kind: 'matrix', rows: [
      { code: 'locaux', label: l('Locaux'), choice: { code: 'fort', label: l('Fort') } }, { code: 'ancien', choice: { code: 'x' } },
    ] });
    expect(answerWords(q.publics, 'jeunes')).toEqual({ kind: 'text', text: 'jeunes' });
    expect(answerWords(q.besoins, ['a', 'b'])).toEqual({ kind: 'text', text: '["a","b"]' });
    expect(answerWords(q.adherents, '12')).toEqual({ kind: 'text', text: '12' });
    expect(answerWords(q.employeur, 'oui')).toEqual({ kind: 'text', text: 'oui' });
  });
});

describe('the words the review says, one part at a time', () => {
  it('gives a choice its label, and "other" the definition’s label with its text when there is one', () => {
    const secteur = only(q.secteur, 'single');
    expect(choiceWords(secteur, 'sport')).toEqual({ code: 'sport', label: l('Sport') });
    expect(choiceWords(secteur, 'other', 'Pétanque')).toEqual({ code: 'other', label: l('Autre', 'Other'), text: 'Pétanque' });
    expect(choiceWords(secteur, 'other')).toEqual({ code: 'other', label: l('Autre', 'Other') });
    // A matrix's choices are its columns; it has no "other".
    expect(choiceWords(only(q.besoins, 'matrix'), 'other', 'x')).toEqual({ code: 'other' });
  });

  it('gives a scale point the label of its place, and none to a point outside the scale', () => {
    expect(scalePointWords(only(q.difficulte, 'scale'), 1)).toEqual({ code: '1', label: l('Faible') });
    expect(scalePointWords(only(q.difficulte, 'scale'), 3)).toEqual({ code: '3' });
  });

  it('leaves out a row answered with nothing', () => {
    expect(matrixRowWords(only(q.besoins, 'matrix'), { locaux: undefined, benevoles: 'aucun' }))
      .toEqual([{ code: 'benevoles', label: l('Bénévoles'), choice: { code: 'aucun', label: l('Aucun') } }]);
  });
});
