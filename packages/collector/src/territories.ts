/**
 * Official territory codes (INSEE COG for communes, departements and regions; SIREN for
 * EPCI) from @etalab/decoupage-administratif, plus the custom territories the configuration
 * declares, and which territory lies inside which. Loaded once per process (the commune list
 * is large).
 *
 * Containment follows the official geography: a territory covers itself and every territory
 * inside it — a commune its municipal arrondissements; an EPCI or a custom territory its
 * communes; a departement or a region its communes and every EPCI (or custom territory) whose
 * communes all lie in it; a region its departements. The network (`network:all`, decision 0018),
 * a territory of results documents only, holds every territory and lies inside none.
 */
import { territoryKey } from '@olva/schema';
import { isNetworkTerritory, NETWORK_TERRITORY, type TerritoryRef as ResultsTerritory } from '@olva/analysis';
import { officialName, officialRows } from '@olva/compiler/geography';
import type { CustomTerritory } from './config/load.js';
import type { TerritoryRef } from './store/types.js';

interface Official {
  /** Communes and municipal arrondissements. */
  communes: Map<string, { departement: string; region: string }>;
  departements: Map<string, { region: string }>;
  regions: Set<string>;
  epci: Map<string, Set<string>>;
  /** The municipal arrondissements of Paris, Lyon and Marseille, by commune. */
  arrondissements: Map<string, string[]>;
}

let official: Official | undefined;

/** A current commune as the official geography describes it (the fields the commune search reads). */
export interface OfficialCommune {
  code: string;
  nom: string;
  departement: string;
  codesPostaux?: string[];
  population?: number;
}

/**
 * The current communes ("commune-actuelle" of the COG the data package carries), without the
 * delegated, associated communes and municipal arrondissements.
 */
export function currentCommunes(): OfficialCommune[] {
  return officialRows<any>('communes').filter((c) => c.type === 'commune-actuelle');
}


function load(): Official {
  if (official) return official;
  const communes: Official['communes'] = new Map();
  const arrondissements = new Map<string, string[]>();
  for (const c of officialRows<any>('communes')) {
    if (c.type === 'commune-actuelle') communes.set(c.code, { departement: c.departement, region: c.region });
    else if (c.type === 'arrondissement-municipal') {
      communes.set(c.code, { departement: c.departement, region: c.region });
      arrondissements.set(c.commune, [...(arrondissements.get(c.commune) ?? []), c.code]);
    }
  }
  official = {
    arrondissements,
    communes,
    departements: new Map(officialRows<any>('departements').map((d) => [d.code as string, { region: d.region as string }])),
    regions: new Set(officialRows<any>('regions').map((r) => r.code as string)),
    epci: new Map(officialRows<any>('epci').map((e) => [e.code as string, new Set((e.membres as { code: string }[]).map((m) => m.code))])),
  };
  return official;
}

/** `level:code`, the key of a territory in sets. */
const key = territoryKey;

/** Knows which territory codes exist and which territories lie inside which. */
export class TerritoryDirectory {
  private readonly custom: Map<string, Set<string>>;
  /** The names of the custom territories (configuration, or the extension that declares one). */
  private readonly customNames = new Map<string, string>();
  /** What each asked territory covers, computed once (custom territories may be added later). */
  private readonly insideCache = new Map<string, Map<string, TerritoryRef>>();
  /** The network's inside: itself and every territory the directory knows, computed once (custom territories may be added later). */
  private everything: ResultsTerritory[] | undefined;

  constructor(custom: CustomTerritory[] = []) {
    this.custom = new Map(custom.map((c) => [c.code, new Set(c.communes)]));
    for (const c of custom) this.customNames.set(c.code, c.name);
    load();
  }

  /** Adds a custom territory (from a compiled extension) responses may name, with its name when known. */
  addCustom(code: string, communes: readonly string[], name?: string): void {
    if (this.custom.has(code)) return;
    this.custom.set(code, new Set(communes));
    if (name) this.customNames.set(code, name);
    this.insideCache.clear();
    this.everything = undefined;
  }

  /** The name of a territory: the official one ("Rennes"), a custom territory's declared one; undefined when unknown. */
  name(t: ResultsTerritory): string | undefined {
    if (t.level === 'network') return undefined;
    return t.level === 'custom' ? this.customNames.get(t.code) : officialName(t.level, t.code);
  }

  /** True when the code is an official one of its level, a declared custom territory, or the network (`network:all`). */
  exists(t: ResultsTerritory): boolean {
    const o = load();
    switch (t.level) {
      case 'network': return isNetworkTerritory(t);
      case 'commune': return o.communes.has(t.code);
      case 'departement': return o.departements.has(t.code);
      case 'region': return o.regions.has(t.code);
      case 'epci': return o.epci.has(t.code);
      case 'custom': return this.custom.has(t.code);
      default: return false;
    }
  }

  /** True when `t` is `container` itself or lies inside it; every territory lies inside the network (`network:all`), which lies inside nothing. */
  within(t: ResultsTerritory, container: ResultsTerritory): boolean {
    if (isNetworkTerritory(container)) return true;
    if (t.level === 'network' || container.level === 'network') return false;
    return this.insideMap(container as TerritoryRef).has(key(t));
  }

  /**
   * The territories `t` lies strictly inside: for a commune its EPCI, département, région and the
   * custom territories holding it (a municipal arrondissement, its commune too); for an EPCI or a
   * custom territory the départements and régions holding all its communes; a département's région;
   * and, last, the network (`network:all`), which holds every territory: its publication is
   * nested with every other. The network lies inside none.
   */
  containers(t: ResultsTerritory): ResultsTerritory[] {
    if (t.level === 'network') return [];
    const o = load();
    const communes = t.level === 'commune' ? [t.code]
      : t.level === 'epci' ? [...(o.epci.get(t.code) ?? [])]
      : t.level === 'custom' ? [...(this.custom.get(t.code) ?? [])] : [];
    const candidates = new Map<string, TerritoryRef>();
    const add = (c: TerritoryRef) => candidates.set(key(c), c);
    for (const code of communes) {
      const c = o.communes.get(code);
      if (c) { add({ level: 'departement', code: c.departement }); add({ level: 'region', code: c.region }); }
    }
    if (t.level === 'departement') { const d = o.departements.get(t.code); if (d) add({ level: 'region', code: d.region }); }
    if (t.level === 'commune') {
      for (const [code, members] of o.epci) if (members.has(t.code)) add({ level: 'epci', code });
      for (const [code, arrondissements] of o.arrondissements) if (arrondissements.includes(t.code)) add({ level: 'commune', code });
    }
    for (const code of this.custom.keys()) add({ level: 'custom', code });
    candidates.delete(key(t));
    return [...[...candidates.values()].filter((c) => this.within(t, c)), { ...NETWORK_TERRITORY }];
  }

  /** `container` and every territory inside it: for the network, itself and every territory the directory knows. */
  inside(container: ResultsTerritory): ResultsTerritory[] {
    if (isNetworkTerritory(container)) return [...this.allTerritories()];
    if (container.level === 'network') return [];
    return [...this.insideMap(container as TerritoryRef).values()];
  }

  /** The network and every territory the directory knows, official and custom (what the network holds), made once. */
  private allTerritories(): readonly ResultsTerritory[] {
    if (this.everything) return this.everything;
    const o = load();
    const official = (level: TerritoryRef['level'], codes: Iterable<string>) => [...codes].map((code): TerritoryRef => ({ level, code }));
    this.everything = [{ ...NETWORK_TERRITORY }, ...official('commune', o.communes.keys()), ...official('epci', o.epci.keys()), ...official('departement', o.departements.keys()),
      ...official('region', o.regions), ...official('custom', this.custom.keys())];
    return this.everything;
  }

  /**
   * Every territory the given ones cover, without duplicates: what a read filters on, so that
   * a scope sees the responses collected anywhere inside it. `'all'` stays `'all'`, as does
   * the network (`network:all`) among them.
   */
  covered(territories: readonly ResultsTerritory[] | 'all'): TerritoryRef[] | 'all' {
    if (territories === 'all' || territories.some(isNetworkTerritory)) return 'all';
    const out = new Map<string, TerritoryRef>();
    for (const t of territories) if (t.level !== 'network') for (const [k, v] of this.insideMap(t as TerritoryRef)) out.set(k, v);
    return [...out.values()];
  }

  private insideMap(container: TerritoryRef): Map<string, TerritoryRef> {
    const k = key(container);
    let found = this.insideCache.get(k);
    if (!found) {
      found = new Map([[k, { level: container.level, code: container.code }]]);
      for (const t of this.contents(container)) found.set(key(t), t);
      // Only real territories are kept: the cache stays bounded by the official geography
      // whatever codes requests name.
      if (this.exists(container)) this.insideCache.set(k, found);
    }
    return found;
  }

  /** The territories strictly inside `container`. */
  private contents(container: TerritoryRef): TerritoryRef[] {
    const o = load();
    const communes = (codes: Iterable<string>): TerritoryRef[] => {
      const out: TerritoryRef[] = [];
      for (const code of codes) {
        out.push({ level: 'commune', code });
        for (const a of o.arrondissements.get(code) ?? []) out.push({ level: 'commune', code: a });
      }
      return out;
    };
    switch (container.level) {
      case 'commune': return (o.arrondissements.get(container.code) ?? []).map((code): TerritoryRef => ({ level: 'commune', code }));
      case 'epci': return communes(o.epci.get(container.code) ?? []);
      case 'custom': return communes(this.custom.get(container.code) ?? []);
      case 'departement':
      case 'region': {
        const field = container.level;
        const inArea = (code: string) => o.communes.get(code)?.[field] === container.code;
        const wholly = (members: Set<string>) => members.size > 0 && [...members].every(inArea);
        return [
          ...[...o.communes.keys()].filter(inArea).map((code): TerritoryRef => ({ level: 'commune', code })),
          ...[...o.epci].filter(([, m]) => wholly(m)).map(([code]): TerritoryRef => ({ level: 'epci', code })),
          ...[...this.custom].filter(([, m]) => wholly(m)).map(([code]): TerritoryRef => ({ level: 'custom', code })),
          ...(field === 'region'
            ? [...o.departements].filter(([, d]) => d.region === container.code).map(([code]): TerritoryRef => ({ level: 'departement', code }))
            : []),
        ];
      }
      default: return [];
    }
  }
}
