/**
 * The expected distribution a territory supplies for sample monitoring: how many
 * associations its territory counts in each main sector (from the RNA, a local directory…).
 *
 * Collector configuration shape (under the key `stats`):
 *
 * ```jsonc
 * "stats": {
 *   "sectorQuestion": "secteur_principal",       // optional; the core question of the main sector
 *   "expected": [
 *     { "territory": { "level": "commune", "code": "35238" },
 *       "wave": "2026",                            // optional; absent = every wave
 *       "source": "RNA, juin 2025",                // optional; shown beside the figures
 *       "sectors": { "sport": 1450, "culture": 1320, "social": 610 } }   // sector code → associations
 *   ],
 *   "targets": [                                   // optional; the sample size each territory aims at
 *     { "territory": { "level": "commune", "code": "35238" }, "wave": "2026", "target": 300 }
 *   ]
 * }
 * ```
 */
import type { TerritoryRef } from '../store/types.js';
import { territoryRefSchema } from '../config/territory-ref.js';

/** Counts of associations by main-sector code on one territory. */
export interface ExpectedDistribution {
  territory: TerritoryRef;
  /** The wave it applies to; absent means every wave. */
  wave?: string;
  /** Where the counts come from. */
  source?: string;
  /** Sector code → number of associations (non-negative). */
  sectors: Record<string, number>;
}

/** The `stats` section of the collector configuration. */
export interface StatsConfig {
  /** Id of the main-sector question; `secteur_principal` when absent. */
  sectorQuestion?: string;
  expected?: ExpectedDistribution[];
  /** The sample size each territory aims at (the cockpit's progress and network view). */
  targets?: SampleTarget[];
}

/** The number of responses a territory aims at, for one wave or every wave. */
export interface SampleTarget {
  territory: TerritoryRef;
  /** The wave it applies to; absent means every wave. */
  wave?: string;
  /** Responses aimed at (at least 1). */
  target: number;
}

const territorySchema = territoryRefSchema;

/** JSON Schema of the `stats` section, for the collector's configuration schema. */
export const statsConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    sectorQuestion: { type: 'string', pattern: '^[a-z][a-z0-9_.]*$' },
    expected: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['territory', 'sectors'],
        properties: {
          territory: territorySchema,
          wave: { type: 'string', minLength: 1 },
          source: { type: 'string' },
          sectors: {
            type: 'object',
            propertyNames: { pattern: '^[a-z0-9_]+$' },
            additionalProperties: { type: 'integer', minimum: 0 },
          },
        },
      },
    },
    targets: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['territory', 'target'],
        properties: {
          territory: territorySchema,
          wave: { type: 'string', minLength: 1 },
          target: { type: 'integer', minimum: 1, maximum: 10_000_000 },
        },
      },
    },
  },
} as const;

/** The entry of a territory and wave: one for that wave, else one for every wave. */
function forWave<T extends { territory: TerritoryRef; wave?: string }>(list: readonly T[] | undefined, territory: TerritoryRef, wave: string): T | undefined {
  const here = (list ?? []).filter((e) => e.territory.level === territory.level && e.territory.code === territory.code);
  return here.find((e) => e.wave === wave) ?? here.find((e) => e.wave === undefined);
}

/** The expected distribution for a territory and wave: one for that wave, else one for every wave. */
export function findExpected(list: readonly ExpectedDistribution[] | undefined, territory: TerritoryRef, wave: string): ExpectedDistribution | undefined {
  return forWave(list, territory, wave);
}

/** The target of a territory and wave: one for that wave, else one for every wave. */
export function findTarget(list: readonly SampleTarget[] | undefined, territory: TerritoryRef, wave: string): SampleTarget | undefined {
  return forWave(list, territory, wave);
}
