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
});
