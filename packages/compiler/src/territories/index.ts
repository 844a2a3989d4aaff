/**
 * The official French administrative geography (INSEE COG for communes, départements and
 * régions; SIREN for EPCI), from @etalab/decoupage-administratif. The data is large (the
 * communes file is ~9 MB), so each table is read on first use only, and only on Node.
 */
import type { TerritoryLevel } from '@olva/schema';
import { officialRows, type GeographyFile } from '../geography.js';

/** A commune of the COG (current communes, and the former ones kept as delegated or associated). */
export interface Commune {
  code: string;
  nom: string;
  type: 'commune-actuelle' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal';
  departement?: string;
  region?: string;
  /** For a delegated or associated commune: the code of the commune it now belongs to. */
  chefLieu?: string;
}

/** An EPCI (intercommunality), identified by its SIREN. */
export interface Epci { code: string; nom: string; type: string; membres: { code: string; nom: string }[] }

/** A département or a région. */
export interface Area { code: string; nom: string }

const tables = new Map<string, Map<string, unknown>>();
function table<T extends { code: string }>(name: GeographyFile, keep: (row: T) => boolean = () => true): Map<string, T> {
  let t = tables.get(name) as Map<string, T> | undefined;
  if (!t) {
    const rows = officialRows<T>(name);
    t = new Map();
    // A code can appear twice (a current commune and its delegated namesake): keep the current one.
    for (const row of rows) if (keep(row) && (!t.has(row.code) || (row as { type?: string }).type === 'commune-actuelle')) t.set(row.code, row);
    tables.set(name, t as Map<string, unknown>);
  }
  return t;
}

/** The commune with this INSEE code (current, delegated, associated, or a municipal arrondissement), if any. */
export function findCommune(code: string): Commune | undefined {
  return table<Commune>('communes').get(code);
}

/**
 * True when `code` is the code of a commune where people answer today: a current commune or a
 * municipal arrondissement (Paris, Lyon, Marseille).
 */
export function isCurrentCommune(code: string): boolean {
  const c = findCommune(code);
  return c !== undefined && (c.type === 'commune-actuelle' || c.type === 'arrondissement-municipal');
}

/** The EPCI with this SIREN, if any. */
export function findEpci(siren: string): Epci | undefined {
  return table<Epci>('epci').get(siren);
}

/** The département with this COG code, if any. */
export function findDepartement(code: string): Area | undefined {
  return table<Area>('departements').get(code);
}

/** The région with this COG code, if any. */
export function findRegion(code: string): Area | undefined {
  return table<Area>('regions').get(code);
}

/** Territory levels with an official code. */
export type OfficialLevel = Exclude<TerritoryLevel, 'custom'>;

/** The official name of a territory, or undefined when the code does not exist at that level. */
export { officialName } from '../geography.js';
export { misplacedCode, epciOfCommune } from './misplaced.js';
