import { describe, expect, it } from 'vitest';
import { findCommune, findEpci, isCurrentCommune, officialName } from './index.js';

describe('official geography', () => {
  it('knows communes by INSEE code, not postcode', () => {
    expect(officialName('commune', '35238')).toBe('Rennes');
    expect(officialName('commune', '35000')).toBeUndefined();
    expect(officialName('commune', '2A004')).toBe('Ajaccio');
    expect(isCurrentCommune('75101')).toBe(true); // Paris 1er arrondissement
  });

  it('tells former communes from current ones', () => {
    expect(findCommune('35011')?.type).toBe('commune-deleguee');
    expect(isCurrentCommune('35011')).toBe(false);
  });

  it('knows EPCI by SIREN, départements and régions by COG code', () => {
    expect(findEpci('200042174')?.nom).toMatch(/Lorient/);
    expect(officialName('epci', '200042175')).toBeUndefined();
    expect(officialName('departement', '2B')).toBe('Haute-Corse');
    expect(officialName('departement', '974')).toBe('La Réunion');
    expect(officialName('region', '53')).toBe('Bretagne');
    expect(officialName('region', '99')).toBeUndefined();
  });
});

describe('a code given at the wrong level', () => {
  it('says what the code is, and for a commune given as an EPCI, the SIREN of its EPCI', async () => {
    const { misplacedCode, epciOfCommune } = await import('./index.js');
    expect(epciOfCommune('35238')).toBe('243500139');
    const m = misplacedCode('epci', '35238')!;
    expect(m.fr).toContain('"35238" est le code INSEE de la commune Rennes, pas un SIREN d’EPCI');
    expect(m.en).toContain('belongs to Rennes Métropole (SIREN 243500139)');
    expect(misplacedCode('commune', '200042174')!.en).toContain('is the SIREN of the EPCI CA Lorient Agglomération');
    expect(misplacedCode('epci', '200042174')).toBeUndefined();
    expect(misplacedCode('epci', '123456789')).toBeUndefined();
  });
});
