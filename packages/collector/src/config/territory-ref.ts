/**
 * How the collector's configuration and its tokens write a territory: a level of
 * `TERRITORY_LEVELS` and a code of letters, digits, `_` and `-` (an INSEE or SIREN code, or a
 * custom territory's own). One home, so that a scope, a sample target and an expected
 * distribution accept the same codes.
 */
import { TERRITORY_LEVELS } from '@olva/schema';

/** A territory's code as the configuration and the tokens write it. */
export const TERRITORY_CODE = /^[0-9A-Za-z_-]{1,64}$/;

/** JSON Schema of a territory code (the pattern of `TERRITORY_CODE`). */
export const territoryCodeSchema = { type: 'string', pattern: TERRITORY_CODE.source } as const;

/** JSON Schema of `{ "level": …, "code": … }` in the configuration. */
export const territoryRefSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['level', 'code'],
  properties: {
    level: { enum: [...TERRITORY_LEVELS] },
    code: territoryCodeSchema,
  },
} as const;
