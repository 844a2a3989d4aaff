import { describe, expect, it } from 'vitest';
import { QUESTION_TYPES, type CompiledQuestion } from '@olva/schema';
import { questionTypes, questionType } from './registry.js';
import { fixture } from '../__fixtures__/compiled.js';
import { otherTextError } from './common.js';

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
    // Spaces, no-break and narrow no-break spaces group thousands.
    expect(coerce('1\u00a0000')).toBe(1000);
    expect(coerce('1\u202f000\u202f000')).toBe(1_000_000);
  });
  it('never guesses a dot or comma before three digits, and says how to write the number', () => {
    const coerce = questionType('integer').coerce!;
    for (const typed of ['1.000', '1,000', '12.500', '-2,000', '1.000.000', '1,000,000', ' 3.000 ', '1 000.000']) {
      expect(coerce(typed), typed).toBe(typed);
      const error = questionType('integer').validate(get('nb_salaries'), typed);
      expect(error?.code, typed).toBe('type');
      expect(error!.message).toEqual({ fr: 'Écrivez 1000 ou 1\u00a0000 (sans point ni virgule).', en: 'Write 1000 or 1\u00a0000 (no dot or comma).' });
    }
    expect(questionType('year').coerce!('2.015')).toBe('2.015');
    expect(questionType('year').validate(get('annee_creation'), '2.015')!.message.fr).toContain('sans point ni virgule');
    // Other digit counts are not grouping: a decimal, refused as not whole; or a whole 1.0.
    expect(coerce('1,5')).toBe(1.5);
    expect(code('nb_salaries', coerce('1,5'))).toBe('type');
    expect(coerce('1.0000')).toBe(1);
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
  it('writes years without digit grouping, with the bounds it applies', () => {
    expect(questionType('year').validate(get('annee_creation'), 2027)!.message)
      .toEqual({ fr: 'Indiquez une année entre 1800 et 2026.', en: 'Enter a year between 1800 and 2026.' });
    const q = { ...get('annee_creation'), min: undefined, max: 2026 } as CompiledQuestion;
    expect(questionType('year').validate(q, 999)!.message)
      .toEqual({ fr: 'Indiquez une année entre 1000 et 2026.', en: 'Enter a year between 1000 and 2026.' });
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
  it('reads one decimal mark, and refuses a dot or comma that could group thousands', () => {
    const coerce = questionType('decimal').coerce!;
    expect(coerce('1,5')).toBe(1.5);
    expect(coerce('1.5')).toBe(1.5);
    expect(coerce('0,125')).toBe(0.125);
    expect(coerce('1234,500')).toBe(1234.5);
    expect(coerce('12,50')).toBe(12.5);
    expect(coerce('1\u202f000,5')).toBe(1000.5);
    for (const typed of ['1.000', '1,500', '12.000', '-3,250', '1.000,5', '1,000.5', '1.000.000']) {
      expect(coerce(typed), typed).toBe(typed);
      const error = questionType('decimal').validate(get('budget'), typed);
      expect(error?.code, typed).toBe('type');
      expect(error!.message.fr, typed).toBe('Écrivez 1000 ou 1\u00a0000 pour mille (sans point ni virgule), 1,5 pour un et demi.');
      expect(error!.message.en, typed).toBe('Write 1000 or 1\u00a0000 for a thousand (no dot or comma), 1.5 for one and a half.');
    }
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

describe('format of a text', () => {
  const rna = { ...get('nom'), maxLength: 10, pattern: '^W[0-9]{9}$' } as CompiledQuestion;
  it('puts in capitals a text that fits its pattern only so (an RNA number)', () => {
    const coerce = questionType('text').coerce!;
    expect(coerce('w123456789', rna)).toBe('W123456789');
    expect(coerce(' w123456789 ', rna)).toBe('W123456789');
    expect(coerce('W123456789', rna)).toBe('W123456789');
    expect(coerce('w1234', rna)).toBe('w1234');
    expect(coerce('Maison', get('nom'))).toBe('Maison');
    expect(coerce('sans règle')).toBe('sans règle');
  });
  it('says what an RNA number looks like', () => {
    expect(questionType('text').validate(rna, 'W12345')!.message).toEqual({
      fr: 'Un numéro RNA s’écrit W suivi de 9 chiffres, sans espace, par exemple W352000123.',
      en: 'An RNA number is a W followed by 9 digits, with no spaces, for example W352000123.',
    });
    expect(questionType('text').validate(rna, 'W352000123')).toBeNull();
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

describe('English messages', () => {
  it('use no French punctuation: no space before ? ! : ; and no « »', () => {
    const values: unknown[] = [undefined, null, '', 'x', 'W12', '1.000', '12,5', 3, -5, 2.5, 1e9, true, [], ['aucun', 'jeunes'], ['inconnu'], { inconnue: 'x' }, { locaux: 'peut-être' }, 'x'.repeat(20_000)];
    let seen = 0;
    for (const q of questions.values()) {
      for (const value of values) {
        const error = questionType(q.type).validate(q, value);
        if (!error) continue;
        seen++;
        expect(error.message.en, `${q.id} = ${JSON.stringify(value)?.slice(0, 40)}`).not.toMatch(/[\s\u00a0\u202f][?!:;]|[«»]/);
      }
      const other = otherTextError(q, 42);
      if (other) expect(other.message.en).not.toMatch(/[\s\u00a0\u202f][?!:;]|[«»]/);
    }
    expect(seen).toBeGreaterThan(50);
  });
});
