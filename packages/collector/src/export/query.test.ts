import { describe, expect, it } from 'vitest';
import { parseReadQuery } from './query.js';

describe('parseReadQuery', () => {
  it('names the parameter (JSON pointer) and the rule of every value it refuses, the message in both languages', () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ wave: 'a b' }, '/wave', 'wave-pattern'],
      [{ wave: Array.from({ length: 51 }, (_, i) => `w${i}`) }, '/wave', 'too-many-values'],
      [{ territory: 'nowhere' }, '/territory', 'territory-syntax'],
      [{ territory: Array.from({ length: 51 }, (_, i) => `commune:${35000 + i}`) }, '/territory', 'too-many-values'],
      [{ questionnaire: 'Olva' }, '/questionnaire', 'id-pattern'],
      [{ questionnaire: ['olva-core', 'other'] }, '/questionnaire', 'parameter-once'],
      [{}, '/questionnaire', 'required'],
      [{ questionnaire: 'olva-core', extension: 'x/y' }, '/extension', 'id-pattern'],
    ];
    for (const [query, pointer, code] of cases) {
      const read = parseReadQuery(query, code === 'required', true);
      expect('error' in read && read.problems, JSON.stringify(query)).toEqual([{ pointer, code, message: 'error' in read ? read.message : null }]);
      expect('error' in read && Object.keys(read.message).sort()).toEqual(['en', 'fr']);
    }
    expect(parseReadQuery({ questionnaire: 'olva-core', wave: '2026', territory: 'commune:35238' }, true)).toEqual({ questionnaire: 'olva-core', waves: ['2026'], territories: [{ level: 'commune', code: '35238' }] });
  });

  it('tells a build\'s name (the embed\'s src, its + read as a space in a URL) from a questionnaire id, and gives the id to use', () => {
    for (const value of ['olva-core+rennes-2026', 'olva-core rennes-2026']) {
      const read = parseReadQuery({ questionnaire: value }, true);
      expect('error' in read && read.problems[0]).toMatchObject({ pointer: '/questionnaire', code: 'id-pattern' });
      expect('error' in read && read.message.fr).toBe('« olva-core+rennes-2026 » est le nom d’un build (tronc commun + extension) ; questionnaire prend l’identifiant du tronc commun, « olva-core », dont les réponses comprennent celles de l’extension rennes-2026');
      expect('error' in read && read.message.en).toContain('"olva-core"');
    }
  });
});
