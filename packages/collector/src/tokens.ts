/**
 * The `Authorizer` of the collector: bearer tokens are compared by their SHA-256 (the
 * configuration never needs the token itself), and a scope covers a territory when it names
 * it or a territory it lies in by the official geography (`TerritoryDirectory`), or is the
 * national network's `'all'`.
 */
import { createHash } from 'node:crypto';
import { territoryKey } from '@olva/schema';
import type { TerritoryRef as ResultsTerritory } from '@olva/analysis';
import type { AuthDecision, Authorizer, Principal, Right } from './auth.js';
import type { TokenConfig } from './config/load.js';
import type { TerritoryRef } from './store/types.js';
import { TerritoryDirectory } from './territories.js';
import { text } from './messages.js';
import { badParameter } from './export/query.js';

const BEARER = /^Bearer\s+([\x21-\x7e]{1,512})\s*$/i;

/** Creates the authorizer of a list of configured tokens, over the collector's territories. */
export function createAuthorizer(tokens: readonly TokenConfig[], territories: TerritoryDirectory = new TerritoryDirectory()): Authorizer {
  const byHash = new Map<string, Principal>(tokens.map((t) => [t.sha256, { name: t.name, scope: t.scope }]));

  const authenticate = (authorization: string | undefined): Principal | null => {
    const m = authorization ? BEARER.exec(authorization) : null;
    if (!m) return null;
    return byHash.get(createHash('sha256').update(m[1], 'utf8').digest('hex')) ?? null;
  };

  // The network lies inside no scope's territory: only `'all'` covers it.
  const covers = (principal: Principal, right: Right, territory: ResultsTerritory): boolean => {
    if (!principal.scope.rights.includes(right)) return false;
    const t = principal.scope.territories;
    return t === 'all' || t.some((s) => territories.within(territory, s));
  };

  const authorize = (authorization: string | undefined, right: Right, requested: TerritoryRef[] = []): AuthDecision => {
    const principal = authenticate(authorization);
    if (!principal) {
      return { ok: false, status: 401, body: { error: 'unauthorized', message: text(authorization ? 'unauthorized.unknown-token' : 'unauthorized.no-header') } };
    }
    if (!principal.scope.rights.includes(right)) {
      return { ok: false, status: 403, body: { error: 'forbidden', message: text('forbidden.right', { token: principal.name, right }) } };
    }
    // A mistyped code would read as a territory without responses yet (an empty export, empty
    // results): it is named, before any scope is weighed.
    const unknown = requested.find((t) => !territories.exists(t));
    if (unknown) {
      const bad = badParameter('territory', 'unknown-territory', text(unknown.level === 'custom' ? 'unknown-territory.custom' : 'unknown-territory', { code: unknown.code, level: unknown.level }));
      return { ok: false, status: 400, body: bad };
    }
    const refused = requested.filter((t) => !covers(principal, right, t));
    if (refused.length) {
      return { ok: false, status: 403, body: { error: 'forbidden', message: text('forbidden.scope', { token: principal.name, territories: refused.map(territoryKey).join(', ') }) } };
    }
    return { ok: true, principal, territories: territories.covered(requested.length ? requested : principal.scope.territories) };
  };

  return { authenticate, authorize, covers };
}
