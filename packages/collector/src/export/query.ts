/**
 * Query parameters shared by the export and statistics routes:
 * `questionnaire=<id>`, `wave=<wave>` (repeatable or comma-separated),
 * `territory=<level>:<code>` (repeatable or comma-separated).
 */
import { NETWORK_TERRITORY } from '@olva/analysis';
import { territoryKey } from '@olva/schema';
import { parseTerritoryQuery, queryValues } from '../auth.js';
import type { TerritoryRef } from '../store/types.js';
import { text, type Text } from '../messages.js';
import { HttpError, type ResponseProblemBody } from '../http/errors.js';

/** What a read request asks for. */
export interface ReadQuery {
  questionnaire?: string;
  /** Only on routes that read it (`GET /v1/responses`). */
  extension?: string;
  waves?: string[];
  /** Territories named; empty means "all my scope covers". */
  territories: TerritoryRef[];
  /**
   * True when the network's own results were asked (`territory=network:all`, decision 0018):
   * only where the route reads them (`network` of `parseReadQuery`); `territories` is then empty.
   */
  network?: true;
}

/**
 * A 400 answer body: `message` in both languages, and the one problem naming the parameter
 * (JSON pointer `/<name>`) and the rule it breaks, as every refusal of a value does.
 */
export interface BadRequest {
  error: 'bad-request';
  message: Text;
  problems: [ResponseProblemBody];
}

/** The 400 of query parameter (or body member) `name` breaking rule `code`; `''` names the whole body. */
export function badParameter(name: string, code: string, message: Text): BadRequest {
  return { error: 'bad-request', message, problems: [{ pointer: name ? `/${name}` : '', code, message }] };
}

/** `bad` as an error to throw (`error` renamed on the routes whose contract calls it `bad-query`). */
export function badRequestError(bad: BadRequest, error: 'bad-request' | 'bad-query' = 'bad-request'): HttpError {
  return new HttpError(400, error, bad.message, {}, bad.problems);
}

/** A questionnaire or extension id, as the definitions write them. */
export const QUESTIONNAIRE_ID = /^[a-z][a-z0-9-]*$/;
/** A wave, as the payload contract writes them (a wave such as `2026.1` holds a dot). */
export const WAVE = /^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$/;

/**
 * Values one filter (`wave`, `territory`) accepts at most. Each count of values made another
 * SQL statement, and no reader needs more at once (a larger reach is a token's scope).
 */
export const MAX_FILTER_VALUES = 50;

function tooMany(name: string, n: number): BadRequest | null {
  return n > MAX_FILTER_VALUES ? badParameter(name, 'too-many-values', text('bad-request.too-many', { max: MAX_FILTER_VALUES, name, count: n })) : null;
}

/**
 * A build's name (`olva-core+rennes-2026`, its directory under `questionnaires/`): in a URL
 * its `+` reads as a space. A coordinator copies it from the embed's `src`.
 */
const BUILD_NAME = /^([a-z][a-z0-9-]*)[+ ]([a-z][a-z0-9-]*)$/;

/**
 * Why `value` is no questionnaire id. A build's name gets its two ids back, since the
 * questionnaire's own answers hold its extensions' answers: the pattern alone left a
 * coordinator with a regular expression and no way to export Rennes' extension.
 */
function idPatternText(name: 'questionnaire' | 'extension', value: string): Text {
  const build = name === 'questionnaire' ? BUILD_NAME.exec(value) : null;
  if (build) return text('bad-request.build-name', { value: `${build[1]}+${build[2]}`.slice(0, 64), questionnaire: build[1]!, extension: build[2]! });
  return text('bad-request.id-pattern', { name, value: value.slice(0, 64), pattern: String(QUESTIONNAIRE_ID) });
}

/** One questionnaire or extension id, or undefined; a `BadRequest` for several or a malformed one. */
function oneId(query: Record<string, unknown>, name: 'questionnaire' | 'extension'): string | undefined | BadRequest {
  const ids = queryValues(query[name]);
  if (ids.length > 1) return badParameter(name, 'parameter-once', text('bad-request.one-id', { name }));
  if (ids[0] !== undefined && !QUESTIONNAIRE_ID.test(ids[0])) return badParameter(name, 'id-pattern', idPatternText(name, ids[0]));
  return ids[0];
}

/** What a read route reads besides `questionnaire`, `wave` and `territory`. */
export interface ReadQueryOptions {
  /** `extension` is read (`GET /v1/responses`). */
  extension?: boolean;
  /** `territory=network:all` is read (the results routes); refused elsewhere, saying why. */
  network?: boolean;
}

/**
 * Parses the query of a read route; `questionnaire` is required when `requireQuestionnaire`.
 */
export function parseReadQuery(query: Record<string, unknown>, requireQuestionnaire: boolean, options: ReadQueryOptions = {}): ReadQuery | BadRequest {
  const withExtension = options.extension === true;
  const questionnaire = oneId(query, 'questionnaire');
  if (typeof questionnaire === 'object') return questionnaire;
  if (questionnaire === undefined && requireQuestionnaire) return badParameter('questionnaire', 'required', text('bad-request.questionnaire-required'));
  const extension = withExtension ? oneId(query, 'extension') : undefined;
  if (typeof extension === 'object') return extension;
  const waves = queryValues(query.wave);
  const tooManyWaves = tooMany('wave', waves.length);
  if (tooManyWaves) return tooManyWaves;
  const bad = waves.find((w) => !WAVE.test(w));
  if (bad !== undefined) return badParameter('wave', 'wave-pattern', text('bad-request.wave-pattern', { value: bad.slice(0, 64), pattern: String(WAVE) }));
  const named = queryValues(query.territory);
  const network = options.network === true && named.includes(territoryKey(NETWORK_TERRITORY));
  if (network && named.length > 1) return badParameter('territory', 'network-alone', text('bad-request.network-alone'));
  const territories = network ? [] : parseTerritoryQuery(named);
  if ('error' in territories) return badParameter('territory', territories.code, territories.error);
  const tooManyTerritories = tooMany('territory', territories.length);
  if (tooManyTerritories) return tooManyTerritories;
  const out: ReadQuery = { territories, ...(network ? { network: true as const } : {}) };
  if (questionnaire !== undefined) out.questionnaire = questionnaire;
  if (extension !== undefined) out.extension = extension;
  if (waves.length) out.waves = waves;
  return out;
}

/** A file name fragment for an export: `olva-core_2026_commune-35238`. */
export function exportBaseName(q: ReadQuery): string {
  const parts = [q.questionnaire ?? 'olva', ...(q.waves ?? []), ...q.territories.map((t) => `${t.level}-${t.code}`)];
  return parts.join('_').replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 120);
}
