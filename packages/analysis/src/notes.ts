/**
 * Notes of a results document: what a reader should know that no figure says, in French and in
 * English, the same whoever writes the document (`olva analyse` prints them too, the collector
 * serves them in its body). A previous wave without responses is a note, not an error: the
 * results of the wave stand on their own, as a territorial coordinator expects to read them.
 */
import { counted, plural, territoryKey } from '@olva/schema';
import type { GroupResults, ResultsNote, TerritoryRef } from './results.js';

const named = (territories: readonly TerritoryRef[]) => territories.map(territoryKey).join(', ');

/** The note of a previous wave asked for that some groups have no responses in (`available: false`); null when none. */
export function previousWaveNote(groups: readonly GroupResults[]): ResultsNote | null {
  const without = groups.filter((g) => g.comparisons?.previousWave?.available === false);
  if (!without.length) return null;
  const wave = without[0]!.comparisons!.previousWave!.wave;
  const territories = without.map((g) => ({ level: g.territory.level, code: g.territory.code }));
  const t = named(territories);
  return {
    code: 'previous-wave-empty', wave, territories,
    text: { fr: `aucune réponse au millésime ${wave} pour ${t} : pas de comparaison avec lui`, en: `no response in wave ${wave} for ${t}: no comparison with it` },
  };
}

/** The note of a wave with no responses in the territories asked for: its document has no group. */
export function emptyWaveNote(wave: string, territories: readonly TerritoryRef[] | 'all'): ResultsNote {
  const t = territories === 'all' ? { fr: 'tous les territoires', en: 'every territory' } : { fr: named(territories), en: named(territories) };
  return {
    code: 'wave-empty', wave, territories: territories === 'all' ? [] : territories.map((x) => ({ level: x.level, code: x.code })),
    text: { fr: `aucune réponse au millésime ${wave} pour ${t.fr} : pas encore de résultats`, en: `no response in wave ${wave} for ${t.en}: no results yet` },
  };
}

/**
 * The note of the network beside its previous wave when the territories pooled are not the
 * same in both (decision 0018): the gap then mixes how associations changed with which
 * territories took part. Counts only: naming a territory would say it had responses, which its
 * own unpublished document does not. Null when both waves pool the same territories.
 */
export function networkCompositionNote(wave: string, previousWave: string, current: ReadonlySet<string>, previous: ReadonlySet<string>): ResultsNote | null {
  const both = [...current].filter((k) => previous.has(k)).length;
  if (both === current.size && both === previous.size) return null;
  return {
    code: 'network-composition', wave: previousWave, territories: [],
    text: {
      fr: `le réseau du millésime ${wave} réunit ${counted('fr', current.size, 'territoire', 'territoires')}, celui de ${previousWave} en réunissait ${previous.size}, dont ${both} ${plural('fr', both, 'présent', 'présents')} aux deux : l’écart entre les deux millésimes mêle l’évolution des associations et celle des territoires participants`,
      en: `the network of wave ${wave} pools ${counted('en', current.size, 'territory', 'territories')}, that of ${previousWave} pooled ${previous.size}, ${both} of them in both: the gap between the two waves mixes how associations changed with which territories took part`,
    },
  };
}

/** The notes of a document's groups (those a selection of them keeps): the previous wave's. */
export function notesOf(groups: readonly GroupResults[]): ResultsNote[] {
  const note = previousWaveNote(groups);
  return note ? [note] : [];
}
