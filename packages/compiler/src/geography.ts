/**
 * `@olva/compiler/geography`: the one loader of the official French administrative geography
 * (@etalab/decoupage-administratif: INSEE COG communes, départements, régions; SIREN EPCI).
 * The compiler checks territory codes with it and the collector builds its territory
 * directory from it. Node only; a separate entry so that the collector reads it without
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
