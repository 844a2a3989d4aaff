/**
 * Access control: bearer tokens with scopes. A scope names the territories a token may read
 * (or `'all'` for the national network) and what it may do with them. A scope covers its
 * territories and every territory inside them by the official geography (an EPCI its
 * communes; a departement its communes and the EPCIs wholly in it); it never reads a
 * territory outside them.
 */
import { TERRITORY_LEVELS, isTerritoryLevel } from '@olva/schema';
import { NETWORK_TERRITORY, type TerritoryRef as ResultsTerritory } from '@olva/analysis';
import type { TerritoryRef } from './store/types.js';
import { text, type Text } from './messages.js';
import { TERRITORY_CODE } from './config/territory-ref.js';
import type { ResponseProblemBody } from './http/errors.js';

/** What a token may do. */
/** `publish`: make its own territory's results public (`PUT /v1/results/…/publication`). */
/** `export-personal`: exports also carry the answers of questions marked personal (never alone: with `export`). */
export type Right = 'read' | 'export' | 'stats' | 'erase' | 'publish' | 'export-personal';

/** The reach of a token. */
export interface Scope {
  /** Territories covered; `'all'` for the national network. */
  territories: TerritoryRef[] | 'all';
  rights: Right[];
}

/** Who is asking: the token's name from the configuration (never the token itself). */
export interface Principal {
  name: string;
  scope: Scope;
}

/** Why a request is refused; send `status` with `body` as is. */
export interface AuthDenial {
  ok: false;
  /** 400 for a territory that does not exist (named at `/territory`), then 401, then 403. */
  status: 400 | 401 | 403;
  /** `message` in both languages: sent in the request's (see `http/language.ts`). */
  body: { error: 'unauthorized' | 'forbidden' | 'bad-request'; message: Text; problems?: ResponseProblemBody[] };
}

/** A granted request: `territories` is what to put in `ResponseFilter.territories`: the
 * territories asked for (or the scope's) and every territory inside them. */
export interface AuthGrant {
  ok: true;
  principal: Principal;
  territories: TerritoryRef[] | 'all';
}

export type AuthDecision = AuthGrant | AuthDenial;

/** Decides who may read, export, compute statistics on or erase which territories. */
export interface Authorizer {
  /** The principal of an `Authorization: Bearer <token>` header, or null. */
  authenticate(authorization: string | undefined): Principal | null;
  /**
   * Decides a request that uses `right` on `requested` territories. Absent or empty
   * `requested` means "every territory my scope covers". A request naming a territory
   * the scope does not cover is refused (403), never silently narrowed; no or an unknown
   * token is 401.
   */
  authorize(authorization: string | undefined, right: Right, requested?: TerritoryRef[]): AuthDecision;
  /** True when the principal holds `right` on `territory`; on the network (`network:all`), only with a scope of `'all'`. */
  covers(principal: Principal, right: Right, territory: ResultsTerritory): boolean;
}

/** A territory refused by `parseTerritoryQuery`: why, in both languages, and the rule it breaks. */
export interface TerritoryQueryError {
  error: Text;
  /** `territory-syntax`; `network-results-only` for `network:all`, `network-code` for another code at level network. */
  code: 'territory-syntax' | 'network-results-only' | 'network-code';
}

/**
 * Parses `territory` query values written `level:code` (repeatable, or comma-separated).
 * Returns the territories, or an error message (both languages) naming the bad value, and its
 * rule. The network (`network:all`, decision 0018) names results documents only, never a
 * payload's or a scope's territory: refused here, saying so (the results routes read it
 * before: `parseReadQuery`'s `network`).
 */
export function parseTerritoryQuery(value: unknown): TerritoryRef[] | TerritoryQueryError {
  const out: TerritoryRef[] = [];
  for (const trimmed of queryValues(value)) {
    const i = trimmed.indexOf(':');
    const level = trimmed.slice(0, i);
    const code = trimmed.slice(i + 1);
    if (level === NETWORK_TERRITORY.level) {
      return code === NETWORK_TERRITORY.code ? { code: 'network-results-only', error: text('bad-request.network-results-only') }
        : { code: 'network-code', error: text('bad-request.network-code', { value: trimmed.slice(0, 80) }) };
    }
    if (i < 1 || !isTerritoryLevel(level) || !TERRITORY_CODE.test(code)) {
      return { code: 'territory-syntax', error: text('bad-request.territory-syntax', { value: trimmed, levels: TERRITORY_LEVELS.join(', ') }) };
    }
    out.push({ level, code });
  }
  return out;
}

/** The values of a repeatable, comma-separated query parameter, trimmed, empty ones left out. */
export function queryValues(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean);
}
