import { describe, expect, it } from 'vitest';
import { checkResponse, answerPointer } from './response-check.js';
import { fixture } from './__fixtures__/compiled.js';

const valid = {
  secteur: 'sport', employeur: true, nb_salaries: 20, publics: ['jeunes'],
  besoins: { locaux: 'oui', financement: 'non' }, 'testville.locaux': 'oui', 'testville.quartier': 'Maurepas',
};

const codes = (answers: Record<string, unknown>) =>
  checkResponse(fixture(), answers as never).map((p) => [p.pointer, p.code]);

describe('checkResponse', () => {
  it('finds nothing wrong in a consistent response', () => {
    expect(checkResponse(fixture(), valid)).toEqual([]);
    expect(checkResponse(fixture(), { secteur: 'sport', employeur: false })).toEqual([]);
  });

  it('reports unknown keys', () => {
    expect(codes({ ...valid, couleur: 'bleu', employeur_other: 'x' })).toEqual([
      ['/answers/couleur', 'unknown-question'], ['/answers/employeur_other', 'unknown-question'],
    ]);
  });

  it('reports answers to hidden questions, other texts included', () => {
    expect(codes({ secteur: 'sport', employeur: false, nb_salaries: 3, cadres: 1 })).toEqual([
      ['/answers/nb_salaries', 'hidden-answered'], ['/answers/cadres', 'hidden-answered'],
    ]);
    expect(codes({ ...valid, employeur: false, nb_salaries: 3, besoins: undefined, 'testville.locaux': undefined, 'testville.quartier': undefined }))
      .toEqual([['/answers/nb_salaries', 'hidden-answered']]);
  });

  it('reports required visible questions left unanswered', () => {
    expect(codes({ employeur: true, besoins: { locaux: 'non' } })).toEqual([
      ['/answers/secteur', 'required'], ['/answers/nb_salaries', 'required'], ['/answers/besoins', 'row'],
    ]);
    expect(codes({ ...valid, 'testville.quartier': '' })).toEqual([['/answers/testville.quartier', 'required']]);
  });

  it('reports values of the wrong type or out of range with the type code', () => {
    expect(codes({ ...valid, nb_salaries: '20' })).toEqual([['/answers/nb_salaries', 'type']]);
    expect(codes({ ...valid, nb_salaries: 0 })).toEqual([['/answers/nb_salaries', 'min']]);
    expect(codes({ ...valid, publics: ['aucun', 'jeunes'] })).toEqual([['/answers/publics', 'exclusive']]);
    expect(codes({ ...valid, secteur: 'danse' })).toEqual([['/answers/secteur', 'choice']]);
    expect(codes({ ...valid, secteur: 'other', secteur_other: 7 })).toEqual([['/answers/secteur_other', 'other']]);
  });

  it('takes "other" with its text, and reports either one without the other', () => {
    expect(codes({ ...valid, secteur: 'other', secteur_other: 'Sport adapté' })).toEqual([]);
    expect(codes({ ...valid, publics: ['jeunes', 'other'], publics_other: 'Élus' })).toEqual([]);
    expect(codes({ ...valid, secteur: 'other' })).toEqual([['/answers/secteur_other', 'other-required']]);
    expect(codes({ ...valid, secteur: 'other', secteur_other: '  ' })).toEqual([['/answers/secteur_other', 'other-required']]);
    expect(codes({ ...valid, publics: ['other'] })).toEqual([['/answers/publics_other', 'other-required']]);
    expect(codes({ ...valid, secteur_other: 'Danse' })).toEqual([['/answers/secteur_other', 'other-not-chosen']]);
    // The defect of issue 12: a text typed with nothing chosen, on a required question.
    const { secteur: _s, ...noSector } = valid;
    const problems = checkResponse(fixture(), { ...noSector, secteur_other: 'Sport adapté' });
    expect(problems.map((p) => [p.pointer, p.code])).toEqual([['/answers/secteur', 'required'], ['/answers/secteur_other', 'other-not-chosen']]);
    expect(problems[1].messageFr).toContain('Cochez « Autre (précisez) »');
    expect(problems[1].message).toContain('Tick "Other (please specify)"');
  });

  it('reports a failing error check at its first visible question, not a warning', () => {
    expect(codes({ ...valid, cadres: 30 })).toEqual([['/answers/cadres', 'check-failed']]);
    expect(codes({ ...valid, budget: 10 })).toEqual([]);
    const problem = checkResponse(fixture(), { ...valid, cadres: 30 })[0];
    expect(problem.message).toContain('There cannot be more managers than employees.');
    expect(problem.messageFr).toContain('Il ne peut y avoir plus de cadres que de salariés.');
  });

  it('records a required question left blank on paper or by phone, and nowhere else', () => {
    const answers = { secteur: 'sport', employeur: false };
    const noSector = { employeur: false };
    const check = (a: Record<string, unknown>, envelope: { channel?: string; blank?: unknown }) =>
      checkResponse(fixture(), a as never, envelope).map((p) => [p.pointer, p.code]);
    // The defect of issue 12: a paper form whose required question was left blank.
    expect(check(noSector, { channel: 'paper' })).toEqual([['/answers/secteur', 'required']]);
    expect(check(noSector, { channel: 'paper', blank: ['secteur'] })).toEqual([]);
    expect(check(noSector, { channel: 'phone', blank: ['secteur'] })).toEqual([]);
    expect(check(noSector, { channel: 'web', blank: ['secteur'] })).toEqual([['/answers/secteur', 'required'], ['/blank', 'blank-channel']]);
    expect(check(noSector, { channel: 'kiosk', blank: [] })).toEqual([['/answers/secteur', 'required'], ['/blank', 'blank-channel']]);
    // Only a visible, required, unanswered question can be left blank.
    expect(check(answers, { channel: 'paper', blank: ['secteur', 'nb_salaries', 'budget', 'inconnue', 'secteur'] })).toEqual([
      ['/blank/0', 'blank-answered'], ['/blank/1', 'blank-hidden'], ['/blank/2', 'blank-not-required'],
      ['/blank/3', 'unknown-question'], ['/blank/4', 'blank-answered'],
    ]);
    expect(check(noSector, { channel: 'paper', blank: ['secteur', 'secteur'] })).toEqual([['/blank/1', 'blank-duplicate']]);
    const [message] = checkResponse(fixture(), noSector as never, { channel: 'web', blank: ['secteur'] }).filter((p) => p.code === 'blank-channel');
    expect([message.message, message.messageFr]).toEqual(['"blank" is for the paper and phone channels only, not "web"', '« blank » est réservé aux canaux papier et téléphone (paper, phone), pas « web »']);
  });

  it('refuses answers that are not an object', () => {
    expect(codes([] as never)).toEqual([['/answers', 'type']]);
  });

  it('escapes pointers', () => {
    expect(answerPointer('a/b~c')).toBe('/answers/a~1b~0c');
  });
});
