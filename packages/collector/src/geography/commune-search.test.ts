import { describe, expect, it } from 'vitest';
import { communesNamed, findCommune, foldCommuneName, searchCommunes } from './commune-search.js';

const names = (query: string, limit?: number) => searchCommunes(query, limit).map((c) => c.name);
const codes = (query: string, limit?: number) => searchCommunes(query, limit).map((c) => c.code);

describe('commune search (COG of @etalab/decoupage-administratif)', () => {
  it('finds Rennes first by its name, whatever the case', () => {
    expect(searchCommunes('rennes')[0]).toEqual({ code: '35238', name: 'Rennes', postcodes: ['35000', '35200', '35700'], departement: '35' });
    expect(codes('RENNES')[0]).toBe('35238');
    expect(codes('  Rennes ')[0]).toBe('35238');
  });

  it('ranks names that start with the query before names that only contain a word starting with it, most populous first', () => {
    // "renn": Rennes (230,000 inhabitants) before the Renneville villages.
    expect(names('renn', 3)[0]).toBe('Rennes');
    const malo = names('malo', 20);
    const firstWordMatch = malo.findIndex((n) => !n.startsWith('Malo'));
    expect(firstWordMatch).toBeGreaterThan(0);
    expect(malo.slice(firstWordMatch).every((n) => !n.startsWith('Malo'))).toBe(true);
    expect(malo[firstWordMatch]).toBe('Saint-Malo');
    // The exact name comes before longer names starting with it, even less populous.
    expect(names('nant', 2)).toEqual(['Nant', 'Nantes']);
  });

  it('reads st/ste as saint/sainte, and folds hyphens, apostrophes and spaces', () => {
    expect(codes('st malo')[0]).toBe('35288');
    expect(names('St-Malo')[0]).toBe('Saint-Malo');
    expect(names('saint malo')[0]).toBe('Saint-Malo');
    expect(names('ste genevieve des bois')[0]).toBe('Sainte-Geneviève-des-Bois');
    expect(names("l'hay les roses")).toEqual(['L’Haÿ-les-Roses'.replace('’', "'")]);
    // "ste" may also be the start of a name: Stenay is found among the Sainte-….
    expect(names('sten', 20)).toContain('Stenay');
  });

  it('ignores accents both ways', () => {
    expect(names('evreux')[0]).toBe('Évreux');
    expect(names('ÉVREUX')[0]).toBe('Évreux');
    expect(foldCommuneName('Œuilly')).toBe('oeuilly');
  });

  it('finds the communes of a postcode, and a commune by its INSEE code', () => {
    expect(codes('35000')).toEqual(['35238']);
    expect(codes('75011')).toEqual(['75056']);
    expect(codes('2A004')).toEqual(['2A004']);
    expect(codes('2a004')).toEqual(['2A004']);
    // A postcode several communes share gives each of them.
    expect(codes('35190', 20).length).toBeGreaterThan(3);
    expect(codes('99999')).toEqual([]);
  });

  it('names the communes of exactly one name, folded, homonyms all of them', () => {
    expect(communesNamed('st-malo').map((c) => c.code)).toEqual(['35288']);
    expect(communesNamed('SAINT DENIS').map((c) => c.code).sort()).toEqual(['11339', '30247', '93066', '97411']);
    expect(communesNamed('Renne')).toEqual([]);
  });

  it('keeps to current communes and to the limit', () => {
    // Béon (01039) is a delegated commune of Culoz-Béon (01138).
    expect(findCommune('01039')).toBeUndefined();
    expect(codes('01039')).toEqual([]);
    expect(findCommune('35238')?.name).toBe('Rennes');
    expect(searchCommunes('saint', 20)).toHaveLength(20);
    expect(searchCommunes('saint', 500)).toHaveLength(20);
    expect(searchCommunes('saint', 1)).toHaveLength(1);
    expect(searchCommunes('---')).toEqual([]);
    expect(searchCommunes('zzzzqq')).toEqual([]);
  });
});
