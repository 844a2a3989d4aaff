/**
 * Containment of territories by the official geography (INSEE COG, SIREN of EPCIs), as
 * scopes use it: what a territory covers, and what it does not.
 */
import { describe, expect, it } from 'vitest';
import { NETWORK_TERRITORY, type TerritoryRef as ResultsTerritory } from '@olva/analysis';
import type { TerritoryRef } from './store/types.js';
import { TerritoryDirectory } from './territories.js';

const commune = (code: string): TerritoryRef => ({ level: 'commune', code });
const epci = (code: string): TerritoryRef => ({ level: 'epci', code });
const departement = (code: string): TerritoryRef => ({ level: 'departement', code });
const region = (code: string): TerritoryRef => ({ level: 'region', code });
const custom = (code: string): TerritoryRef => ({ level: 'custom', code });

describe('TerritoryDirectory containment', () => {
  const directory = new TerritoryDirectory([{ code: 'rade-de-lorient', name: 'Rade', communes: ['56121', '56098'] }]);

  it('puts a commune inside its EPCI, departement and region, and nowhere else', () => {
    const lorient = commune('56121');
    for (const container of [lorient, epci('200042174'), departement('56'), region('53'), custom('rade-de-lorient')]) {
      expect(directory.within(lorient, container), `${container.level}:${container.code}`).toBe(true);
    }
    for (const container of [commune('35238'), epci('243500139'), departement('35'), region('52')]) {
      expect(directory.within(lorient, container), `${container.level}:${container.code}`).toBe(false);
    }
  });

  it('lists the territories that hold one, for the publications nested with it, the network last', () => {
    const sorted = (list: ResultsTerritory[]) => list.map((t) => `${t.level}:${t.code}`).sort();
    expect(sorted(directory.containers(commune('56121')))).toEqual(['custom:rade-de-lorient', 'departement:56', 'epci:200042174', 'network:all', 'region:53']);
    expect(sorted(directory.containers(epci('200042174')))).toEqual(['departement:56', 'network:all', 'region:53']);
    expect(sorted(directory.containers(departement('56')))).toEqual(['network:all', 'region:53']);
    expect(sorted(directory.containers(commune('75101')))).toContain('commune:75056');
    expect(directory.containers(region('53'))).toEqual([NETWORK_TERRITORY]);
    expect(directory.containers(NETWORK_TERRITORY)).toEqual([]);
  });

  it('answers for the network (network:all): it exists, holds every territory, custom ones too, and covers everything', () => {
    expect(directory.exists(NETWORK_TERRITORY)).toBe(true);
    expect(directory.exists({ level: 'network', code: 'bretagne' })).toBe(false);
    const inside = new Set(directory.inside(NETWORK_TERRITORY).map((t) => `${t.level}:${t.code}`));
    for (const t of ['network:all', 'commune:56121', 'commune:75112', 'epci:200042174', 'departement:56', 'region:53', 'custom:rade-de-lorient']) expect(inside.has(t), t).toBe(true);
    expect(directory.within(region('53'), NETWORK_TERRITORY)).toBe(true);
    expect(directory.within(NETWORK_TERRITORY, region('53'))).toBe(false);
    expect(directory.covered([NETWORK_TERRITORY])).toBe('all');
    // A custom territory an extension declares later is inside it too.
    const later = new TerritoryDirectory();
    expect(later.inside(NETWORK_TERRITORY).some((t) => t.code === 'pays-de-lorient')).toBe(false);
    later.addCustom('pays-de-lorient', ['56121']);
    expect(later.inside(NETWORK_TERRITORY).some((t) => t.code === 'pays-de-lorient')).toBe(true);
  });

  it('puts an EPCI or a custom territory inside a departement only when all its communes lie in it', () => {
    expect(directory.within(epci('200042174'), departement('56'))).toBe(true);
    expect(directory.within(epci('200042174'), region('53'))).toBe(true);
    expect(directory.within(custom('rade-de-lorient'), departement('56'))).toBe(true);
    // CA Beaune, Côte et Sud straddles the Côte-d'Or (21) and the Saône-et-Loire (71).
    expect(directory.within(commune('21054'), epci('200006682'))).toBe(true);
    expect(directory.within(epci('200006682'), departement('21'))).toBe(false);
    expect(directory.within(epci('200006682'), departement('71'))).toBe(false);
    expect(directory.within(epci('200006682'), region('27'))).toBe(true);
    // Nothing is inside a commune but its municipal arrondissements.
    expect(directory.within(epci('200042174'), commune('56121'))).toBe(false);
    expect(directory.within(commune('75112'), commune('75056'))).toBe(true);
  });

  it('lists what a scope covers, itself included, without duplicates', () => {
    const covered = directory.covered([epci('200042174'), commune('56121')]);
    expect(covered).not.toBe('all');
    const keys = (covered as TerritoryRef[]).map((t) => `${t.level}:${t.code}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('epci:200042174');
    expect(keys).toContain('commune:56121');
    expect(keys.filter((k) => k.startsWith('commune:'))).toHaveLength(25);
    expect(directory.covered('all')).toBe('all');
    const brittany = directory.inside(region('53')).map((t) => `${t.level}:${t.code}`);
    expect(brittany).toEqual(expect.arrayContaining(['region:53', 'departement:35', 'departement:56', 'epci:200042174', 'commune:35238', 'custom:rade-de-lorient']));
    expect(brittany).not.toContain('commune:44109');
  });
});

describe('TerritoryDirectory names', () => {
  it('names official territories by the COG and SIREN, custom ones as declared, and nothing else', () => {
    const directory = new TerritoryDirectory([{ code: 'rade-de-lorient', name: 'Rade de Lorient', communes: ['56121'] }]);
    directory.addCustom('pays-de-brest', ['29019'], 'Pays de Brest');
    directory.addCustom('sans-nom', ['29019']);
    expect([commune('35238'), commune('75101'), epci('200042174'), departement('56'), region('53')].map((t) => directory.name(t)))
      .toEqual(['Rennes', 'Paris 1er Arrondissement', 'CA Lorient Agglomération', 'Morbihan', 'Bretagne']);
    expect([custom('rade-de-lorient'), custom('pays-de-brest')].map((t) => directory.name(t))).toEqual(['Rade de Lorient', 'Pays de Brest']);
    // A code of no territory, a custom territory declared without a name, one not declared.
    expect([commune('99999'), custom('sans-nom'), custom('inconnu')].map((t) => directory.name(t))).toEqual([undefined, undefined, undefined]);
  });
});
