/**
 * The administrative levels a territory can be named at, as the contracts write them. The
 * type comes from the generated payload types, so that the schema stays the source; the list
 * is what code iterates over or checks against at run time.
 */
import type { ResponsePayload } from './payload.generated.js';

/** A level of territory: `commune`, `epci`, `departement`, `region` or `custom`. */
export type TerritoryLevel = ResponsePayload['territory']['level'];

/** Every territory level, in the contracts' order (smallest official level first, `custom` last). */
export const TERRITORY_LEVELS = ['commune', 'epci', 'departement', 'region', 'custom'] as const satisfies readonly TerritoryLevel[];

// Fails to compile if the schema gains a level this list lacks.
const complete: Exclude<TerritoryLevel, (typeof TERRITORY_LEVELS)[number]> extends never ? true : false = true;
void complete;

/** True when `a` and `b` name the same territory (same level and code). */
export function sameTerritory(a: { readonly level: string; readonly code: string }, b: { readonly level: string; readonly code: string }): boolean {
  return a.level === b.level && a.code === b.code;
}

/** `level:code`: a territory as a key of a set or map, and as messages name it (`commune:35238`). */
export function territoryKey(t: { readonly level: string; readonly code: string }): string {
  return `${t.level}:${t.code}`;
}

/** True when `value` is one of the territory levels. */
export function isTerritoryLevel(value: unknown): value is TerritoryLevel {
  return (TERRITORY_LEVELS as readonly unknown[]).includes(value);
}
