/**
 * Nested publications. A territory's results count the responses collected inside it (decision
 * 0014), so two published documents, a commune's and its EPCI's, subtract into the results of
 * the rest of the EPCI, which nobody published and which the disclosure rules never saw: a
 * difference of 2 in a code is a small cell, one of 4 responses a group under `minBase`. A
 * document shows a territory in more than one wave: its own, and the previous wave its
 * comparison sets beside it (`comparisons.previousWave`, whose counts are the previous group's,
 * or their sums over a crosswalk's categories). Each is a view (`viewsOf`, views.ts), and every view of
 * the document being published is checked against every view of the same wave in the
 * territories nested with it, whatever wave they were published for.
 * - A count whose difference with the nested view's would be under `minCell` is hidden in the
 *   document being published (`nestedHiddenCounts`: the analysis hides it as a complement, in
 *   the group of its wave, with complements of its own so that its line's total does not give
 *   it back; a previous-wave count hidden in its group is no longer compared). A count the
 *   other view hides leaves the difference unknown: nothing to hide for it.
 * - A line (question or matrix row) whose base differs by fewer than `minBase` is withheld
 *   (`withheldReason: "complementary"`): its figures would describe the few of the rest.
 * - A rest of fewer than `minBase` responses has nothing to hide it: the publication is refused
 *   (409 `results/nested-difference`), naming the other publication, the wave and the figure.
 *   The refusal checks bases and counts again, so what the hiding left is refused, never published.
 * - A count shown in one bounds the same count in the other (a commune's is at most its EPCI's):
 *   a line whose hidden counts that leaves a single reading (`boundedCountPinned`) is withheld
 *   when it is the document's own, and the document hides the counts that bound it otherwise.
 * - The territory's own earlier snapshots (`earlier`: replaced or withdrawn since, each has been
 *   public) are checked the same way, differences counting either way and without bounds.
 * - A previous-wave column states no responses: when its lines all differ by under `minBase` and
 *   one does differ, the group that differs is likely that small, and every line both show is
 *   withheld (`fewBehind`), unchanged ones too. Beside an earlier snapshot, the store says how many
 *   responses changed since (`changedSince`: come in, set aside or restored, which cancel out in
 *   the lines); erased ones leave no territory behind, and only the lines tell of them.
 * - Bounds reach the previous-wave columns too: their hidden counts have no mark (any value), so
 *   only bounds that add up to the hidden sum pin them (a count hidden beside an earlier snapshot,
 *   with its complement, that the EPCI shows because its rest has none); not under a crosswalk.
 * - Any number of documents are read together (`families`, `Family`, in family-checks.ts): a territory less any
 *   disjoint published territories inside it, at any level (an EPCI less three of its communes,
 *   each pair's and triple's rest large, the four's small; a département less an EPCI and two
 *   communes outside it), the new document being the outer one or one of those subtracted beside
 *   a published holder. For each figure of the new document (the group's responses, each line's
 *   base, each count), a subset sum over the tree of the published territories by containment
 *   (`family-tree.ts`: a territory gives its own figure or any sum of its disjoint parts) says which
 *   sums a reader can subtract, up to the outer figure; a rest in [1, limit) is hidden or refused
 *   as for two documents (the refusal names the territories of one such sum), and `fewBehind`
 *   withholds a previous-wave column beside the territories of a small base rest. Cost, for P
 *   published territories around and a figure of value C: O(P · min(S, K) · C / 32) per figure
 *   (bitsets of C + 1 bits; S the sums reached so far, K a part's: 2 for a territory with nothing
 *   published inside), each figure made once per check (the passes of hiding ask again: `memo`),
 *   and O(P² · I) for the tree (I the territories each holds).
 * - Bounds through any number of documents, chained (`boundsWeb`, family-bounds.ts): the new
 *   territory, those published inside it, those holding it and those inside a holder disjoint
 *   from it, each under every one holding it right above (a commune of an EPCI across two
 *   départements under both). Each count of each of them is an interval narrowed to a
 *   fixed point: at least its disjoint published parts' least values together, at most each
 *   holder's most less the least of the disjoint ones beside it (a commune's « × » at most its
 *   EPCI's less two other communes'), the same for those who answered without the code (the base
 *   less the count), the hidden counts of a line adding up to its hidden sum, « < 3 » 1 or 2, « × »
 *   0 or at least `minCell`. A hidden neighbour thus counts as its least value, not 0 (Lanester's
 *   « × », at least 4 by its own line, leaves Lorient's at most 13 − 6 − 4), and every holder of
 *   the new territory counts together (an EPCI's hidden 2025 culture, at least its two communes'
 *   and at most its département's less Vannes'). A line they leave a single reading
 *   (`boundedCountPinned`), or none (documents of different times that contradict each other: the
 *   safe side), is withheld when it is the new document's; another's loses the new document's
 *   counts of its codes, when the new document fixes it and nothing published before did, or, when
 *   the new document fixes it through its hidden ones, the new document's line is withheld; what
 *   the hiding leaves is refused, naming the territory whose line it is, those its bounds read, and
 *   the largest holding both, whose rest is read. Every pair is then in the web (`inWeb`: the
 *   web's bounds hold the two's). Cost: per line a document shows that some territory around hides,
 *   O(W · N · K) (N territories, K hidden codes, W sweeps until nothing narrows, at most 64),
 *   those without the new document kept for the passes of hiding; O(N² · I) to place them.
 * - The network (`network:all`, decision 0018) holds every territory: published, it is checked beside
 *   every published territory (all read in one go), as an outer territory less any disjoint ones
 *   inside it; it is the last holder of every territory published after it (`containers`).
 * - Not followed: sums of territories that overlap without one holding the other taken part by
 *   part (an EPCI across two départements with the communes of one of them outside it:
 *   `family-tree.ts` takes one or the other, whole, in the sums and the bounds alike); a « × »
 *   as the two ranges it is (0, or at least 3): one interval spans both. Only figures shown in
 *   both (a sum of codes read from single counts in the other: a crosswalk's category; a question
 *   it renamed under its previous id, `previousQuestion`, in the previous wave).
 */
import { boundedCountPinned, isNetworkTerritory, type CountRef, type DisclosureRules, type HiddenCounts, type LineRef, type ResultsDocument, type TerritoryRef } from '@olva/analysis';
import { sameTerritory } from '@olva/schema';
import { HttpError } from '../http/errors.js';
import { text, type Text } from '../messages.js';
import type { ExclusionEvent, ResponseFilter, ResponseStore } from '../store/types.js';
import type { TerritoryDirectory } from '../territories.js';
import { boundsWeb, webHidden, webRefusal, type BoundsWeb } from './family-bounds.js';
import { families, familyConflict, familyHidden, familyRefusal, type Family } from './family-checks.js';
import { countIn, countKey, groupOf, lineOf, name, small, viewsOf, type Counted, type HiddenLine, type View } from './views.js';


/**
 * The difference of two figures that the rules check: outer less inner, or its size between two
 * snapshots of one territory (`unordered`: responses came in, were set aside or erased between
 * them, and a reader who sets them side by side reads the few that changed either way).
 */
const gap = (outer: number, inner: number, unordered: boolean) => (unordered ? Math.abs(outer - inner) : outer - inner);

/** A count whose difference between two views of one wave is under `minCell`. */
interface SmallDifference { counted: Omit<Counted, 'count'>; difference: number }

/** The counts shown in both views whose difference (outer less inner) is under `minCell`. */
function smallDifferences(outer: View, inner: View, rules: DisclosureRules, unordered: boolean): SmallDifference[] {
  const out: SmallDifference[] = [];
  const seen = new Set<string>();
  for (const c of [...outer.counts.values(), ...inner.counts.values()]) {
    const key = countKey(c);
    if (seen.has(key)) continue;
    seen.add(key);
    const [o, i] = [countIn(outer, c), countIn(inner, c)];
    if (o !== null && i !== null && small(gap(o, i, unordered), rules.minCell)) out.push({ counted: c, difference: gap(o, i, unordered) });
  }
  return out;
}

/** The lines shown in both views whose bases differ (outer less inner) by under `minBase`. */
function smallBases(outer: View, inner: View, rules: DisclosureRules, unordered: boolean): (LineRef & { difference: number })[] {
  const out: (LineRef & { difference: number })[] = [];
  for (const [line, o] of outer.bases) {
    const i = inner.bases.get(line);
    if (i && small(gap(o.base, i.base, unordered), rules.minBase)) out.push({ question: o.question, ...(o.row === undefined ? {} : { row: o.row }), difference: gap(o.base, i.base, unordered) });
  }
  return out;
}

/** The lines shown in both views, with their difference. */
function commonLines(outer: View, inner: View): (LineRef & { difference: number })[] {
  return [...outer.bases.values()].flatMap((o) => {
    const i = inner.bases.get(lineOf(o.question, o.row));
    return i ? [{ question: o.question, ...(o.row === undefined ? {} : { row: o.row }), difference: o.base - i.base }] : [];
  });
}

/**
 * True when a view pair whose responses are not both known (a previous-wave column) has some
 * line whose bases differ, none by `minBase` or more: the group that differs (the rest, or the
 * responses erased or come in between two snapshots) is then likely under `minBase`, and its
 * lines with no difference would say what those few did not answer; they are withheld with the others.
 */
function fewBehind(outer: View, inner: View, rules: DisclosureRules, unordered: boolean, changed = 0): boolean {
  if (outer.responses !== null && inner.responses !== null) return false;
  const gaps = commonLines(outer, inner).map((l) => (unordered ? Math.abs(l.difference) : l.difference));
  // The lines tell a net change only: one response come in and one set aside cancel out there, not in `changed`.
  const widest = Math.max(0, changed, ...gaps);
  return small(widest, rules.minBase);
}

/**
 * The lines of `owner` whose hidden counts the counts `bounder` shows fix to a single value: a
 * count of the inner territory is at most the outer one's, and at least it the other way round
 * (`boundedCountPinned`). Each with the codes `bounder` shows among its hidden ones.
 */
function pinnedByBounds(owner: View, bounder: View, ownerInside: boolean, rules: DisclosureRules): { line: HiddenLine; shown: string[] }[] {
  const out: { line: HiddenLine; shown: string[] }[] = [];
  for (const line of owner.hidden.values()) {
    const bounds = line.cells.map((c) => countIn(bounder, { question: line.question, ...(line.row === undefined ? {} : { row: line.row }), codes: [c.code] }));
    if (bounds.every((b) => b === null)) continue;
    const cells = line.cells.map((c, i) => ({ mark: c.mark, min: !ownerInside && bounds[i] !== null ? bounds[i]! : 0, max: ownerInside && bounds[i] !== null ? bounds[i]! : Infinity }));
    if (boundedCountPinned(cells, line.sum, rules)) out.push({ line, shown: line.cells.filter((_, i) => bounds[i] !== null).map((c) => c.code) });
  }
  return out;
}

/** The view pairs of one wave, outer first. */
function pairs(mine: readonly View[], theirs: readonly View[], outside: boolean): [View, View][] {
  return mine.flatMap((m) => theirs.filter((t) => t.wave === m.wave).map((t): [View, View] => (outside ? [t, m] : [m, t])));
}

/**
 * What `mine` hides beside the views of a published nested territory, `theirs`, each in the
 * group of its wave: the counts whose difference with theirs is under `minCell` (one code of a
 * crosswalk's category: its sum is then hidden too), and the lines (question or matrix row)
 * whose bases differ by under `minBase`, withheld (their figures would describe so few).
 * @param outside true when `theirs` holds `mine` (`mine` is the inner territory).
 * @param unordered true when `theirs` is an earlier snapshot of `mine`'s own territory: differences
 * count either way, and neither bounds the other (responses came and went in between).
 * @param changed for an earlier snapshot, the responses counted then or now but not both, by wave
 * (`NestedPublication.changed`): a previous-wave column is withheld whole when they are under `minBase`.
 * @param bounds false when a web of chained bounds holds the two (`inWeb`): tighter, they hold these.
 */
export function nestedHiddenCounts(mine: readonly View[], theirs: readonly View[], outside: boolean, rules: DisclosureRules, unordered = false, changed?: ReadonlyMap<string, number>, bounds = true): HiddenCounts[] {
  const out: HiddenCounts[] = [];
  for (const [outer, inner] of pairs(mine, theirs, outside)) {
    const view = outside ? inner : outer;
    const counts = smallDifferences(outer, inner, rules, unordered).map(({ counted: c }): CountRef => ({ question: c.question, ...(c.row === undefined ? {} : { row: c.row }), code: c.codes[0]! }));
    const lines: LineRef[] = (fewBehind(outer, inner, rules, unordered, changed?.get(outer.wave)) ? commonLines(outer, inner) : smallBases(outer, inner, rules, unordered)).map(({ difference: _, ...line }) => line);
    const other = outside ? outer : inner;
    // A line of mine that their counts pin is withheld; one of theirs that mine pin loses my counts that bound it.
    for (const { line } of unordered || !bounds ? [] : pinnedByBounds(view, other, outside, rules)) lines.push({ question: line.question, ...(line.row === undefined ? {} : { row: line.row }) });
    for (const { line, shown } of unordered || !bounds ? [] : pinnedByBounds(other, view, !outside, rules)) counts.push(...shown.map((code) => ({ question: line.question, ...(line.row === undefined ? {} : { row: line.row }), code })));
    if (counts.length || lines.length) out.push({ territory: { ...view.territory }, wave: view.wave, counts, ...(lines.length ? { lines } : {}) });
  }
  return out;
}

/**
 * What the rest of `outer` (outer less inner) would publish that the rules forbid, in a view
 * pair of one wave: a group under `minBase`, a base under `minBase`, a count under `minCell`;
 * null when nothing.
 */
function viewDifference(outer: View, inner: View, rules: DisclosureRules, unordered: boolean, bounds: boolean): Text | null {
  if (outer.responses !== null && inner.responses !== null) {
    const rest = gap(outer.responses, inner.responses, unordered);
    if (small(rest, rules.minBase)) return text('nested.responses', { count: rest, minBase: rules.minBase });
  }
  const [base] = smallBases(outer, inner, rules, unordered);
  if (base) return text('nested.base', { question: lineOf(base.question, base.row), count: base.difference, minBase: rules.minBase });
  const [pinned] = unordered || !bounds ? [] : [...pinnedByBounds(outer, inner, false, rules), ...pinnedByBounds(inner, outer, true, rules)];
  if (pinned) return text('nested.bounds', { question: lineOf(pinned.line.question, pinned.line.row) });
  const [d] = smallDifferences(outer, inner, rules, unordered);
  if (!d) return null;
  const code = `${d.counted.row === undefined ? '' : `${d.counted.row}.`}${d.counted.codes.join(' + ')}`;
  return text('nested.count', { question: d.counted.question, code, count: d.difference, minCell: rules.minCell });
}

/**
 * What the rest of `outer` would publish that the rules forbid, in any wave both show (their
 * own or a previous wave compared with); the wave is named when it is not `wave`.
 * @param unordered true for two snapshots of one territory (differences either way, no bounds).
 * @param bounds false when a web of chained bounds holds the two (`inWeb`).
 */
export function nestedDifference(outer: readonly View[], inner: readonly View[], rules: DisclosureRules, wave: string, unordered = false, bounds = true): Text | null {
  for (const [o, i] of pairs(outer, inner, false)) {
    const what = viewDifference(o, i, rules, unordered, bounds);
    if (what) return o.wave === wave ? what : text('nested.in-wave', { wave: o.wave, what });
  }
  return null;
}

/** What the published documents of a territory nested with the one being published show. */
export interface NestedPublication {
  territory: TerritoryRef;
  /** True when it holds the one being published, false when it lies inside it (or is the same). */
  outside: boolean;
  /**
   * Set for the territory's own earlier snapshot: when it was published. Replaced or withdrawn
   * since, it has been public, and its difference with the new one describes the responses that
   * came in, were set aside or erased in between: checked either way, without bounds.
   */
  earlier?: string;
  /**
   * For an earlier snapshot, by wave shown: the responses counted then or now but not both
   * (`changedSince`), which a net difference of the lines does not tell (one come in, one set aside).
   */
  changed?: ReadonlyMap<string, number>;
  /**
   * Set for three documents or more read together (`families`): the rest of `territory` less any
   * disjoint published territories inside it, the new one among them when `territory` holds it
   * (`views` are then its holder's, else none), and the bounds they set on each other's hidden counts.
   */
  family?: Family;
  /**
   * Set, on an entry of its own (`territory` the new one, no views), when two published
   * territories or more lie around the new one: the bounds they all set on each other's hidden
   * counts, chained (`family-bounds.ts`).
   */
  bounds?: BoundsWeb;
  /** Its views, from every wave it has published. */
  views: View[];
}

/** The responses a publication counts: those of a filter (every wave) collected inside its territory. */
export interface CountedResponses {
  filter: Omit<ResponseFilter, 'waves' | 'includeExcluded'>;
  counts: (t: TerritoryRef) => boolean;
}

/** A stored response as `changedSince` reads it. */
export interface ResponseTimes { submissionId: string; receivedAt: string }

/**
 * The responses counted at one time only of two: at an earlier act (`at`) and now. Counted at
 * `at`: received before it and not set aside then (the last act of the exclusion log before it);
 * now: stored and not set aside. A response received during the analysis that preceded the act
 * is taken as counted (fewer changed: the lines' own differences still count). An erased response
 * has left nothing of its wave or territory: not counted here (a lower bound; the lines tell the
 * net change erasures make).
 */
export function changedSince(responses: readonly ResponseTimes[], excluded: ReadonlySet<string>, log: readonly ExclusionEvent[], at: string): number {
  const asideThen = new Map<string, boolean>();
  for (const e of log) if (e.at < at) asideThen.set(e.submissionId, e.action === 'exclude');
  return responses.filter((r) => (r.receivedAt < at && !asideThen.get(r.submissionId)) !== !excluded.has(r.submissionId)).length;
}

/** `changedSince` for each earlier act, in each wave, over the responses the store holds now (set aside ones too). */
async function changedBySnapshot(store: ResponseStore, counted: CountedResponses, waves: ReadonlySet<string>, ats: readonly string[]): Promise<Map<string, Map<string, number>>> {
  const excluded = new Set((await store.exclusions()).map((e) => e.submissionId));
  const log = await store.exclusionLog();
  const out = new Map(ats.map((at) => [at, new Map<string, number>()]));
  for (const wave of waves) {
    const responses: ResponseTimes[] = [];
    for await (const r of store.stream({ ...counted.filter, waves: [wave], includeExcluded: true })) if (counted.counts(r.payload.territory)) responses.push({ submissionId: r.submissionId, receivedAt: r.receivedAt });
    for (const at of ats) out.get(at)!.set(wave, changedSince(responses, excluded, log, at));
  }
  return out;
}

/**
 * The published documents nested with `territory`, every wave (one published for another wave
 * may compare with this one): those of the territories inside it (one read each of those that
 * have published), those of the territories holding it, and every document `territory` itself
 * has published (`earlier`), replaced or withdrawn since or not. Of its own, only the views of the
 * waves the new document shows (`waves`) are kept.
 * @param inner the territories inside `territory` whose responses its document counts (custom
 * territories the geography may not list).
 * @param counted the responses its document counts: with them, each earlier snapshot says how
 * many changed since (`changed`).
 */
export async function nestedPublications(store: ResponseStore, directory: TerritoryDirectory, territory: TerritoryRef, inner: readonly TerritoryRef[], waves: ReadonlySet<string>, counted?: CountedResponses): Promise<NestedPublication[]> {
  const out: NestedPublication[] = [];
  const earlier: NestedPublication[] = [];
  for (const s of await store.publications.snapshots(territory)) {
    const group = groupOf(JSON.parse(s.document) as ResultsDocument, territory, s.wave);
    const views = group ? viewsOf(group).filter((v) => waves.has(v.wave)) : [];
    if (views.length) earlier.push({ territory, outside: false, earlier: s.at, views });
  }
  const changed = counted && earlier.length ? await changedBySnapshot(store, counted, waves, earlier.map((e) => e.earlier!)) : undefined;
  out.push(...earlier.map((e) => (changed ? { ...e, changed: changed.get(e.earlier!)! } : e)));
  const pairs: NestedPublication[] = [];
  // The network holds every territory: those published, read at once, are all a reader sets beside it.
  const everyPublished = isNetworkTerritory(territory) ? await store.publications.publishedTerritories('all') : null;
  // Every territory inside, not only those the responses name: an EPCI counts its communes' responses, and its document is nested with its département's.
  const within = new Map([...inner, ...(everyPublished ?? directory.inside(territory))].filter((t) => !sameTerritory(t, territory)).map((t) => [name(t), t]));
  const around = [...[...within.values()].map((t) => [t, false] as const), ...directory.containers(territory).map((t) => [t, true] as const)];
  // One read says which have published: a region holds a thousand communes, few of them published.
  const published = new Set((everyPublished ?? await store.publications.publishedTerritories(around.map(([t]) => t))).map(name));
  for (const [other, outside] of around) {
    if (!published.has(name(other))) continue;
    const views = await publishedViews(store, other);
    if (views.length) pairs.push({ territory: other, outside, views });
  }
  // The territories inside those holding it that have published, and their views: one read says which, then one read each, shared.
  const holders = pairs.filter((p) => p.outside);
  const everywhere = holders.some((a) => isNetworkTerritory(a.territory));
  const aroundPublished = new Map((await store.publications.publishedTerritories(everywhere ? 'all' : holders.flatMap((a) => directory.inside(a.territory)))).map((t) => [name(t), t]));
  const read = new Map<string, Promise<View[]>>();
  const reader = (t: TerritoryRef) => { if (!read.has(name(t))) read.set(name(t), publishedViews(store, t)); return read.get(name(t))!; };
  const together = await families(directory, territory, within, pairs, aroundPublished, reader);
  const web = await boundsWeb(directory, territory, within, pairs, aroundPublished, reader);
  out.push(...pairs, ...together, ...(web ? [{ territory, outside: false, views: [], bounds: web }] : []));
  return out;
}

/** The views of every document a territory has published (its last one of each wave). */
async function publishedViews(store: ResponseStore, territory: TerritoryRef): Promise<View[]> {
  const views: View[] = [];
  for (const [wave, published] of await store.publications.publishedWaves(territory)) {
    const group = groupOf(JSON.parse(published) as ResultsDocument, territory, wave);
    if (group) views.push(...viewsOf(group));
  }
  return views;
}

/** Passes of hiding: each may show a count its line hid before (its complements change). */
const HIDING_PASSES = 3;

/**
 * True when the territories around the new one form a web of chained bounds (`bounds`): every
 * pair is in it, and the web's bounds hold those the two set on each other.
 */
const inWeb = (nested: readonly NestedPublication[]) => nested.some((n) => n.bounds !== undefined);

/**
 * The document of `territory` with the counts hidden whose difference with a nested
 * publication's would be under `minCell`, and the lines withheld whose bases would differ by
 * under `minBase`, in its wave and in the previous wave it compares with: `analyse` makes it again with them hidden (the analysis' `hide`), until none is left or
 * after a few passes (what is left is then refused by `refuseNestedDifference`, never published).
 */
export async function hideBesideNested(doc: ResultsDocument, territory: TerritoryRef, wave: string, nested: readonly NestedPublication[], rules: DisclosureRules, analyse: (hide: HiddenCounts[]) => Promise<ResultsDocument>): Promise<ResultsDocument> {
  const hidden = new Map<string, HiddenCounts & { counts: CountRef[]; lines: LineRef[] }>();
  const chained = inWeb(nested);
  const asked = new Set<string>();
  for (let pass = 0; pass < HIDING_PASSES; pass++) {
    const group = groupOf(doc, territory, wave);
    const mine = group ? viewsOf(group) : [];
    let more = false;
    // A count hidden already is not shown: only new ones come back.
    for (const h of group ? nested.flatMap((n) => (n.bounds ? webHidden(mine, n.bounds, rules) : n.family ? familyHidden(mine, n.family, rules) : nestedHiddenCounts(mine, n.views, n.outside, rules, n.earlier !== undefined, n.changed, !chained))) : []) {
      const entry = hidden.get(h.wave) ?? { territory: h.territory, wave: h.wave, counts: [], lines: [] };
      hidden.set(h.wave, entry);
      for (const [key, add] of [
        ...h.counts.map((c) => [`${lineOf(c.question, c.row)}|${c.code}`, () => entry.counts.push(c)] as const),
        ...(h.lines ?? []).map((l) => [lineOf(l.question, l.row), () => entry.lines.push(l)] as const),
      ]) {
        if (asked.has(`${h.wave}|${key}`)) continue;
        asked.add(`${h.wave}|${key}`);
        add();
        more = true;
      }
    }
    if (!more) break;
    doc = await analyse([...hidden.values()]);
  }
  return doc;
}

/**
 * Refuses a publication whose document, beside the published documents of a territory nested
 * with it, would give away a figure of the rest of the outer one that nothing hides.
 * @throws HttpError 409 `results/nested-difference`.
 */
export function refuseNestedDifference(territory: TerritoryRef, wave: string, doc: ResultsDocument, nested: readonly NestedPublication[], rules: DisclosureRules): void {
  const mine = groupOf(doc, territory, wave);
  if (!mine) return;
  const views = viewsOf(mine);
  const chained = inWeb(nested);
  for (const { territory: other, outside, views: theirs, earlier, family, bounds } of nested) {
    if (bounds) {
      const refused = webRefusal(wave, views, bounds, rules, (others, outer, what) => familyConflict(territory, wave, others, outer, what));
      if (refused) throw refused;
      continue;
    }
    if (family) {
      const refused = familyRefusal(territory, wave, views, family, rules);
      if (refused) throw refused;
      continue;
    }
    const what = outside ? nestedDifference(theirs, views, rules, wave, false, !chained) : nestedDifference(views, theirs, rules, wave, earlier !== undefined, !chained);
    if (!what) continue;
    if (earlier !== undefined) {
      const message = text('conflict.earlier-snapshot', { territory: name(territory), wave, at: earlier, what, minBase: rules.minBase });
      throw new HttpError(409, 'conflict', message, {}, [{ pointer: '', code: 'results/earlier-snapshot-difference', message }]);
    }
    const message = text('conflict.nested-publication', { territory: name(territory), wave, other: name(other), outer: name(outside ? other : territory), what });
    throw new HttpError(409, 'conflict', message, {}, [{ pointer: '', code: 'results/nested-difference', message }]);
  }
}
