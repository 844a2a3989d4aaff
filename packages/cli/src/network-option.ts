/**
 * The words of `--territory network:all` given to a command that reads or stores collected
 * responses, or to a token's scope. The collector's words for it speak of its routes and of a
 * token's scope, which a command line has neither of; here they say which commands read the
 * network (decision 0018) and, for a token, the scope that does.
 */
import { territoryKey } from '@olva/schema';
import { NETWORK_TERRITORY } from '@olva/analysis';
import type { Bilingual } from './io.js';

const NETWORK = territoryKey(NETWORK_TERRITORY);

/** A refusal of a query's values: `parseReadQuery`'s (`message`, `problems`) or `parseTerritoryQuery`'s (`error`, `code`). */
export type QueryRefusal = { message: Bilingual; problems: readonly { code: string }[] } | { error: Bilingual; code: string };

/**
 * The words to print for `refused`: for `network:all` (rule `network-results-only`), the
 * commands that read the network, or for `olva token` (`token`), the scope `all` that reads
 * and publishes it (rule `network-scope`, as the collector names it in a configuration);
 * otherwise the collector's own words.
 */
export function queryRefusalWords(refused: QueryRefusal, command: 'read' | 'token' = 'read'): Bilingual {
  const [words, code] = 'problems' in refused ? [refused.message, refused.problems[0]?.code] : [refused.error, refused.code];
  if (code !== 'network-results-only') return words;
  return command === 'token' ? {
    fr: `--territory : ${NETWORK} n’est pas une portée de jeton ; le jeton qui lit (stats) et publie (publish) les résultats de l’ensemble du réseau a la portée de tous les territoires : --territory all [network-scope]`,
    en: `--territory: ${NETWORK} is no token scope; the token that reads (stats) and publishes (publish) the whole network's results has the scope of every territory: --territory all [network-scope]`,
  } : {
    fr: `--territory : ${NETWORK} désigne les résultats de l’ensemble du réseau, que lisent olva analyse et olva crosstab --territory ${NETWORK} ; ici, nommez des territoires qui collectent (niveau:code), ou aucun pour tous [network-results-only]`,
    en: `--territory: ${NETWORK} names the whole network's results, which olva analyse and olva crosstab --territory ${NETWORK} read; here, name territories that collect (level:code), or none for all of them [network-results-only]`,
  };
}
