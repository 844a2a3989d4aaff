/**
 * A stored response in words: every question type's answer with the definition's labels,
 * "other" texts in place of the compiler's "Autre (précisez)", matrix rows in the
 * definition's order, commune names, by section, unanswered questions left out.
 */
import { describe, expect, it } from 'vitest';
import type { Question } from '@olva/schema';
import { compiledQuestionnaire } from '@olva/test-support/compiled';
import { readableSections } from './response-view.js';

const l = (fr: string, en?: string) => (en ? { fr, en } : { fr });
const compiled = compiledQuestionnaire({
  id: 'fixture', title: l('Fixture'),
  sections: [
    { id: 'profil', title: l('Profil', 'Profile'), questions: [
      { id: 'secteur', type: 'single', label: l('Secteur', 'Sector'), choices: [{ code: 'sport', label: l('Sport') }], other: { label: l('Autre', 'Other') } },
      { id: 'publics', type: 'multiple', label: l('Publics'), choices: [{ code: 'jeunes', label: l('Jeunes', 'Young people') }, { code: 'seniors', label: l('Seniors') }], other: { label: l('Autre public') } },
      { id: 'creation', type: 'year', label: l('Année de création') },
      { id: 'siege', type: 'commune', label: l('Commune du siège') },
      { id: 'nom', type: 'text', label: l('Nom'), personal: true },
    ] as Question[] },
    { id: 'membres', title: l('Membres'), questions: [
      { id: 'adherents', type: 'integer', label: l('Adhérents'), unit: l('adhérents', 'members') },
      { id: 'etp', type: 'decimal', label: l('ETP') },
      { id: 'employeur', type: 'boolean', label: l('Employeur ?') },
      { id: 'difficulte', type: 'scale', label: l('Difficulté'), choices: [{ code: '1', label: l('Faible') }, { code: '2', label: l('Forte') }] },
      { id: 'besoins', type: 'matrix', label: l('Besoins'), rows: [{ code: 'locaux', label: l('Locaux') }, { code: 'benevoles', label: l('Bénévoles') }],
        choices: [{ code: 'fort', label: l('Fort') }, { code: 'aucun', label: l('Aucun') }] },
      { id: 'courriel', type: 'email', label: l('Courriel') },
    ] as Question[] },
  ],
});

describe('readableSections', () => {
  it('words every type of answer with the version’s labels, by section, skipping unanswered questions', () => {
    const sections = readableSections(compiled, {
      secteur: 'other', secteur_other: 'Pétanque', publics: ['seniors', 'other'], publics_other: 'Parents', creation: 1987, siege: '35238',
      adherents: 1250, etp: 2.5, employeur: false, difficulte: 2, besoins: { benevoles: 'fort', locaux: 'aucun' },
    });
    expect(sections.map((s) => [s.id, s.title.fr, s.answers.map((a) => a.question)])).toEqual([
      ['profil', 'Profil', ['secteur', 'publics', 'creation', 'siege']],
      ['membres', 'Membres', ['adherents', 'etp', 'employeur', 'difficulte', 'besoins']],
    ]);
    const words = Object.fromEntries(sections.flatMap((s) => s.answers.map((a) => [a.question, a.words])));
    // "Autre : Pétanque", with the definition's label of "other", not "Autre (précisez)".
    expect(words.secteur).toEqual({ kind: 'choices', choices: [{ code: 'other', label: l('Autre', 'Other'), text: 'Pétanque' }] });
    expect(words.publics).toEqual({ kind: 'choices', choices: [{ code: 'seniors', label: l('Seniors') }, { code: 'other', label: l('Autre public'), text: 'Parents' }] });
    expect(words.creation).toEqual({ kind: 'text', text: '1987' });
    expect(words.siege).toEqual({ kind: 'commune', code: '35238', name: 'Rennes' });
    expect(words.adherents).toEqual({ kind: 'number', value: 1250, unit: l('adhérents', 'members') });
    expect(words.etp).toEqual({ kind: 'number', value: 2.5 });
    expect(words.employeur).toEqual({ kind: 'boolean', value: false });
    expect(words.difficulte).toEqual({ kind: 'choices', choices: [{ code: '2', label: l('Forte') }] });
    // Matrix rows in the definition's order, whatever the payload's key order.
    expect(words.besoins).toEqual({ kind: 'matrix', rows: [
      { code: 'locaux', label: l('Locaux'), choice: { code: 'aucun', label: l('Aucun') } },
      { code: 'benevoles', label: l('Bénévoles'), choice: { code: 'fort', label: l('Fort') } },
    ] });
    // The raw answer travels beside the words, to compare two responses on what was answered.
    const secteur = sections[0].answers[0];
    expect([secteur.value, secteur.other, secteur.number, secteur.label]).toEqual(['other', 'Pétanque', 1, l('Secteur', 'Sector')]);
  });

  it('shows a code the version does not know as the code, and answers it does not describe last, as text', () => {
    const sections = readableSections(compiled, { secteur: 'retired', besoins: { locaux: 'fort', ancien: 'x' }, ancienne_question: ['a', 'b'] });
    expect(sections[0].answers[0].words).toEqual({ kind: 'choices', choices: [{ code: 'retired' }] });
    expect(sections[1].answers[0].words).toEqual({ kind: 'matrix', rows: [
      { code: 'locaux', label: l('Locaux'), choice: { code: 'fort', label: l('Fort') } }, { code: 'ancien', choice: { code: 'x' } },
    ] });
    expect(sections[2]).toMatchObject({ id: 'unknown', answers: [{ question: 'ancienne_question', words: { kind: 'text', text: '["a","b"]' } }] });
    // Without the version (no longer known to the collector), every answer is still there.
    expect(readableSections(null, { secteur: 'sport' })).toMatchObject([{ id: 'unknown', answers: [{ question: 'secteur', words: { kind: 'text', text: 'sport' } }] }]);
  });
});
