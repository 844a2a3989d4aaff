/**
 * Names on a results document: the analysis reads payloads, which name a territory by level
 * and code only; whoever holds the geography (the collector's territory directory) names the
 * groups, so that readers (`<olva-results>`' heading) say « Rennes », not « commune 35238 ».
 */
import type { ResultsDocument, TerritoryRef } from './results.js';

/**
 * The document with `territoryName` on each group whose territory `nameOf` knows, written
 * right after `territory`; the other groups as they were.
 */
export function withTerritoryNames(doc: ResultsDocument, nameOf: (t: TerritoryRef) => string | undefined): ResultsDocument {
  return {
    ...doc,
    groups: doc.groups.map((g) => {
      const territoryName = nameOf(g.territory);
      if (!territoryName) return g;
      const { territory, ...rest } = g;
      return { territory, territoryName, ...rest };
    }),
  };
}
