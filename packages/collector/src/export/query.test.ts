import { describe, expect, it } from 'vitest';
import { parseReadQuery } from './query.js';

describe('parseReadQuery', () => {
  it('names the parameter (JSON pointer) and the rule of every value it refuses, the message in both languages', () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ wave: 'a b' }, '/wave', 'wave-pattern'],
      [{ wave: Array.from({ length: 51 }, (_, i) => `w${i}`) }, '/wave', 'too-many-values'],
      [{ territory: 'nowhere' }, '/territory', 'territory-syntax'],
      [{ territory: 'network:all' }, '/territory', 'network-results-only'],
      [{ territory: 'network:bretagne' }, '/territory', 'network-code'],
      [{ territory: Array.from({ length: 51 }, (_, i) => `commune:${35000 + i}`) }, '/territory', 'too-many-values'],
      [{ questionnaire: 'Olva' }, '/questionnaire', 'id-pattern'],
      [{ questionnaire: ['olva-core', 'other'] }, '/questionnaire', 'parameter-once'],
      [{}, '/questionnaire', 'required'],
      [{ questionnaire: 'olva-core', extension: 'x/y' }, '/extension', 'id-pattern'],
    ];
    for (const [query, pointer, code] of cases) {
      const read = parseReadQuery(query, code === 'required', { extension: true });
      expect('error' in read && read.problems, JSON.stringify(query)).toEqual([{ pointer, code, message: 'error' in read ? read.message : null }]);
      expect('error' in read && Object.keys(read.message).sort()).toEqual(['en', 'fr']);
    }
    expect(parseReadQuery({ questionnaire: 'olva-core', wave: '2026', territory: 'commune:35238' }, true)).toEqual({ questionnaire: 'olva-core', waves: ['2026'], territories: [{ level: 'commune', code: '35238' }] });
  });

  it('reads the network (network:all) alone on the routes that ask for it (the results routes), never among the territories', () => {
    expect(parseReadQuery({ territory: 'network:all', wave: '2026' }, false, { network: true })).toEqual({ waves: ['2026'], territories: [], network: true });
    expect(parseReadQuery({ territory: 'commune:35238' }, false, { network: true })).toEqual({ territories: [{ level: 'commune', code: '35238' }] });
    for (const [territory, code] of [[['network:all', 'commune:35238'], 'network-alone'], ['network:all,network:all', 'network-alone'], ['network:bretagne', 'network-code']] as const) {
      const read = parseReadQuery({ territory }, false, { network: true });
      expect('error' in read && read.problems.map((p) => [p.pointer, p.code]), String(territory)).toEqual([['/territory', code]]);
    }
    const elsewhere = parseReadQuery({ territory: 'network:all' }, false);
    expect('error' in elsewhere && elsewhere.message.en).toBe('network:all names the whole network\'s results, and only the results routes read it (GET /v1/results, …/publication, /v1/public/results): here, name territories that collect (level:code), or none for the token\'s whole scope');
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
