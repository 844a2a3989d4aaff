/**
 * The territory codes a configuration names (token scopes, origins, expected distributions,
 * targets) checked against the official geography and the declared custom territories, when
 * the collector starts: a mistyped code would otherwise fail without a word, as a coordinator
 * who sees nothing, a municipal site whose responses are refused, a cockpit without targets.
 */
import { text } from '../messages.js';
import type { TerritoryRef } from '../store/types.js';
import type { TerritoryDirectory } from '../territories.js';
import type { CollectorConfig, ConfigProblem } from './load.js';

/** Every territory code of `config` that `territories` does not know, each at its JSON pointer. */
export function unknownTerritoryProblems(config: CollectorConfig, territories: TerritoryDirectory): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const file = config.file ?? 'environment';
  const check = (t: TerritoryRef, at: { file: string; pointer: string }) => {
    if (territories.exists(t)) return;
    const message = t.level === 'custom' ? text('unknown-territory.custom', { level: t.level, code: t.code }) : text('unknown-territory', { level: t.level, code: t.code });
    problems.push({ ...at, rule: 'unknown-territory', message });
  };
  config.tokens.forEach((token, i) => {
    const scope = token.scope.territories;
    if (scope !== 'all') scope.forEach((t, j) => check(t, { file: token.from?.file ?? file, pointer: `${token.from?.pointer ?? `/tokens/${i}`}/scope/territories/${j}` }));
  });
  config.origins.forEach((o, i) => {
    if (o.territories !== 'all') o.territories.forEach((t, j) => check(t, { file, pointer: `/origins/${i}/territories/${j}` }));
  });
  config.stats?.expected?.forEach((e, i) => check(e.territory, { file, pointer: `/stats/expected/${i}/territory` }));
  config.stats?.targets?.forEach((t, i) => check(t.territory, { file, pointer: `/stats/targets/${i}/territory` }));
  return problems;
}
