/**
 * What a report is about: one territory and wave of a results document (its group), the same
 * territory's previous wave when the document has it, and the territory's name from the
 * official geography (the network's, « Ensemble du réseau », in the report's language).
 */
import { isNetworkTerritory, NETWORK_NAME, type GroupResults, type ResultsDocument, type TerritoryRef } from '@olva/analysis';
import { officialName } from '@olva/compiler/geography';
import { sameTerritory } from '@olva/schema';
import { ReportError } from './errors.js';
import type { Bilingual } from './i18n.js';

/** The group a report reads, and what it is compared with inside the same document. */
export interface ReportSubject {
  document: ResultsDocument;
  group: GroupResults;
  /** The same territory's latest earlier wave in the document, if any. */
  previous: GroupResults | null;
  /**
   * "Rennes", "CA Lorient Agglomération"…: the document's `territoryName` (a publication's),
   * else the official name, else the code, the same in both languages; the network's name in
   * each (« Ensemble du réseau », "Whole network").
   */
  territoryName: Bilingual;
}

/** Which group to report on; by default the document's scope, or the only territory at its latest wave. */
export interface SubjectQuery {
  territory?: TerritoryRef;
  wave?: string;
}

/**
 * The official name of a territory (`@olva/compiler/geography`), its code when unknown or
 * custom, in both languages; the network's (`network:all`) as readers call it.
 */
export function territoryName(t: TerritoryRef): Bilingual {
  if (isNetworkTerritory(t)) return { ...NETWORK_NAME };
  const name = officialName(t.level, t.code) ?? t.code;
  return { fr: name, en: name };
}

const byWave = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
const label = (g: GroupResults) => `${g.territory.level}:${g.territory.code} ${g.wave}`;

/** Picks the group of a report. @throws ReportError naming the groups the document has. */
export function selectSubject(document: ResultsDocument, query: SubjectQuery = {}, file = ''): ReportSubject {
  // A document of `olva analyse --territory` names its own subject (`scope`), its other groups
  // being there for the comparisons.
  const scope = (document as { scope?: { wave?: string; territory?: TerritoryRef | null } }).scope;
  query = { territory: query.territory ?? scope?.territory ?? undefined, wave: query.wave ?? (query.territory ? undefined : scope?.wave) };
  const groups = document.groups;
  const list = groups.map(label).join(', ') || '—';
  let candidates = query.territory ? groups.filter((g) => sameTerritory(g.territory, query.territory!)) : groups;
  const territories = new Set(candidates.map((g) => `${g.territory.level}:${g.territory.code}`));
  if (territories.size > 1) {
    throw new ReportError('reports/territory', {
      fr: `le document couvre plusieurs territoires : choisissez-en un avec --territory (groupes : ${list})`,
      en: `the document covers several territories: choose one with --territory (groups: ${list})`,
    }, file);
  }
  if (query.wave) candidates = candidates.filter((g) => g.wave === query.wave);
  const group = [...candidates].sort((a, b) => byWave(b.wave, a.wave))[0];
  if (!group) {
    throw new ReportError('reports/group', { fr: `aucun groupe ne correspond (groupes du document : ${list})`, en: `no group matches (groups of the document: ${list})` }, file);
  }
  const previous = groups
    .filter((g) => sameTerritory(g.territory, group.territory) && byWave(g.wave, group.wave) < 0)
    .sort((a, b) => byWave(b.wave, a.wave))[0] ?? null;
  return { document, group, previous, territoryName: group.territoryName ? { fr: group.territoryName, en: group.territoryName } : territoryName(group.territory) };
}
