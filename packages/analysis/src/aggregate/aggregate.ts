/**
 * Streaming aggregation of responses per question, territory and wave. One pass over an
 * (async) iterable of `olva-response` payloads: each is matched with the compiled version it
 * was answered with, its visibility recomputed with the runtime (so "not asked", a question
 * hidden by its conditions, is told from "no answer"), and its answers added to counters.
 * No response is kept: memory holds the counters and, for numeric questions, their values
 * (bounded, see value-store.ts).
 */
import { pointerOf, sameTerritory, type CompiledQuestionnaire } from '@olva/schema';
import { computeVisibility, allQuestions, type VisibilityState } from '@olva/runtime';
import { Catalogue, type CatalogueEntry } from './catalogue.js';
import { VersionIndex } from './versions.js';
import { newAccumulator, record, type Accumulator } from './accumulators.js';
import { questionFigures } from './figures.js';
import { waveReferenceDate } from './reference-date.js';
import { DEFAULT_EXACT_VALUES } from './value-store.js';
import { numericClasses } from './classes.js';
import { AnalysisError } from '../errors.js';
import { disclosureRules, type DisclosureRules } from '../disclosure/rules.js';
import { withholdLinked } from '../disclosure/linked.js';
import { DEFAULT_COMPARISON_RULES } from '../stats/two-proportions.js';
import type { CountedResponse, CountRef, GroupResults, HiddenCounts, LineRef, ResultsDocument, ResultsRules, TerritoryRef, VersionAnswered } from '../results.js';
import { ANALYSIS_VERSION } from '../version.js';

/** Options of the aggregation. */
export interface AggregateOptions {
  /** Every compiled version the responses were answered with (`questionnaire.json` of each build). */
  compiled: readonly CompiledQuestionnaire[];
  /** Disclosure thresholds from configuration; the defaults otherwise. */
  rules?: Partial<DisclosureRules>;
  /** Reference date per wave id (YYYY-MM-DD); by default 1 January of a four-digit wave id. */
  referenceDates?: Readonly<Record<string, string>>;
  /** Values kept exactly per numeric question and group for quartiles (100,000 by default). */
  exactValues?: number;
  /**
   * Class bounds per numeric question id, ascending (see classes.ts): `{ annee_creation: [5, 10, 20] }`
   * gives "under 5 years", "5 to 9"… For a year, bounds are ages at the wave's reference date.
   */
  classes?: Readonly<Record<string, readonly number[]>>;
  /**
   * Observes each response once it is counted, with its visibility as the aggregation computed
   * it (the questions shown, the answers kept): what counts per response in the same pass
   * (post-stratification, the respondents of gathered codes) reads it here rather than
   * computing the visibility a second time, its costliest step.
   */
  tap?: (payload: CountedResponse, state: VisibilityState) => void;
  /**
   * Counts to hide whatever their value, by group (a publication beside a nested territory's:
   * the collector's results/nested.ts). Each is a complement with complements of its own, and
   * the filtered questions it would give away are withheld, as for any hidden count.
   */
  hide?: readonly HiddenCounts[];
}

/** The configured class bounds, checked against the questions. */
function classBounds(catalogue: Catalogue, classes: Readonly<Record<string, readonly number[]>> = {}): Map<string, readonly number[]> {
  const out = new Map<string, readonly number[]>();
  for (const [id, bounds] of Object.entries(classes)) {
    // A configured key may be anything: escaped as a JSON pointer token (RFC 6901).
    const pointer = pointerOf('classes', id);
    const entry = catalogue.get(id);
    if (entry?.kind !== 'numeric') throw new AnalysisError(pointer, 'analysis/classes', `"${id}" is not an integer, decimal or year question that can be aggregated in the versions given`, { fr: `« ${id} » n’est pas une question de nombre entier, décimal ou d’année qui se compte dans les versions lues`, en: `"${id}" is not an integer, decimal or year question that can be aggregated in the versions given` }, false);
    numericClasses(bounds, pointer);
    out.set(id, bounds);
  }
  return out;
}

interface Group {
  territory: TerritoryRef;
  wave: string;
  referenceDate: string | null;
  responses: number;
  versions: Map<CompiledQuestionnaire, number>;
  questions: Map<string, Accumulator>;
  /** Per version answered, the accumulators in the order of its planned questions (no lookup per answer). */
  plans: Map<CompiledQuestionnaire, Accumulator[]>;
  /** First and last `submittedAt` (ms), and the responses by channel and by source. */
  first: number;
  last: number;
  byChannel: Map<string, number>;
  bySource: Map<string, number>;
}

/** Counts in a map, as a plain object ordered by decreasing count, then code. */
function countsOf(counts: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}

/** The aggregated questions of each version, in questionnaire order (worked out once). */
function plannedQuestions(catalogue: Catalogue): (compiled: CompiledQuestionnaire) => CatalogueEntry[] {
  const plans = new Map<CompiledQuestionnaire, CatalogueEntry[]>();
  return (compiled) => {
    let plan = plans.get(compiled);
    if (!plan) {
      plan = allQuestions(compiled).flatMap((q) => catalogue.get(q.id) ?? []);
      plans.set(compiled, plan);
    }
    return plan;
  };
}

/**
 * The questions of several versions in one order: the first version's, then each question
 * another version adds, placed after the question it follows there (an extension's questions
 * sit where its questionnaire shows them, a later core's new question where it was inserted).
 */
function mergedOrder<T>(lists: readonly (readonly T[])[]): T[] {
  const merged: T[] = [];
  for (const list of lists) {
    let at = 0;
    for (const item of list) {
      const known = merged.indexOf(item);
      if (known >= 0) at = known + 1;
      else merged.splice(at++, 0, item);
    }
  }
  return merged;
}

/** The rules stated in the document. */
export function resultsRules(rules: DisclosureRules): ResultsRules {
  return { ...rules, confidence: 0.95, interval: 'wilson', quantiles: 'hyndman-fan-7', comparison: { ...DEFAULT_COMPARISON_RULES } };
}

/**
 * Aggregates responses into a results document, one group per territory and wave.
 * @throws AnalysisError when a response names a version not given, carries an answer of the
 * wrong shape, or an option is invalid; the error names the response and JSON pointer.
 */
export async function aggregateResponses(responses: AsyncIterable<CountedResponse> | Iterable<CountedResponse>, options: AggregateOptions): Promise<ResultsDocument> {
  const rules = disclosureRules(options.rules);
  const capacity = options.exactValues ?? DEFAULT_EXACT_VALUES;
  const catalogue = new Catalogue(options.compiled);
  const versions = new VersionIndex(options.compiled);
  const questionsOf = plannedQuestions(catalogue);
  const bounds = classBounds(catalogue, options.classes);
  const groups = new Map<string, Group>();
  for await (const payload of responses) {
    const compiled = versions.of(payload);
    const key = `${payload.territory.level}:${payload.territory.code}|${payload.wave}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        territory: { level: payload.territory.level, code: payload.territory.code }, wave: payload.wave,
        referenceDate: waveReferenceDate(payload.wave, options.referenceDates), responses: 0, versions: new Map(), questions: new Map(), plans: new Map(),
        first: Infinity, last: -Infinity, byChannel: new Map(), bySource: new Map(),
      };
      groups.set(key, group);
    }
    group.responses += 1;
    const submitted = Date.parse(payload.submittedAt);
    if (submitted < group.first) group.first = submitted;
    if (submitted > group.last) group.last = submitted;
    group.byChannel.set(payload.channel, (group.byChannel.get(payload.channel) ?? 0) + 1);
    if (payload.source) group.bySource.set(payload.source, (group.bySource.get(payload.source) ?? 0) + 1);
    group.versions.set(compiled, (group.versions.get(compiled) ?? 0) + 1);
    const state = computeVisibility(compiled, payload.answers ?? {});
    const plan = questionsOf(compiled);
    let accumulators = group.plans.get(compiled);
    if (!accumulators) {
      const questions = group.questions;
      accumulators = plan.map((entry) => {
        let acc = questions.get(entry.id);
        if (!acc) questions.set(entry.id, (acc = newAccumulator(entry, capacity, bounds.get(entry.id) ?? null)));
        return acc;
      });
      group.plans.set(compiled, accumulators);
    }
    for (let i = 0; i < plan.length; i++) {
      const entry = plan[i]!;
      if (!state.visible.has(entry.id)) continue;
      record(accumulators[i]!, entry, payload.submissionId, state.answers[entry.id], group.referenceDate);
    }
    options.tap?.(payload, state);
  }
  // The counts to hide, and the lines to withhold, of a group, by question.
  const hiddenIn = (g: Group): { counts: Map<string, CountRef[]>; lines: Map<string, LineRef[]> } => {
    const out = { counts: new Map<string, CountRef[]>(), lines: new Map<string, LineRef[]>() };
    for (const h of options.hide ?? []) {
      if (h.wave !== g.wave || !sameTerritory(h.territory, g.territory)) continue;
      for (const c of h.counts) out.counts.set(c.question, [...(out.counts.get(c.question) ?? []), c]);
      for (const l of h.lines ?? []) out.lines.set(l.question, [...(out.lines.get(l.question) ?? []), l]);
    }
    return out;
  };
  const results: GroupResults[] = [...groups.values()]
    .sort((a, b) => a.territory.level.localeCompare(b.territory.level) || a.territory.code.localeCompare(b.territory.code) || a.wave.localeCompare(b.wave))
    .map((g) => ({ g, hide: hiddenIn(g) }))
    .map(({ g, hide }) => ({
      territory: g.territory,
      wave: g.wave,
      referenceDate: g.referenceDate,
      responses: g.responses,
      versions: [...g.versions.entries()].map(([c, n]): VersionAnswered => ({
        questionnaire: { ...c.questionnaire },
        extension: c.extension ? { id: c.extension.id, version: c.extension.version } : null,
        responses: n,
      })),
      questions: withholdLinked(mergedOrder([...g.versions.keys()].map(questionsOf)).map((entry) =>
        questionFigures(catalogue.answeredIn(entry, g.versions.keys()), g.questions.get(entry.id)!, g.referenceDate, rules, hide.counts.get(entry.id), hide.lines.get(entry.id))), [...g.versions.keys()]),
      collection: {
        from: new Date(g.first).toISOString(), to: new Date(g.last).toISOString(),
        byChannel: countsOf(g.byChannel), bySource: countsOf(g.bySource),
      },
    }));
  return { kind: 'olva-results', formatVersion: 1, generator: { name: '@olva/analysis', version: ANALYSIS_VERSION }, rules: resultsRules(rules), groups: results };
}
