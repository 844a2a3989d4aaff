/**
 * Nested publications. A territory's results count the responses collected inside it (decision
 * 0014), so two published documents of one wave, a commune's and its EPCI's, subtract into the
 * results of the rest of the EPCI, which nobody published and which the disclosure rules never
 * saw: a difference of 2 in a code is a small cell, one of 4 responses a group under `minBase`.
 * - A count whose difference with the nested publication's would be under `minCell` is hidden
 *   in the document being published (`nestedHiddenCounts`: the analysis hides it as a
 *   complement, with complements of its own so that its line's total does not give it back).
 *   A count the other publication hides leaves the difference unknown: nothing to hide for it.
 * - A rest of fewer than `minBase` responses, or a question's base differing by fewer than
 *   `minBase`, has nothing to hide it: the publication is refused (409
 *   `results/nested-difference`), naming the other publication and the figure. The refusal
 *   checks the counts again, so a count left over by the hiding is refused, never published.
 * Only pairs are checked (three nested documents can still combine), and only figures shown in both.
 */
import type { Category, CountRef, DisclosureRules, GroupResults, HiddenCounts, QuestionFigures, ResultsDocument } from '@olva/analysis';
import { sameTerritory } from '@olva/schema';
import { HttpError } from '../http/errors.js';
import { text, type Text } from '../messages.js';
import type { ResponseStore, TerritoryRef } from '../store/types.js';
import type { TerritoryDirectory } from '../territories.js';

const name = (t: TerritoryRef) => `${t.level}:${t.code}`;

/** A published count, with the name a message gives it (`row.code` in a matrix) and where it is. */
interface Published { code: string; count: number; ref: CountRef }

/** Every published count of a question, by a key naming its row and code. */
function counts(f: QuestionFigures): Map<string, Published> {
  const out = new Map<string, Published>();
  const put = (row: string | undefined, list: readonly Category[] | undefined) => {
    const prefix = row === undefined ? '' : `${row}.`;
    for (const c of list ?? []) {
      if (c.count !== null) out.set(`${prefix}${c.code}`, { code: `${prefix}${c.code}`, count: c.count, ref: { question: f.id, ...(row === undefined ? {} : { row }), code: c.code } });
    }
  };
  if (f.kind === 'distribution' || f.kind === 'multiple') put(undefined, f.categories);
  else if (f.kind === 'numeric') put(undefined, f.classes);
  else for (const row of f.rows ?? []) put(row.code, row.categories);
  return out;
}

const small = (d: number, limit: number) => d > 0 && d < limit;

/** The counts shown in both groups whose difference (outer less inner) is under `minCell`, each with both counts. */
function smallDifferences(outer: GroupResults, inner: GroupResults, rules: DisclosureRules): { question: string; outer: Published; inner: Published }[] {
  const out: { question: string; outer: Published; inner: Published }[] = [];
  for (const o of outer.questions) {
    const i = inner.questions.find((q) => q.id === o.id);
    if (!i) continue;
    const ci = counts(i);
    for (const [k, c] of counts(o)) {
      const other = ci.get(k);
      if (other && small(c.count - other.count, rules.minCell)) out.push({ question: o.id, outer: c, inner: other });
    }
  }
  return out;
}

/**
 * The counts of `mine` to hide beside a published nested group, `theirs`: those whose
 * difference with it is under `minCell`.
 * @param outside true when `theirs` holds `mine` (`mine` is the inner group).
 */
export function nestedHiddenCounts(mine: GroupResults, theirs: GroupResults, outside: boolean, rules: DisclosureRules): CountRef[] {
  return smallDifferences(outside ? theirs : mine, outside ? mine : theirs, rules).map((d) => (outside ? d.inner : d.outer).ref);
}

/** The base a question publishes (its answered count), or null when withheld. */
const answered = (f: QuestionFigures): number | null => (f.status === 'withheld' ? null : f.base?.answered ?? null);

/**
 * What the rest of `outer` (outer less inner) would publish that the rules forbid: a group under
 * `minBase`, a base under `minBase`, a count under `minCell`; null when nothing.
 */
export function nestedDifference(outer: GroupResults, inner: GroupResults, rules: DisclosureRules): Text | null {
  const rest = outer.responses - inner.responses;
  if (small(rest, rules.minBase)) return text('nested.responses', { count: rest, minBase: rules.minBase });
  for (const o of outer.questions) {
    const i = inner.questions.find((q) => q.id === o.id);
    if (!i) continue;
    const [bo, bi] = [answered(o), answered(i)];
    if (bo !== null && bi !== null && small(bo - bi, rules.minBase)) return text('nested.base', { question: o.id, count: bo - bi, minBase: rules.minBase });
  }
  const [d] = smallDifferences(outer, inner, rules);
  return d ? text('nested.count', { question: d.question, code: d.outer.code, count: d.outer.count - d.inner.count, minCell: rules.minCell }) : null;
}

/** The group of a document for its territory and wave. */
const groupOf = (doc: ResultsDocument, territory: TerritoryRef, wave: string) =>
  doc.groups.find((g) => g.wave === wave && sameTerritory(g.territory, territory));

/** A published group of a territory nested with the one being published. */
export interface NestedPublication {
  territory: TerritoryRef;
  /** True when it holds the one being published, false when it lies inside it. */
  outside: boolean;
  group: GroupResults;
}

/**
 * The published groups of the wave nested with `territory`: those of the territories inside
 * it whose responses its document counts, and those of the territories holding it.
 * @param inner the territories inside `territory` whose responses the document counts.
 */
export async function nestedPublications(store: ResponseStore, directory: TerritoryDirectory, territory: TerritoryRef, wave: string, inner: readonly TerritoryRef[]): Promise<NestedPublication[]> {
  const out: NestedPublication[] = [];
  for (const [other, outside] of [...inner.map((t) => [t, false] as const), ...directory.containers(territory).map((t) => [t, true] as const)]) {
    const published = await store.publications.published(other, wave);
    const group = published === null ? undefined : groupOf(JSON.parse(published) as ResultsDocument, other, wave);
    if (group) out.push({ territory: other, outside, group });
  }
  return out;
}

/** Passes of hiding: each may show a count its line hid before (its complements change). */
const HIDING_PASSES = 3;

/**
 * The document of `territory` with the counts hidden whose difference with a nested
 * publication's would be under `minCell`: `analyse` makes it again with them hidden (the
 * analysis' `hide`), until none is left or after a few passes (what is left is then refused by
 * `refuseNestedDifference`, never published).
 */
export async function hideBesideNested(doc: ResultsDocument, territory: TerritoryRef, wave: string, nested: readonly NestedPublication[], rules: DisclosureRules, analyse: (hide: HiddenCounts[]) => Promise<ResultsDocument>): Promise<ResultsDocument> {
  const counts: CountRef[] = [];
  for (let pass = 0; pass < HIDING_PASSES; pass++) {
    const mine = groupOf(doc, territory, wave);
    // A count hidden already is not shown: only new ones come back.
    const more = mine ? nested.flatMap((n) => nestedHiddenCounts(mine, n.group, n.outside, rules)) : [];
    if (!more.length) break;
    counts.push(...more);
    doc = await analyse([{ territory: { level: territory.level, code: territory.code }, wave, counts }]);
  }
  return doc;
}

/**
 * Refuses a publication whose document, beside the published group of a territory nested with
 * it, would give away a figure of the rest of the outer one that nothing hides.
 * @throws HttpError 409 `results/nested-difference`.
 */
export function refuseNestedDifference(territory: TerritoryRef, wave: string, doc: ResultsDocument, nested: readonly NestedPublication[], rules: DisclosureRules): void {
  const mine = groupOf(doc, territory, wave);
  if (!mine) return;
  for (const { territory: other, outside, group: theirs } of nested) {
    const what = outside ? nestedDifference(theirs, mine, rules) : nestedDifference(mine, theirs, rules);
    if (!what) continue;
    const message = text('conflict.nested-publication', { territory: name(territory), wave, other: name(other), outer: name(outside ? other : territory), what });
    throw new HttpError(409, 'conflict', message, {}, [{ pointer: '', code: 'results/nested-difference', message }]);
  }
}
