/**
 * Counts two questions against each other over a stream of responses: the respondents who
 * were shown and answered both, by pair of codes. Only questions with one code per respondent
 * (single choice, boolean, scale) can be crossed; their visibility is recomputed with the
 * runtime, as for the per-question figures.
 */
import { sameTerritory, type CompiledQuestionnaire } from '@olva/schema';
import { computeVisibility } from '@olva/runtime';
import { Catalogue, type CatalogueEntry, type CodeEntry } from '../aggregate/catalogue.js';
import { VersionIndex } from '../aggregate/versions.js';
import { distributionCode } from '../aggregate/answers.js';
import { AnalysisError } from '../errors.js';
import type { CountedResponse, TerritoryRef } from '../results.js';
import { coreQuestionIds, isNetworkTerritory } from '../network-territory.js';

/** What to cross and where. */
export interface CrosstabQuery {
  compiled: readonly CompiledQuestionnaire[];
  /** Id of the question in rows. */
  rows: string;
  /** Id of the question in columns. */
  columns: string;
  /** Only responses of this territory; all when absent. The network (`network:all`) holds every response. */
  territory?: TerritoryRef;
  /**
   * True for a territory inside `territory` (the official geography, which the analysis has not):
   * the responses collected there count too, as in a territory's results (decision 0014).
   */
  inside?: (territory: TerritoryRef) => boolean;
  /** Only responses of this wave; all when absent. */
  wave?: string;
}

/** The counts of two questions against each other. */
export interface CrossCounts {
  /** The row question as the versions answered in the scope have it (see `Catalogue.answeredIn`). */
  rows: CatalogueEntry;
  /** The column question, likewise. */
  columns: CatalogueEntry;
  /** The codes published, with any code counted that those versions lack (`rows.codes` has not these). */
  rowCodes: CodeEntry[];
  columnCodes: CodeEntry[];
  /** rowCodes × columnCodes. */
  counts: number[][];
}

function axis(catalogue: Catalogue, id: string, option: 'rows' | 'columns'): CatalogueEntry {
  const entry = catalogue.get(id);
  if (!entry) {
    const en = `"${id}" is not a question that can be aggregated in the versions given (unknown, free text, e-mail, commune or personal)`;
    throw new AnalysisError(`/${option}`, 'analysis/crosstab-question', en, { fr: `« ${id} » n’est pas une question qui se compte dans les versions lues (inconnue, texte libre, courriel, commune ou personnelle)`, en });
  }
  if (entry.kind !== 'distribution') {
    const en = `"${id}" is a ${entry.type} question: only single choice, boolean and scale questions (one code per respondent) can be crossed`;
    throw new AnalysisError(`/${option}`, 'analysis/crosstab-question', en, { fr: `« ${id} » est une question ${entry.type} : seules les questions à choix unique, oui/non et échelle (un code par répondant) se croisent`, en });
  }
  return entry;
}

/**
 * The codes of an axis as published: those of the versions answered in the scope (a scope
 * answered on a core that merged two codes does not list the old ones at 0), then any other
 * code that was counted; with, for each, its index among the codes counted.
 */
function answeredCodes(catalogue: Catalogue, entry: CatalogueEntry, answered: ReadonlySet<CompiledQuestionnaire>, counted: readonly CodeEntry[], used: ReadonlySet<number>): { codes: CodeEntry[]; from: number[] } {
  // No response in the scope: no version answered, the codes of every version (as the catalogue lists them).
  const listed = answered.size ? catalogue.answeredIn(entry, answered) : entry;
  const from = listed.codes.map((c) => counted.findIndex((k) => k.code === c.code));
  for (const i of used) if (!from.includes(i)) from.push(i);
  return { codes: from.map((i) => ({ ...counted[i]! })), from };
}

function indexOf(codes: CodeEntry[], code: string): number {
  let i = codes.findIndex((c) => c.code === code);
  if (i < 0) i = codes.push({ code }) - 1;
  return i;
}

/** A running count of two questions against each other, one response at a time. */
export interface CrossCounter {
  rows: CatalogueEntry;
  columns: CatalogueEntry;
  /** True when a response is of the territory and wave asked for. */
  inScope(payload: CountedResponse): boolean;
  /** Counts one response of the scope. */
  add(payload: CountedResponse): void;
  result(): CrossCounts;
}

/**
 * A counter of two questions, checked first.
 * @throws AnalysisError when a question cannot be crossed.
 */
export function crossCounter(query: CrosstabQuery): CrossCounter {
  const catalogue = new Catalogue(query.compiled);
  const rows = axis(catalogue, query.rows, 'rows');
  const columns = axis(catalogue, query.columns, 'columns');
  if (query.territory && isNetworkTerritory(query.territory)) {
    // The network pools the common core only (decision 0018): an extension's question is one territory's.
    const core = coreQuestionIds(query.compiled);
    for (const [entry, option] of [[rows, 'rows'], [columns, 'columns']] as const) {
      if (core.has(entry.id)) continue;
      const en = `"${entry.id}" is a question of a territorial extension: the whole network (network:all) crosses the common core's questions only; cross it in the extension's territory`;
      throw new AnalysisError(`/${option}`, 'analysis/network-extension-question', en, { fr: `« ${entry.id} » est une question d’une extension territoriale : l’ensemble du réseau (network:all) ne croise que les questions du tronc commun ; croisez-la dans le territoire de l’extension`, en });
    }
  }
  if (rows.id === columns.id) {
    const en = `a question crossed with itself ("${rows.id}") tells nothing`;
    throw new AnalysisError('/columns', 'analysis/crosstab-question', en, { fr: `une question croisée avec elle-même (« ${rows.id} ») n’apprend rien`, en });
  }
  const versions = new VersionIndex(query.compiled);
  const rowCodes = rows.codes.map((c) => ({ ...c }));
  const columnCodes = columns.codes.map((c) => ({ ...c }));
  // Pairs counted sparsely first: codes met in answers but absent from the versions extend the axes.
  const pairs = new Map<string, number>();
  const answered = new Set<CompiledQuestionnaire>();
  // No territory, or the network: every response is in scope.
  const everywhere = !query.territory || isNetworkTerritory(query.territory);
  return {
    rows, columns,
    inScope: (payload) => (query.wave === undefined || payload.wave === query.wave)
      && (everywhere || sameTerritory(payload.territory, query.territory!) || query.inside?.(payload.territory) === true),
    add(payload) {
      const compiled = versions.of(payload);
      answered.add(compiled);
      const state = computeVisibility(compiled, payload.answers ?? {});
      const r = state.answers[rows.id];
      const c = state.answers[columns.id];
      if (r === undefined || c === undefined) return;
      const key = `${indexOf(rowCodes, distributionCode(payload.submissionId, rows, r))},${indexOf(columnCodes, distributionCode(payload.submissionId, columns, c))}`;
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
    },
    result() {
      const cells = [...pairs].map(([key, n]) => [...key.split(',').map(Number), n] as [number, number, number]);
      const r = answeredCodes(catalogue, rows, answered, rowCodes, new Set(cells.map(([i]) => i)));
      const c = answeredCodes(catalogue, columns, answered, columnCodes, new Set(cells.map(([, j]) => j)));
      const counts = r.codes.map(() => c.codes.map(() => 0));
      for (const [i, j, n] of cells) counts[r.from.indexOf(i)]![c.from.indexOf(j)] = n;
      // The axes as the scope answered them (the label of the newest version answered there).
      const scoped = (entry: CatalogueEntry) => (answered.size ? catalogue.answeredIn(entry, answered) : entry);
      return { rows: scoped(rows), columns: scoped(columns), rowCodes: r.codes, columnCodes: c.codes, counts };
    },
  };
}

/** Counts the respondents by pair of codes. */
export async function countCrossed(responses: AsyncIterable<CountedResponse> | Iterable<CountedResponse>, query: CrosstabQuery): Promise<CrossCounts> {
  const counter = crossCounter(query);
  for await (const payload of responses) if (counter.inScope(payload)) counter.add(payload);
  return counter.result();
}
