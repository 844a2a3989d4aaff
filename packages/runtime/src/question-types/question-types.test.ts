import { describe, expect, it } from 'vitest';
import { QUESTION_TYPES, type CompiledQuestion } from '@olva/schema';
import { questionTypes, questionType } from './registry.js';
import { fixture } from '../__fixtures__/compiled.js';

const questions = new Map(fixture().sections.flatMap((s) => s.questions).map((q) => [q.id, q]));
const get = (id: string): CompiledQuestion => questions.get(id)!;

function code(id: string, value: unknown): string | null {
  const q = get(id);
  const error = questionType(q.type).validate(q, value);
  if (error) {
    expect(error.questionId).toBe(id);
    expect(error.message.fr.length).toBeGreaterThan(5);
    expect(error.message.en!.length).toBeGreaterThan(5);
  }
  return error?.code ?? null;
}

describe('question type registry', () => {
  it('has one runtime per question type of the contract', () => {
    expect(Object.keys(questionTypes).sort()).toEqual([...QUESTION_TYPES].sort());
    for (const type of QUESTION_TYPES) expect(questionTypes[type].type).toBe(type);
    expect(() => questionType('colour')).toThrow(/unknown question type "colour"/);
  });
});

describe('single', () => {
  it('accepts a choice code, refuses others', () => {
    expect(code('secteur', 'sport')).toBeNull();
    expect(code('secteur', 'danse')).toBe('choice');
    expect(code('secteur', 3)).toBe('type');
  });
  it('accepts "other" only where the compiler added it (a question with `other`)', () => {
    expect(code('secteur', 'other')).toBeNull();
    expect(code('testville.locaux', 'other')).toBe('choice');
  });
});

describe('multiple', () => {
  it('checks codes, duplicates, bounds, exclusive codes and the other text', () => {
    expect(code('publics', ['jeunes', 'seniors'])).toBeNull();
    expect(code('publics', 'jeunes')).toBe('type');
    expect(code('publics', ['jeunes', 4])).toBe('type');
    expect(code('publics', ['chats'])).toBe('choice');
    expect(code('publics', ['jeunes', 'jeunes'])).toBe('choice');
    expect(code('publics', ['aucun', 'jeunes'])).toBe('exclusive');
    expect(code('publics', ['aucun'])).toBeNull();
    expect(code('publics', [])).toBe('minSelected');
    expect(code('publics', ['jeunes', 'seniors', 'familles', 'aucun'])).toBe('exclusive');
    expect(code('publics', ['jeunes', 'seniors', 'familles'])).toBeNull();
    expect(code('publics', ['jeunes', 'other'])).toBeNull();
  });
  it('names the exclusive choice in the message', () => {
    const q = get('publics');
    const error = questionType('multiple').validate(q, ['aucun', 'jeunes']);
    expect(error!.message.fr).toContain('Aucun public particulier');
    expect(error!.message.en).toContain('No particular audience');
  });
  it('counts an empty list as empty', () => {
    expect(questionType('multiple').isEmpty([])).toBe(true);
    expect(questionType('multiple').isEmpty(['a'])).toBe(false);
  });
});

describe('boolean', () => {
  it('accepts true and false only', () => {
    expect(code('employeur', true)).toBeNull();
    expect(code('employeur', false)).toBeNull();
    expect(code('employeur', 'oui')).toBe('type');
    expect(questionType('boolean').coerce!('Oui')).toBe(true);
    expect(questionType('boolean').coerce!('non')).toBe(false);
    expect(questionType('boolean').coerce!('peut-être')).toBe('peut-être');
  });
});

describe('integer', () => {
  it('checks type and bounds with one message giving the range', () => {
    expect(code('nb_salaries', 12)).toBeNull();
    expect(code('nb_salaries', 1)).toBeNull();
    expect(code('nb_salaries', 100000)).toBeNull();
    expect(code('nb_salaries', 0)).toBe('min');
    expect(code('nb_salaries', 100001)).toBe('max');
    expect(code('nb_salaries', 2.5)).toBe('type');
    expect(code('nb_salaries', '12')).toBe('type');
    expect(code('nb_salaries', Number.NaN)).toBe('type');
    const error = questionType('integer').validate(get('nb_salaries'), 0);
    expect(error!.message.fr).toBe('Indiquez un nombre entier entre 1 et 100\u202f000.');
    expect(error!.message.en).toBe('Enter a whole number between 1 and 100,000.');
  });
  it('words a lower bound alone', () => {
    const error = questionType('integer').validate(get('cadres'), -1);
    expect(error!.message).toEqual({ fr: 'Indiquez un nombre entier supérieur ou égal à 0.', en: 'Enter a whole number of at least 0.' });
  });
  it('reads typed numbers in French and English style', () => {
    const coerce = questionType('integer').coerce!;
    expect(coerce('100 000')).toBe(100000);
    expect(coerce(' 12 ')).toBe(12);
    expect(coerce('douze')).toBe('douze');
    expect(coerce('   ')).toBeUndefined();
  });
});

describe('year', () => {
  it('checks an integer year within bounds', () => {
    expect(code('annee_creation', 1901)).toBeNull();
    expect(code('annee_creation', 1799)).toBe('min');
    expect(code('annee_creation', 2027)).toBe('max');
    expect(code('annee_creation', 1901.5)).toBe('type');
  });
  it('asks for four digits when the question gives no bounds', () => {
    const q = { ...get('annee_creation'), min: undefined, max: undefined } as CompiledQuestion;
    expect(questionType('year').validate(q, 99)!.code).toBe('min');
    expect(questionType('year').validate(q, 2024)).toBeNull();
  });
});

describe('decimal', () => {
  it('accepts any finite number within bounds', () => {
    expect(code('budget', 1234.56)).toBeNull();
    expect(code('budget', -0.5)).toBe('min');
    expect(code('budget', 'beaucoup')).toBe('type');
    expect(questionType('decimal').coerce!('3,5')).toBe(3.5);
    expect(questionType('decimal').coerce!('1 234,5')).toBe(1234.5);
  });
});

describe('maxSelected', () => {
  it('counts the ticked answers', () => {
    const q = { ...get('publics'), maxSelected: 2 } as CompiledQuestion;
    expect(questionType('multiple').validate(q, ['jeunes', 'seniors', 'familles'])!.code).toBe('maxSelected');
    expect(questionType('multiple').validate(q, ['jeunes', 'seniors'])).toBeNull();
  });
});

describe('text and textarea', () => {
  it('checks type, maxLength in characters, and pattern', () => {
    expect(code('nom', 'Asso')).toBeNull();
    expect(code('nom', 'Éléphant')).toBe('pattern');
    expect(code('nom', 'Abcdefghijk')).toBe('maxLength');
    expect(code('nom', 12)).toBe('type');
    expect(code('projet', 'é'.repeat(20))).toBeNull();
    expect(code('projet', '😀'.repeat(20))).toBeNull();
    expect(code('projet', 'x'.repeat(21))).toBe('maxLength');
    expect(code('projet', ['x'])).toBe('type');
    const unlimited = { ...get('nom'), maxLength: undefined, pattern: undefined } as CompiledQuestion;
    expect(questionType('text').validate(unlimited, 'x'.repeat(10_000))).toBeNull();
    expect(questionType('text').validate(unlimited, 'x'.repeat(10_001))!.code).toBe('maxLength');
    expect(questionType('text').isEmpty('   ')).toBe(true);
  });
});

describe('email', () => {
  it('accepts plausible addresses only', () => {
    expect(code('courriel', 'contact@asso-rennes.fr')).toBeNull();
    expect(code('courriel', 'contact@asso')).toBe('email');
    expect(code('courriel', 'a b@c.fr')).toBe('email');
    expect(code('courriel', 42)).toBe('type');
  });
});

describe('commune', () => {
  it('accepts INSEE codes, Corsica included', () => {
    expect(code('commune_siege', '35238')).toBeNull();
    expect(code('commune_siege', '2A004')).toBeNull();
    expect(code('commune_siege', '3523')).toBe('commune');
    expect(code('commune_siege', 'Rennes')).toBe('commune');
    expect(code('commune_siege', 35238)).toBe('commune');
    expect(questionType('commune').coerce!(' 2a004 ')).toBe('2A004');
  });
});

describe('scale', () => {
  it('accepts 1..n', () => {
    expect(code('satisfaction', 1)).toBeNull();
    expect(code('satisfaction', 4)).toBeNull();
    expect(code('satisfaction', 0)).toBe('choice');
    expect(code('satisfaction', 5)).toBe('choice');
    expect(code('satisfaction', '3')).toBe('type');
  });
});

describe('matrix', () => {
  it('checks rows and choices', () => {
    expect(code('besoins', { locaux: 'oui' })).toBeNull();
    expect(code('besoins', { locaux: 'oui', financement: 'non' })).toBeNull();
    expect(code('besoins', { cuisine: 'oui' })).toBe('row');
    expect(code('besoins', { locaux: 'peut-être' })).toBe('choice');
    expect(code('besoins', ['oui'])).toBe('type');
    expect(questionType('matrix').isEmpty({})).toBe(true);
  });
});
