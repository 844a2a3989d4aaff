/**
 * JSON Schema (draft 2020-12) of the collector's configuration file, `olva.config.json`.
 * Paths in the file are relative to the file itself.
 */
import { statsConfigSchema } from '../stats/expected.js';
import { territoryCodeSchema, territoryRefSchema } from './territory-ref.js';

const territory = territoryRefSchema;

export const configSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:olva:schema:collector-config:1',
  title: 'OLVA collector configuration',
  type: 'object',
  additionalProperties: false,
  required: ['questionnaires'],
  properties: {
    $schema: { type: 'string' },
    server: {
      type: 'object',
      additionalProperties: false,
      properties: {
        host: { type: 'string', minLength: 1, description: 'Interface to listen on (OLVA_HOST). Default 127.0.0.1.' },
        port: { type: 'integer', minimum: 0, maximum: 65535, description: 'Port (OLVA_PORT). Default 8080.' },
        trustProxy: {
          anyOf: [{ type: 'boolean' }, { type: 'string', minLength: 1 }],
          description: 'Behind a reverse proxy: the proxy\'s addresses (comma-separated IPs or CIDR ranges, or loopback, linklocal, uniquelocal), whose X-Forwarded-For then gives the client address the rate limit counts. true trusts any sender, which lets a client reaching the collector directly choose its own address. Default false.',
        },
        logLevel: { enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] },
      },
    },
    database: {
      type: 'object',
      additionalProperties: false,
      required: ['url'],
      properties: {
        url: { type: 'string', minLength: 1, description: '`sqlite:<path>` (embedded default) or `postgres://…` (OLVA_DATABASE_URL).' },
      },
    },
    questionnaires: {
      type: 'array',
      minItems: 1,
      description: 'Build directories written by `olva build` whose questionnaire accepts answers.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['build'],
        properties: { build: { type: 'string', minLength: 1 } },
      },
    },
    retention: {
      type: 'object',
      description: 'Days a response is kept, per questionnaire id (the core id); `olva purge` deletes older ones.',
      propertyNames: { pattern: '^[a-z][a-z0-9-]*$' },
      additionalProperties: { type: 'integer', minimum: 1, maximum: 36500 },
    },
    personalRetention: {
      type: 'object',
      description: 'Days the answers of questions marked "personal" are kept, per questionnaire id; `olva purge` then removes them from older responses and keeps the rest of each response. / Jours de conservation des réponses aux questions « personnelles », par questionnaire ; `olva purge` les retire ensuite des réponses plus anciennes et garde le reste de chaque réponse.',
      propertyNames: { pattern: '^[a-z][a-z0-9-]*$' },
      additionalProperties: { type: 'integer', minimum: 1, maximum: 36500 },
    },
    origins: {
      type: 'array',
      description: 'Web origins (CORS) allowed to post responses, and for which territories.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['origin', 'territories'],
        properties: {
          origin: { type: 'string', pattern: '^https?://[^/\\s]+$' },
          territories: { oneOf: [{ const: 'all' }, { type: 'array', minItems: 1, items: territory }] },
          read: {
            type: 'boolean',
            default: false,
            description: 'true: pages on this origin may also call the routes that need a token (reading, exports, statistics, erasure) from the browser. Default false: CORS for posting responses only.',
          },
        },
      },
    },
    customTerritories: {
      type: 'array',
      description: 'Territories of level "custom" (a "bassin de vie", a district) responses may name.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['code', 'name', 'communes'],
        properties: {
          code: territoryCodeSchema,
          name: { type: 'string', minLength: 1 },
          communes: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[0-9][0-9AB][0-9]{3}$' } },
        },
      },
    },
    tokens: {
      type: 'array',
      description: 'Bearer tokens for reading, exports, statistics and erasure.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'scope'],
        oneOf: [{ required: ['sha256'] }, { required: ['token'] }],
        properties: {
          name: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$' },
          sha256: { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'SHA-256 (hex) of the token.' },
          token: { type: 'string', minLength: 16, description: 'The token in clear: for demos only (a warning is printed).' },
          scope: {
            type: 'object',
            additionalProperties: false,
            required: ['territories', 'rights'],
            properties: {
              territories: { oneOf: [{ const: 'all' }, { type: 'array', minItems: 1, items: territory }] },
              rights: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: ['read', 'export', 'stats', 'erase', 'publish', 'export-personal'] } },
            },
          },
        },
      },
    },
    stats: statsConfigSchema,
    disclosure: {
      type: 'object',
      additionalProperties: false,
      description: 'Statistical disclosure control of every aggregate the collector gives out (GET /v1/results, publications, the public results): the thresholds of @olva/analysis, each a count of associations. Defaults { "minCell": 3, "smallBase": 30, "minBase": 10 }; a key left out keeps its default. Every results document states the thresholds it was made with.',
      properties: {
        minCell: { type: 'integer', minimum: 1, description: 'A count of more than 0 and fewer than this is hidden (shown as "< minCell"), with complementary counts. Default 3.' },
        smallBase: { type: 'integer', minimum: 1, description: 'A share on fewer respondents than this is marked "small base, read with care"; at least minBase. Default 30.' },
        minBase: { type: 'integer', minimum: 1, description: 'Nothing is published on fewer respondents than this; at least minCell. Default 10.' },
      },
    },
    limits: {
      type: 'object',
      additionalProperties: false,
      properties: {
        bodyBytes: { type: 'integer', minimum: 1024, maximum: 67108864, description: 'Largest request body, before and after decompression. Default 262144.' },
        ratePerMinute: { type: 'integer', minimum: 1, description: 'Responses posted per client address per minute. Default 120.' },
        maxDepth: { type: 'integer', minimum: 4, maximum: 256, description: 'Deepest JSON nesting accepted. Default 32.' },
        concurrentExports: { type: 'integer', minimum: 1, maximum: 64, description: 'Exports, sample statistics, results and cockpit warnings read at once (each holds a PostgreSQL connection outside the pool, or an SQLite read connection); one more download gets a 429 exports-busy with Retry-After at once, one more results, statistics or warnings request waits up to 5 s for a slot first. Default 4.' },
      },
    },
    waves: {
      type: 'array',
      description: 'Waves tied to versions: for each wave listed, the core versions it accepts, and when online answers stop. A response of a listed wave answered with another core version gets a 422 (wave-version); after the closing date, one given on the web or a kiosk gets a 422 (wave-closed). Waves not listed accept any version, at any time.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'core'],
        properties: {
          id: { type: 'string', pattern: '^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$', description: 'The wave, as payloads name it (e.g. "2026").' },
          core: { type: 'string', minLength: 1, description: 'Semver range of the core versions the wave accepts, e.g. "^2026.1.0".' },
          closes: { type: 'string', minLength: 1, description: 'When online answers (web, kiosk) stop, RFC 3339: a date ("2027-06-30": until the end of that day, Paris time) or a date-time with its offset ("2027-06-30T18:00:00+02:00"). Paper and phone entries are still taken after it.' },
        },
      },
    },
  },
} as const;
