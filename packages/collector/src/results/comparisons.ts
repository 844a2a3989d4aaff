/**
 * The comparisons a results request asks for, read from its query (`GET /v1/results` and
 * `PUT …/publication` take the same parameters, so that a territory previews exactly what it
 * will publish):
 *
 * - `previousWave=<wave>`: the same territory's previous wave (through the crosswalks when the
 *   core changed: the analysis does it). The token's scope is territorial, so what covers a
 *   territory covers every wave of it.
 * - `references=national|none`: the national references of the core (the file versioned with
 *   `@olva/core-questionnaire`); on by default for the core questionnaire, off otherwise.
 * - `network=true|none`: the other territories of the wave pooled. Only for a token covering
 *   every territory (`"all"`), on by default for it: a territory's token covers its territory,
 *   and publication is each territory's decision, so figures of territories it does not cover
 *   are not computed for it, not even pooled (see docs/contracts.md).
 * - `weight=sector|none`: adds post-stratified shares on the main sector (labelled as such) to
 *   each group, from its territory's expected distribution (`stats.expected`), as
 *   `olva analyse --weight sector`; off by default. A group without one for the wave is a 400
 *   (`/weight`, `results/no-expected`) naming it, rather than shares silently left out.
 *
 * Comparisons need exactly one wave (the wave compared); without one, the document is the bare
 * aggregation of every wave read, as before.
 */
import { checkNationalReferences, type NationalReferences } from '@olva/analysis';
import { loadNationalReferences, nationalReferencesPath } from '@olva/core-questionnaire';
import type { Principal } from '../auth.js';
import { parseReadQuery } from '../export/query.js';
import { HttpError, type ResponseProblemBody } from '../http/errors.js';
import { text } from '../messages.js';
import { DEFAULT_RESULTS_QUESTIONNAIRE } from './compute.js';

/** What a request asks to compare with, before the token and the wave are known. */
export interface ComparisonQuery {
  previousWave?: string;
  /** `undefined`: the default (on for the core questionnaire). */
  references?: boolean;
  /** `undefined`: the default (on for a token covering every territory). */
  network?: boolean;
  /** `true`: post-stratified shares on the main sector (`weight=sector`). */
  weight?: boolean;
}

/** The comparisons a document is made with. */
export interface Comparisons {
  previousWave?: string;
  references?: NationalReferences;
  network: boolean;
  /** Post-stratified shares on the main sector (`weight=sector`). */
  weight?: 'sector';
}

let national: NationalReferences | undefined;

/** The core's national references, read and checked once (a bad file is a bug of the package: it throws). */
export function defaultNationalReferences(): NationalReferences {
  national ??= checkNationalReferences(loadNationalReferences(), nationalReferencesPath);
  return national;
}

/** The single value of a query parameter, or a problem when it is repeated. */
function single(query: Record<string, unknown>, name: string): string | undefined | ResponseProblemBody {
  const value = query[name];
  if (value === undefined) return undefined;
  if (Array.isArray(value) && value.length !== 1) return { pointer: `/${name}`, code: 'results/comparison-once', message: text('bad-request.comparison-once', { name }) };
  return String(Array.isArray(value) ? value[0] : value).trim();
}

/** Reads `previousWave`, `references`, `network` and `weight`; a problem names the parameter (`/<name>`) and the values it takes. */
export function parseComparisonQuery(query: Record<string, unknown>): ComparisonQuery | ResponseProblemBody {
  const out: ComparisonQuery = {};
  const previous = single(query, 'previousWave');
  if (typeof previous === 'object') return previous;
  if (previous !== undefined) {
    // The same rule as every wave of a query.
    const checked = parseReadQuery({ wave: previous }, false);
    if ('error' in checked) return { pointer: '/previousWave', code: 'results/wave-pattern', message: checked.message };
    if (checked.waves?.length !== 1) return { pointer: '/previousWave', code: 'results/comparison-once', message: text('bad-request.one-wave') };
    out.previousWave = previous;
  }
  for (const [name, on] of [['references', 'national'], ['network', 'true'], ['weight', 'sector']] as const) {
    const value = single(query, name);
    if (typeof value === 'object') return value;
    if (value === undefined) continue;
    if (value !== on && value !== 'none') return { pointer: `/${name}`, code: 'results/comparison-value', message: text('bad-request.comparison-value', { name, value: value.slice(0, 64), values: `${on}, none` }) };
    out[name] = value === on;
  }
  return out;
}

/**
 * The comparisons of a request, once its token, questionnaire and waves are known.
 * @param waves the waves the request names (comparisons need exactly one).
 * @returns null when the document is the bare aggregation (no single wave, nothing asked).
 * @throws HttpError 400 for a comparison asked without one wave or a previous wave equal to
 * it, 403 for the network asked by a token that does not cover every territory.
 */
export function comparisonsFor(asked: ComparisonQuery, principal: Principal, questionnaire: string, waves: readonly string[] | undefined): Comparisons | null {
  const wave = waves?.length === 1 ? waves[0] : undefined;
  if (wave === undefined) {
    const named = asked.previousWave !== undefined ? 'previousWave' : asked.references ? 'references' : asked.network ? 'network' : asked.weight ? 'weight' : null;
    if (named) throw new HttpError(400, 'bad-request', text('bad-request.comparison-wave', { name: named }), {}, [{ pointer: `/${named}`, code: 'results/one-wave', message: text('bad-request.comparison-wave', { name: named }) }]);
    return null;
  }
  if (asked.previousWave === wave) {
    const message = text('bad-request.previous-same', { wave });
    throw new HttpError(400, 'bad-request', message, {}, [{ pointer: '/previousWave', code: 'results/previous-is-wave', message }]);
  }
  const all = principal.scope.territories === 'all';
  if (asked.network && !all) {
    const message = text('forbidden.network', { token: principal.name });
    throw new HttpError(403, 'forbidden', message, {}, [{ pointer: '/network', code: 'results/network-scope', message }]);
  }
  const references = asked.references ?? questionnaire === DEFAULT_RESULTS_QUESTIONNAIRE;
  return {
    ...(asked.previousWave !== undefined ? { previousWave: asked.previousWave } : {}),
    ...(references ? { references: defaultNationalReferences() } : {}),
    network: asked.network ?? all,
    ...(asked.weight ? { weight: 'sector' as const } : {}),
  };
}
