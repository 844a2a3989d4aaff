/**
 * The commune picker's side of the collector's `GET /v1/communes` (the embed carries no
 * geography: the collector that receives the responses serves it), and the names of the
 * communes picked, kept for the review step ("Rennes (35238)").
 */
import { responsesUrl } from '@olva/runtime';

/** A commune as the collector's search gives it. */
export interface CommuneMatch {
  code: string;
  name: string;
  postcodes: string[];
  departement: string;
}

/** Most results asked for. */
export const COMMUNE_RESULTS = 10;

/**
 * The search URL of the collector whose responses URL `endpoint` gives (a base URL or the
 * URL of `POST /v1/responses`, relative ones against the page): same origin and path.
 */
export function communesUrl(endpoint: string, base: string): URL {
  return new URL(responsesUrl(endpoint).replace(/\/v1\/responses$/, '/v1/communes'), base);
}

/** The communes matching `query`; throws when the collector cannot be reached or answers badly. */
export async function searchCommunes(endpoint: string, query: string, signal: AbortSignal): Promise<CommuneMatch[]> {
  const url = communesUrl(endpoint, document.baseURI);
  url.searchParams.set('q', query);
  url.searchParams.set('limit', String(COMMUNE_RESULTS));
  const response = await fetch(url, { signal, credentials: 'omit' });
  if (!response.ok) throw new Error(`commune search: HTTP ${response.status}`);
  const body = (await response.json()) as { communes?: unknown };
  if (!Array.isArray(body.communes)) throw new Error('commune search: no "communes" list');
  return body.communes.filter((c): c is CommuneMatch =>
    typeof c?.code === 'string' && typeof c?.name === 'string' && Array.isArray(c?.postcodes));
}

/**
 * The current commune with this INSEE code (`GET /v1/communes/<code>`), remembered; undefined
 * when there is none or the collector cannot be reached.
 */
export async function lookUpCommune(endpoint: string, code: string): Promise<CommuneMatch | undefined> {
  try {
    const url = communesUrl(endpoint, document.baseURI);
    url.pathname += `/${encodeURIComponent(code)}`;
    const response = await fetch(url, { credentials: 'omit' });
    const commune = response.ok ? (await response.json()) as CommuneMatch : undefined;
    if (typeof commune?.code !== 'string' || typeof commune.name !== 'string') return undefined;
    rememberCommune(commune);
    return commune;
  } catch {
    return undefined;
  }
}

const names = new Map<string, string>();

/** Remembers the name of a commune the respondent picked or typed the code of. */
export function rememberCommune(commune: { code: string; name: string }): void {
  names.set(commune.code, commune.name);
}

/** True when the name of the commune with this code is known on this page. */
export function knowsCommune(code: string): boolean {
  return names.has(code);
}

/** The commune as the respondent reads it: "Rennes (35238)", or the bare code when its name is unknown. */
export function communeInWords(code: string): string {
  const name = names.get(code);
  return name ? `${name} (${code})` : code;
}
