/**
 * What a report is about: one territory and wave of a results document (its group), the same
 * territory's previous wave when the document has it, and the territory's name from the
 * official geography.
 */
import type { GroupResults, ResultsDocument, TerritoryRef } from '@olva/analysis';
import { officialRows } from '@olva/compiler/geography';
import { sameTerritory } from '@olva/schema';
import { ReportError } from './errors.js';

/** The group a report reads, and what it is compared with inside the same document. */
export interface ReportSubject {
  document: ResultsDocument;
  group: GroupResults;
  /** The same territory's latest earlier wave in the document, if any. */
  previous: GroupResults | null;
  /** "Rennes", "Lorient Agglomération"…; the code for a custom territory. */
  territoryName: string;
}

/** Which group to report on; by default the document's scope, or the only territory at its latest wave. */
export interface SubjectQuery {
  territory?: TerritoryRef;
  wave?: string;
}

const GEOGRAPHY = { commune: 'communes', epci: 'epci', departement: 'departements', region: 'regions' } as const;

/** The official name of a territory; its code when unknown or custom. */
export function territoryName(t: TerritoryRef): string {
  const file = GEOGRAPHY[t.level as keyof typeof GEOGRAPHY];
  if (!file) return t.code;
  const row = officialRows<{ code: string; nom: string; type?: string }>(file).find((r) => r.code === t.code && (r.type === undefined || r.type === 'commune-actuelle' || file !== 'communes'));
  return row?.nom ?? t.code;
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
  return { document, group, previous, territoryName: territoryName(group.territory) };
}
