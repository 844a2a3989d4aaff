/**
 * `@olva/compiler/geography`: the one loader of the official French administrative geography
 * (@etalab/decoupage-administratif: INSEE COG communes, départements, régions; SIREN EPCI),
 * and of the official names of territories. The compiler checks territory codes with it and
 * the collector builds its territory directory and names results' territories from it. Node only; a separate entry so that the collector reads it without
 * loading the compiler's emitters.
 */
import { createRequire } from 'node:module';

/** The data files of the package that OLVA reads. */
export type GeographyFile = 'communes' | 'epci' | 'departements' | 'regions';

const load = createRequire(import.meta.url);

/**
 * The rows of one data file, read on first use only (the communes file is ~9 MB) and kept
 * parsed for the process by Node's module cache, so the compiler and the collector share them.
 */
export function officialRows<T = unknown>(name: GeographyFile): readonly T[] {
  return load(`@etalab/decoupage-administratif/data/${name}.json`) as T[];
}

/** The data file of each official level. */
const FILES = { commune: 'communes', epci: 'epci', departement: 'departements', region: 'regions' } as const;

/** Code → official name, per file, built on first use. */
const names = new Map<GeographyFile, Map<string, string>>();

/**
 * The official name of a territory ("Rennes", "Lorient Agglomération", "Ille-et-Vilaine"), or
 * undefined when the code is not one of that level: for a commune, a current commune or a
 * municipal arrondissement (where people answer today), never a delegated or associated one;
 * undefined for a custom territory, which has no official name.
 */
export function officialName(level: string, code: string): string | undefined {
  const file = FILES[level as keyof typeof FILES];
  if (!file) return undefined;
  let byCode = names.get(file);
  if (!byCode) {
    byCode = new Map();
    for (const row of officialRows<{ code: string; nom: string; type?: string }>(file)) {
      // An EPCI's `type` is its legal form (CA, CC…); only communes are sorted by theirs.
      if (file !== 'communes' || row.type === 'commune-actuelle' || row.type === 'arrondissement-municipal') byCode.set(row.code, row.nom);
    }
    names.set(file, byCode);
  }
  return byCode.get(code);
}

/** What a code that is no longer a commune of its own belongs to today. */
export interface CommunePart {
  /** The official name of the part ("Paris 8e Arrondissement", "Béon"). */
  partName: string;
  /** The current commune's INSEE code and official name. */
  code: string;
  name: string;
}

let parts: Map<string, { partName: string; code: string }> | undefined;

/**
 * For the code of a municipal arrondissement, or of a delegated or associated commune, the
 * current commune it is part of today (75108 → Paris, 75056; 01039 Béon → Culoz-Béon, 01138);
 * undefined for any other code. A paper form copied from the RNA or an old list carries such
 * codes: the collector names the commune to type instead.
 */
export function communePartOf(code: string): CommunePart | undefined {
  if (!parts) {
    parts = new Map();
    for (const row of officialRows<{ code: string; nom: string; type: string; commune?: string; chefLieu?: string }>('communes')) {
      const whole = row.type === 'arrondissement-municipal' ? row.commune : row.chefLieu;
      if (whole && row.type !== 'commune-actuelle') parts.set(row.code, { partName: row.nom, code: whole });
    }
  }
  const part = parts.get(code);
  const name = part && officialName('commune', part.code);
  return part && name ? { partName: part.partName, code: part.code, name } : undefined;
}
