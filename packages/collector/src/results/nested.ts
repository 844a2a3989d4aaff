/**
 * Nested publications. A territory's results count the responses collected inside it (decision
 * 0014), so two published documents of one wave, a commune's and its EPCI's, subtract into the
 * results of the rest of the EPCI, which nobody published and which the disclosure rules never
 * saw: a difference of 2 in a code is a small cell, one of 4 responses a group under `minBase`.
 * A publication that would make such a difference beside a nested territory's publication is
 * refused (409 `results/nested-difference`), naming the other publication and the figure. Only
 * pairs are checked (three nested documents can still combine), and only figures shown in both.
 */
import type { Category, DisclosureRules, GroupResults, QuestionFigures, ResultsDocument } from '@olva/analysis';
import { sameTerritory } from '@olva/schema';
import { HttpError } from '../http/errors.js';
import { text, type Text } from '../messages.js';
import type { ResponseStore, TerritoryRef } from '../store/types.js';
import type { TerritoryDirectory } from '../territories.js';

const name = (t: TerritoryRef) => `${t.level}:${t.code}`;

/** Every published count of a question, by a key naming its row and code. */
function counts(f: QuestionFigures): Map<string, { code: string; count: number }> {
  const out = new Map<string, { code: string; count: number }>();
  const put = (prefix: string, list: readonly Category[] | undefined) => {
    for (const c of list ?? []) if (c.count !== null) out.set(`${prefix}${c.code}`, { code: `${prefix}${c.code}`, count: c.count });
  };
  if (f.kind === 'distribution' || f.kind === 'multiple') put('', f.categories);
  else if (f.kind === 'numeric') put('', f.classes);
  else for (const row of f.rows ?? []) put(`${row.code}.`, row.categories);
  return out;
}

/** The base a question publishes (its answered count), or null when withheld. */
const answered = (f: QuestionFigures): number | null => (f.status === 'withheld' ? null : f.base?.answered ?? null);

/**
 * What the rest of `outer` (outer less inner) would publish that the rules forbid: a group under
 * `minBase`, a base under `minBase`, a count under `minCell`; null when nothing.
 */
export function nestedDifference(outer: GroupResults, inner: GroupResults, rules: DisclosureRules): Text | null {
  const small = (d: number, limit: number) => d > 0 && d < limit;
  const rest = outer.responses - inner.responses;
  if (small(rest, rules.minBase)) return text('nested.responses', { count: rest, minBase: rules.minBase });
  for (const o of outer.questions) {
    const i = inner.questions.find((q) => q.id === o.id);
    if (!i) continue;
    const [bo, bi] = [answered(o), answered(i)];
    if (bo !== null && bi !== null && small(bo - bi, rules.minBase)) return text('nested.base', { question: o.id, count: bo - bi, minBase: rules.minBase });
    const ci = counts(i);
    for (const [k, c] of counts(o)) {
      const d = c.count - (ci.get(k)?.count ?? Number.NaN);
      if (small(d, rules.minCell)) return text('nested.count', { question: o.id, code: c.code, count: d, minCell: rules.minCell });
    }
  }
  return null;
}

/** The group of a document for its territory and wave. */
const groupOf = (doc: ResultsDocument, territory: TerritoryRef, wave: string) =>
  doc.groups.find((g) => g.wave === wave && sameTerritory(g.territory, territory));

/**
 * Refuses a publication whose document, beside the published document of a territory nested
 * with it (inside it with responses in the wave, or holding it), would give away a figure of the
 * rest of the outer one.
 * @param inner the territories inside `territory` whose responses the document counts.
 * @throws HttpError 409 `results/nested-difference`.
 */
export async function refuseNestedDifference(store: ResponseStore, directory: TerritoryDirectory, territory: TerritoryRef, wave: string, doc: ResultsDocument, inner: readonly TerritoryRef[], rules: DisclosureRules): Promise<void> {
  const mine = groupOf(doc, territory, wave);
  if (!mine) return;
  for (const [other, outside] of [...inner.map((t) => [t, false] as const), ...directory.containers(territory).map((t) => [t, true] as const)]) {
    const published = await store.publications.published(other, wave);
    const theirs = published === null ? undefined : groupOf(JSON.parse(published) as ResultsDocument, other, wave);
    if (!theirs) continue;
    const what = outside ? nestedDifference(theirs, mine, rules) : nestedDifference(mine, theirs, rules);
    if (!what) continue;
    const message = text('conflict.nested-publication', { territory: name(territory), wave, other: name(other), outer: name(outside ? other : territory), what });
    throw new HttpError(409, 'conflict', message, {}, [{ pointer: '', code: 'results/nested-difference', message }]);
  }
}
