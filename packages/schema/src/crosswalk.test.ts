import { describe, expect, it } from 'vitest';
import {
  codeChanges, crosswalkVersionOf, harmoniseQuestion, harmoniseValue, type CrosswalkVersion,
} from './crosswalk.js';
import { nonEmpty } from '@olva/test-support/compiled';
import type { Crosswalk, QuestionnaireDefinition } from './questionnaire.generated.js';
import { validateDocument } from './validate.js';

const label = (fr: string) => ({ fr, en: `${fr} (en)` });
const choices = (...codes: string[]) => nonEmpty(codes.map((code) => ({ code, label: label(code) })));

/** A version with one single-choice question `secteur` (or another id/type). */
function version(v: string, codes: string[], extra: Partial<CrosswalkVersion> = {}, id = 'secteur', type = 'single'): CrosswalkVersion {
  return { version: v, questions: [{ id, type, choices: choices(...codes) }], ...extra };
}

describe('harmoniseQuestion', () => {
  it('harmonises a split choice back to the old code', () => {
    const v2026 = version('2026.2.0', ['sport', 'social_sante']);
    const v2027 = version('2027.0.0', ['sport', 'action_sociale', 'sante'], {
      crosswalk: { from: '2026.2.0', questions: [{ question: 'secteur', from: 'secteur', codes: { social_sante: ['action_sociale', 'sante'] } }] },
    });
    const h = harmoniseQuestion('secteur', [v2026, v2027]);
    expect(h.categories.map((c) => c.code)).toEqual(['sport', 'social_sante']);
    expect(h.categories[1]!.label.fr).toBe('social_sante');
    expect(h.categories[1]!.members).toEqual([
      { version: '2026.2.0', codes: ['social_sante'] },
      { version: '2027.0.0', codes: ['action_sociale', 'sante'] },
    ]);
    expect(h.codes['2027.0.0']).toEqual({ sport: 'sport', action_sociale: 'social_sante', sante: 'social_sante' });
    expect(h.codes['2026.2.0']).toEqual({ sport: 'sport', social_sante: 'social_sante' });
    expect(harmoniseValue(h, '2027.0.0', 'sante')).toBe('social_sante');
    expect(harmoniseValue(h, '2026.2.0', 'social_sante')).toBe('social_sante');
  });

  it('harmonises a merge to the new code, with the new label', () => {
    const before = version('1.0.0', ['a', 'b', 'c']);
    const after = version('2.0.0', ['ab', 'c'], {
      crosswalk: { from: '1.0.0', questions: [{ question: 'secteur', from: 'secteur', codes: { a: ['ab'], b: ['ab'] } }] },
    });
    const h = harmoniseQuestion('secteur', [before, after]);
    expect(h.categories.map((c) => [c.code, c.label.fr])).toEqual([['ab', 'ab'], ['c', 'c']]);
    expect(h.codes['1.0.0']).toEqual({ a: 'ab', b: 'ab', c: 'c' });
    expect(codeChanges({ a: ['ab'], b: ['ab'] })).toEqual({ split: [], merged: [{ from: ['a', 'b'], to: 'ab' }], recoded: [] });
  });

  it('follows a renamed question and a recoded choice', () => {
    const before = version('1.0.0', ['oui', 'non'], {}, 'employeur');
    const after = version('2.0.0', ['yes', 'non'], {
      crosswalk: { from: '1.0.0', questions: [{ question: 'a_des_salaries', from: 'employeur', codes: { oui: ['yes'] } }] },
    }, 'a_des_salaries');
    const h = harmoniseQuestion('a_des_salaries', [before, after]);
    expect(h.sources).toEqual([{ version: '1.0.0', question: 'employeur' }, { version: '2.0.0', question: 'a_des_salaries' }]);
    expect(h.categories.map((c) => c.code)).toEqual(['yes', 'non']);
    expect(harmoniseValue(h, '1.0.0', 'oui')).toBe('yes');
    expect(codeChanges({ oui: ['yes'] }).recoded).toEqual([{ from: 'oui', to: 'yes' }]);
  });

  it('does not follow an id back to an old question that the crosswalk gave to another one', () => {
    const before = { version: '1', questions: [{ id: 'x', type: 'integer' }] };
    const after = { version: '2', crosswalk: { from: '1', questions: [{ question: 'y', from: 'x' }] }, questions: [{ id: 'x', type: 'integer' }, { id: 'y', type: 'integer' }] };
    expect(harmoniseQuestion('x', [before, after]).sources[0]!.question).toBeNull();
    expect(harmoniseQuestion('y', [before, after]).sources[0]!.question).toBe('x');
  });

  it('gives no source before a version that declares the question not comparable', () => {
    const reason = { fr: 'La question porte désormais sur l’année civile.', en: 'The question now covers the calendar year.' };
    const versions = [
      version('1.0.0', ['a']),
      version('2.0.0', ['a', 'b'], { crosswalk: { from: '1.0.0', questions: [{ question: 'secteur', notComparable: reason }] } }),
    ];
    const h = harmoniseQuestion('secteur', versions);
    expect(h.notComparable).toEqual([{ version: '2.0.0', reason }]);
    expect(h.sources[0]!.question).toBeNull();
    expect(harmoniseValue(h, '1.0.0', 'a')).toBeUndefined();
    expect(harmoniseValue(h, '2.0.0', 'b')).toBe('b');
    expect(h.categories.every((c) => c.members.every((m) => m.version === '2.0.0'))).toBe(true);
  });

  it('keeps an added and a removed code as categories of their own version', () => {
    const h = harmoniseQuestion('secteur', [version('1.0.0', ['a', 'gone']), version('1.1.0', ['a', 'new'])]);
    expect(h.categories.map((c) => [c.code, c.members.map((m) => m.codes.length)])).toEqual([
      ['a', [1, 1]], ['new', [0, 1]], ['gone', [1, 0]],
    ]);
  });

  it('chains crosswalks over three versions and maps multiple and matrix answers', () => {
    const walk: Crosswalk = { from: '2026.2.0', questions: [{ question: 'secteur', from: 'secteur', codes: { social_sante: ['action_sociale', 'sante'] } }] };
    const versions = [
      version('2026.1.0', ['sport', 'social_sante'], {}, 'secteur', 'multiple'),
      version('2026.2.0', ['sport', 'social_sante'], {}, 'secteur', 'multiple'),
      version('2027.0.0', ['sport', 'action_sociale', 'sante'], { crosswalk: walk }, 'secteur', 'multiple'),
    ];
    const h = harmoniseQuestion('secteur', versions);
    expect(h.codes['2026.1.0']).toEqual({ sport: 'sport', social_sante: 'social_sante' });
    expect(harmoniseValue(h, '2027.0.0', ['sante', 'action_sociale', 'sport'])).toEqual(['social_sante', 'sport']);
    const matrix = harmoniseQuestion('m', [version('1', ['x', 'y'], {}, 'm', 'matrix'), version('2', ['x', 'y1', 'y2'], {
      crosswalk: { from: '1', questions: [{ question: 'm', from: 'm', codes: { y: ['y1', 'y2'] } }] },
    }, 'm', 'matrix')]);
    expect(harmoniseValue(matrix, '2', { r1: 'y2', r2: 'x' })).toEqual({ r1: 'y', r2: 'x' });
  });

  it('passes values of questions without codes through, and none for versions without the question', () => {
    const h = harmoniseQuestion('nb', [
      { version: '1.0.0', questions: [] },
      { version: '2.0.0', questions: [{ id: 'nb', type: 'integer' }] },
    ]);
    expect(h.categories).toEqual([]);
    expect(harmoniseValue(h, '2.0.0', 12)).toBe(12);
    expect(harmoniseValue(h, '1.0.0', 12)).toBeUndefined();
  });

  it('names a many-to-many group after the latest codes and keeps every code unique', () => {
    const h = harmoniseQuestion('q', [version('1', ['a', 'b'], {}, 'q'), version('2', ['c', 'd'], {
      crosswalk: { from: '1', questions: [{ question: 'q', from: 'q', codes: { a: ['c', 'd'], b: ['c', 'd'] } }] },
    }, 'q')]);
    expect(h.categories.map((c) => [c.code, c.label.fr])).toEqual([['c+d', 'c / d']]);
  });
});

describe('crosswalkVersionOf and the schema of `crosswalk`', () => {
  const definition = {
    id: 'mini', version: '2.0.0', title: { fr: 'Mini' },
    sections: [{ id: 's', title: { fr: 'S' }, items: [
      { id: 'secteur', type: 'single', label: { fr: 'Secteur' }, choices: choices('a', 'b'), other: { label: { fr: 'Autre' } } },
      { extensionPoint: 's.fin' },
    ] }],
    crosswalk: { from: '1.0.0', questions: [
      { question: 'secteur', from: 'secteur', codes: { ab: ['a', 'b'] } },
      { question: 'autre', notComparable: { fr: 'Autre mesure' } },
    ] },
  } as QuestionnaireDefinition;

  it('lists the questions of a definition with the reserved choice other', () => {
    const v = crosswalkVersionOf(definition);
    expect(v.version).toBe('2.0.0');
    expect(v.crosswalk?.from).toBe('1.0.0');
    expect(v.questions[0]!.choices!.map((c) => c.code)).toEqual(['a', 'b', 'other']);
  });

  it('accepts a valid crosswalk and rejects a malformed one with its pointer', () => {
    expect(validateDocument('questionnaire', definition)).toEqual([]);
    const bad = structuredClone(definition) as unknown as { crosswalk: { questions: Record<string, unknown>[] } };
    bad.crosswalk.questions[0]!.codes = { ab: [] };
    const problems = validateDocument('questionnaire', bad);
    expect(problems.map((p) => p.pointer)).toContain('/crosswalk/questions/0/codes/ab');
  });
});
