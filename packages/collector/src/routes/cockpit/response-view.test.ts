/**
 * A stored response in words, by section, unanswered questions left out, the raw answer beside
 * its words, communes by their official name. How each answer is worded (labels, "other"
 * texts, scale points, matrix rows, units) is @olva/schema's answerWords, tested beside it.
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
      { id: 'employeur', type: 'boolean', label: l('Employeur ?') },
      { id: 'besoins', type: 'matrix', label: l('Besoins'), rows: [{ code: 'locaux', label: l('Locaux') }, { code: 'benevoles', label: l('Bénévoles') }],
        choices: [{ code: 'fort', label: l('Fort') }, { code: 'aucun', label: l('Aucun') }] },
    ] as Question[] },
  ],
});

describe('readableSections', () => {
  it('words the answers with the version’s labels, by section, skipping unanswered questions', () => {
    const sections = readableSections(compiled, {
      secteur: 'other', secteur_other: 'Pétanque', publics: ['seniors', 'other'], publics_other: 'Parents', creation: 1987, siege: '35238',
      adherents: 1250, employeur: false, besoins: { benevoles: 'fort', locaux: 'aucun' },
    });
    expect(sections.map((s) => [s.id, s.title.fr, s.answers.map((a) => a.question)])).toEqual([
      ['profil', 'Profil', ['secteur', 'publics', 'creation', 'siege']],
      ['membres', 'Membres', ['adherents', 'employeur', 'besoins']],
    ]);
    const words = Object.fromEntries(sections.flatMap((s) => s.answers.map((a) => [a.question, a.words])));
    expect(words.secteur).toEqual({ kind: 'choices', choices: [{ code: 'other', label: l('Autre', 'Other'), text: 'Pétanque' }] });
    // The collector names a commune from the compiler's geography.
    expect(words.siege).toEqual({ kind: 'commune', code: '35238', name: 'Rennes' });
    expect(words.besoins).toMatchObject({ kind: 'matrix', rows: [{ code: 'locaux' }, { code: 'benevoles' }] });
    // The raw answer travels beside the words, to compare two responses on what was answered.
    const secteur = sections[0].answers[0];
    expect([secteur.value, secteur.other, secteur.number, secteur.label]).toEqual(['other', 'Pétanque', 1, l('Secteur', 'Sector')]);
  });

  it('shows answers the version does not describe last, as text', () => {
    const sections = readableSections(compiled, { secteur: 'retired', besoins: { locaux: 'fort', ancien: 'x' }, ancienne_question: ['a', 'b'] });
    expect(sections[2]).toMatchObject({ id: 'unknown', answers: [{ question: 'ancienne_question', words: { kind: 'text', text: '["a","b"]' } }] });
    // Without the version (no longer known to the collector), every answer is still there.
    expect(readableSections(null, { secteur: 'sport' })).toMatchObject([{ id: 'unknown', answers: [{ question: 'secteur', words: { kind: 'text', text: 'sport' } }] }]);
  });
});
