/**
 * Official territory codes (INSEE COG for communes, departements and regions; SIREN for
 * EPCI) from @etalab/decoupage-administratif, plus the custom territories the configuration
 * declares. Loaded once per process (the commune list is large).
 */
import { createRequire } from 'node:module';
import type { CustomTerritory } from './config/load.js';
import type { TerritoryRef } from './store/types.js';

interface Official {
  communes: Map<string, { departement: string; region: string }>;
  departements: Set<string>;
  regions: Set<string>;
  epci: Map<string, Set<string>>;
}

let official: Official | undefined;

/** A data file of the package (node's module cache keeps each one parsed once per process). */
function data(name: string): any[] {
  return createRequire(import.meta.url)(`@etalab/decoupage-administratif/data/${name}.json`) as any[];
}

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
  return data('communes').filter((c) => c.type === 'commune-actuelle');
}

function load(): Official {
  if (official) return official;
  const communes = new Map<string, { departement: string; region: string }>();
  for (const c of data('communes')) {
    if (c.type === 'commune-actuelle' || c.type === 'arrondissement-municipal') communes.set(c.code, { departement: c.departement, region: c.region });
  }
  official = {
    communes,
    departements: new Set(data('departements').map((d) => d.code as string)),
    regions: new Set(data('regions').map((r) => r.code as string)),
    epci: new Map(data('epci').map((e) => [e.code as string, new Set((e.membres as { code: string }[]).map((m) => m.code))])),
  };
  return official;
}

/** Knows which territory codes exist and which communes a territory covers. */
export class TerritoryDirectory {
  private readonly custom: Map<string, Set<string>>;

  constructor(custom: CustomTerritory[] = []) {
    this.custom = new Map(custom.map((c) => [c.code, new Set(c.communes)]));
    load();
  }

  /** Adds a custom territory (from a compiled extension) responses may name. */
  addCustom(code: string, communes: readonly string[]): void {
    if (!this.custom.has(code)) this.custom.set(code, new Set(communes));
  }

  /** True when the code is an official one of its level, or a declared custom territory. */
  exists(t: TerritoryRef): boolean {
    const o = load();
    switch (t.level) {
      case 'commune': return o.communes.has(t.code);
      case 'departement': return o.departements.has(t.code);
      case 'region': return o.regions.has(t.code);
      case 'epci': return o.epci.has(t.code);
      case 'custom': return this.custom.has(t.code);
      default: return false;
    }
  }

  /** True when `t` is `container` itself or a commune inside it. */
  within(t: TerritoryRef, container: TerritoryRef): boolean {
    if (t.level === container.level && t.code === container.code) return true;
    if (t.level !== 'commune') return false;
    const o = load();
    const commune = o.communes.get(t.code);
    switch (container.level) {
      case 'epci': return o.epci.get(container.code)?.has(t.code) ?? false;
      case 'custom': return this.custom.get(container.code)?.has(t.code) ?? false;
      case 'departement': return commune?.departement === container.code;
      case 'region': return commune?.region === container.code;
      default: return false;
    }
  }
}
