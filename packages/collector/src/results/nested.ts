/**
 * Nested publications. A territory's results count the responses collected inside it (decision
 * 0014), so two published documents, a commune's and its EPCI's, subtract into the results of
 * the rest of the EPCI, which nobody published and which the disclosure rules never saw: a
 * difference of 2 in a code is a small cell, one of 4 responses a group under `minBase`. A
 * document shows a territory in more than one wave: its own, and the previous wave its
 * comparison sets beside it (`comparisons.previousWave`, whose counts are the previous group's,
 * or their sums over a crosswalk's categories). Each is a view (`viewsOf`), and every view of
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
 * - Any number of documents are read together (`families`, `Family`): a territory less any
 *   disjoint published territories inside it, at any level (an EPCI less three of its communes,
 *   each pair's and triple's rest large, the four's small; a département less an EPCI and two
 *   communes outside it), the new document being the outer one or one of those subtracted beside
 *   a published holder. For each figure of the new document (the group's responses, each line's
 *   base, each count), a subset sum over the tree of the published territories by containment
 *   (`families.ts`: a territory gives its own figure or any sum of its disjoint parts) says which
 *   sums a reader can subtract, up to the outer figure; a rest in [1, limit) is hidden or refused
 *   as for two documents (the refusal names the territories of one such sum), and `fewBehind`
 *   withholds a previous-wave column beside the territories of a small base rest. Cost, for P
 *   published territories around and a figure of value C: O(P · min(S, K) · C / 32) per figure
 *   (bitsets of C + 1 bits; S the sums reached so far, K a part's: 2 for a territory with nothing
 *   published inside), each figure made once per check (the passes of hiding ask again: `memo`),
 *   and O(P² · I) for the tree (I the territories each holds).
 * - Bounds through any number of documents, on the same tree (`familyPinned`): a hidden count of
 *   a territory is at least the most its disjoint published parts show, and at most, for each
 *   published territory holding it, that one's count less the most the disjoint published ones
 *   beside it inside show (a commune's « × » at most its EPCI's less two other communes'); the
 *   same with those who answered without giving the code (the base less the count, additive too:
 *   at least its base less what the holder's others leave), which counts where a neighbour hides
 *   the other codes. A line they leave a single reading (`boundedCountPinned`) is withheld when it
 *   is the new document's; another's loses the new document's counts of its codes, when the new
 *   document fixes it and nothing published before did; what the hiding leaves is refused, naming
 *   the holder, the territory and those read. A pair a family holds leaves its bounds to it
 *   (`inFamily`: tighter, they hold the pair's). Cost: the most of each figure over the tree, O(P)
 *   once per check (`mostOf`, kept), and per hidden count a walk up its branch (O(depth)): linear
 *   in the territories published around, where three documents' bounds took each pair apart
 *   (quadratic). Beside 40 published territories of a region, a check's hiding and refusal take
 *   0.1–0.21 s, against 1.05–1.29 s before, on a shared machine (docs/performance.md).
 * - Not followed: sums of territories that overlap without one holding the other taken part by
 *   part (an EPCI across two départements with the communes of one of them outside it:
 *   `families.ts` takes one or the other, whole); a bound carried to another (the hidden counts
 *   beside a territory count as 0: neither their marks' least values nor their own bounds are
 *   added); bounds of two holders of the new territory together (each is a family apart: an EPCI's
 *   « × » at least the new commune's and its neighbour's in one, at most its département's less
 *   the others' in the other). Only figures shown in both (a sum of codes read from single counts
 *   in the other: a crosswalk's category; a question it renamed under its previous id,
 *   `previousQuestion`, in the previous wave).
 */
import { boundedCountPinned, type BoundedCount, type CountRef, type DisclosureRules, type GroupResults, type HiddenCounts, type LineRef, type PreviousWaveShare, type QuestionFigures, type ResultsDocument } from '@olva/analysis';
import { sameTerritory } from '@olva/schema';
import { HttpError } from '../http/errors.js';
import { joinTexts, text, type Text } from '../messages.js';
import type { ExclusionEvent, ResponseFilter, ResponseStore, TerritoryRef } from '../store/types.js';
import type { TerritoryDirectory } from '../territories.js';
import { familyFor, familySums, familyTree, hasSum, independentSets, overlap, placesOf, type FamilyNode, type Member, type Place, type Sums } from './families.js';

const name = (t: TerritoryRef) => `${t.level}:${t.code}`;

/** A published count: its question, row and codes (several: a crosswalk's category, summed). */
interface Counted { question: string; row?: string; codes: readonly string[]; count: number }

/** What a published document shows of one territory in one wave. */
export interface View {
  territory: TerritoryRef;
  wave: string;
  /** The group's responses; null where the document shows the wave only through a comparison. */
  responses: number | null;
  /** The answered base of each line, by `question` or `question.row` in a matrix. */
  bases: Map<string, LineRef & { base: number }>;
  /** Every count shown, by line and codes (`countKey`). */
  counts: Map<string, Counted>;
  /** The single counts of each line whose counts add up to its base: a sum of its codes is known. */
  additive: Map<string, Map<string, number>>;
  /** The hidden counts of each such line, with their marks and their sum (the base less the counts shown). */
  hidden: Map<string, HiddenLine>;
}

/** The hidden counts of a line whose counts add up to its base; a previous-wave column's have no mark (null). */
interface HiddenLine extends LineRef { sum: number; cells: { code: string; mark: 'small' | 'complementary' | null }[] }

const lineOf = (question: string, row?: string) => (row === undefined ? question : `${question}.${row}`);
const countKey = (c: Omit<Counted, 'count'>) => `${lineOf(c.question, c.row)}|${[...c.codes].sort().join('+')}`;

function emptyView(territory: TerritoryRef, wave: string, responses: number | null): View {
  return { territory, wave, responses, bases: new Map(), counts: new Map(), additive: new Map(), hidden: new Map() };
}

/** Puts a question's published lines in a view. */
function putQuestion(view: View, f: QuestionFigures): void {
  if (f.status === 'withheld' || !f.base) return;
  const lines: { row?: string; base: number; categories: readonly { code: string; count: number | null; suppressed?: 'small' | 'complementary' }[]; additive: boolean }[] = [];
  if (f.kind === 'distribution' || f.kind === 'multiple') lines.push({ base: f.base.answered, categories: f.categories ?? [], additive: f.kind === 'distribution' });
  else if (f.kind === 'numeric') lines.push({ base: f.base.answered, categories: f.classes ?? [], additive: true });
  else for (const r of f.rows ?? []) if (r.base && r.categories) lines.push({ row: r.code, base: r.base.answered, categories: r.categories, additive: true });
  for (const l of lines) {
    const line = lineOf(f.id, l.row);
    view.bases.set(line, { question: f.id, ...(l.row === undefined ? {} : { row: l.row }), base: l.base });
    const singles = new Map<string, number>();
    for (const c of l.categories) {
      if (c.count === null) continue;
      const counted: Counted = { question: f.id, ...(l.row === undefined ? {} : { row: l.row }), codes: [c.code], count: c.count };
      view.counts.set(countKey(counted), counted);
      singles.set(c.code, c.count);
    }
    if (!l.additive) continue;
    view.additive.set(line, singles);
    const cells = l.categories.flatMap((c) => (c.count === null ? [{ code: c.code, mark: c.suppressed ?? 'complementary' }] : []));
    const sum = l.base - [...singles.values()].reduce((a, n) => a + n, 0);
    if (cells.length) view.hidden.set(line, { question: f.id, ...(l.row === undefined ? {} : { row: l.row }), sum, cells });
  }
}

/**
 * What a published group shows, wave by wave: its own figures, and the previous wave's counts
 * and bases its comparison sets beside them (the current counts a crosswalk sums join its own).
 */
export function viewsOf(g: GroupResults): View[] {
  const own = emptyView(g.territory, g.wave, g.responses);
  for (const f of g.questions) putQuestion(own, f);
  const views = [own];
  const previous = g.comparisons?.previousWave;
  if (previous?.available) {
    const before = emptyView(g.territory, previous.wave, null);
    for (const s of previous.shares) {
      const row = s.row === undefined ? {} : { row: s.row };
      // The previous wave under its own id: a question a crosswalk renamed is published there under the old one.
      for (const [view, figure, codes, question] of [[own, s.current, s.currentCodes, s.question], [before, s.previous, s.previousCodes, s.previousQuestion ?? s.question]] as const) {
        if (!figure) continue;
        const counted: Counted = { question, ...row, codes: codes?.length ? codes : [s.code], count: figure.count };
        if (!view.counts.has(countKey(counted))) view.counts.set(countKey(counted), counted);
        if (view === before) before.bases.set(lineOf(question, s.row), { question, ...row, base: figure.base });
      }
    }
    // Same versions only: a crosswalk's categories need not cover the previous line's codes, so their sum is no base.
    if (previous.crosswalk === null) putPreviousHidden(before, previous.shares, new Set(g.questions.filter((f) => f.kind === 'distribution' || f.kind === 'matrix').map((f) => f.id)));
    views.push(before);
  }
  return views;
}

/**
 * The additive lines of a previous-wave column (a single choice, boolean, scale, matrix row:
 * `additive`, by the current wave's kind, the same question's) and their hidden counts, which the
 * column states without a mark: `hidden` where the current wave has the code, `not-in-current`
 * where it has not. The line's base less its counts shown is their sum, as for the wave's own lines.
 */
function putPreviousHidden(before: View, shares: readonly PreviousWaveShare[], additive: ReadonlySet<string>): void {
  const lines = new Map<string, PreviousWaveShare[]>();
  for (const s of shares) if (additive.has(s.question)) lines.set(lineOf(s.question, s.row), [...(lines.get(lineOf(s.question, s.row)) ?? []), s]);
  for (const [line, list] of lines) {
    const base = before.bases.get(line);
    if (!base) continue;
    const singles = new Map(list.flatMap((s) => (s.previous ? [[s.code, s.previous.count] as const] : [])));
    before.additive.set(line, singles);
    const cells = list.flatMap((s) => (!s.previous && (s.missing === 'hidden' || s.missing === 'not-in-current') ? [{ code: s.code, mark: null }] : []));
    const sum = base.base - [...singles.values()].reduce((a, n) => a + n, 0);
    if (cells.length) before.hidden.set(line, { question: base.question, ...(base.row === undefined ? {} : { row: base.row }), sum, cells });
  }
}

/** A count a view shows, or sums from the single counts of an additive line; null when unknown. */
function countIn(view: View, c: Omit<Counted, 'count'>): number | null {
  const shown = view.counts.get(countKey(c));
  if (shown) return shown.count;
  const singles = c.codes.length > 1 ? view.additive.get(lineOf(c.question, c.row)) : undefined;
  if (!singles || !c.codes.every((code) => singles.has(code))) return null;
  return c.codes.reduce((sum, code) => sum + singles.get(code)!, 0);
}

const small = (d: number, limit: number) => d > 0 && d < limit;

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
 * @param bounds false when a family of documents follows the bounds of the two (`inFamily`): tighter, they hold these.
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
 * @param bounds false when a family of documents follows the bounds of the two (`inFamily`).
 */
export function nestedDifference(outer: readonly View[], inner: readonly View[], rules: DisclosureRules, wave: string, unordered = false, bounds = true): Text | null {
  for (const [o, i] of pairs(outer, inner, false)) {
    const what = viewDifference(o, i, rules, unordered, bounds);
    if (what) return o.wave === wave ? what : text('nested.in-wave', { wave: o.wave, what });
  }
  return null;
}

/** The group of a document for its territory and wave. */
const groupOf = (doc: ResultsDocument, territory: TerritoryRef, wave: string) =>
  doc.groups.find((g) => g.wave === wave && sameTerritory(g.territory, territory));

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
   * True for a territory nested with the new one that a family holds (the outer one, or one
   * subtracted from it): the family's bounds, tighter, hold those the two set on each other.
   */
  inFamily?: boolean;
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
  // Every territory inside, not only those the responses name: an EPCI counts its communes' responses, and its document is nested with its département's.
  const within = new Map([...inner, ...directory.inside(territory)].filter((t) => !sameTerritory(t, territory)).map((t) => [name(t), t]));
  const around = [...[...within.values()].map((t) => [t, false] as const), ...directory.containers(territory).map((t) => [t, true] as const)];
  // One read says which have published: a region holds a thousand communes, few of them published.
  const published = new Set((await store.publications.publishedTerritories(around.map(([t]) => t))).map(name));
  for (const [other, outside] of around) {
    if (!published.has(name(other))) continue;
    const views = await publishedViews(store, other);
    if (views.length) pairs.push({ territory: other, outside, views });
  }
  // The territories inside those holding it that have published, and their views: one read says which, then one read each, shared.
  const holders = pairs.filter((p) => p.outside);
  const aroundPublished = new Set((await store.publications.publishedTerritories(holders.flatMap((a) => directory.inside(a.territory)))).map(name));
  const read = new Map<string, Promise<View[]>>();
  const reader = (t: TerritoryRef) => { if (!read.has(name(t))) read.set(name(t), publishedViews(store, t)); return read.get(name(t))!; };
  const together = await families(directory, territory, within, pairs, aroundPublished, reader);
  // A pair inside the new territory, or holding it, whose family reads the bounds (tighter: at most a holder less the most beside).
  const held = new Set(together.map((f) => (f.family!.holder ? name(f.territory) : '')));
  for (const p of pairs) if (p.outside ? held.has(name(p.territory)) : held.has('')) p.inFamily = true;
  out.push(...pairs, ...together);
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

/**
 * Documents read together (`Family`): with `territory` as the outer one, the published
 * territories inside it, when two or more (one is a pair); for each published territory holding
 * it, those inside the holder disjoint from `territory`, when any.
 * @param within the territories inside `territory`, custom ones the geography may not list included.
 */
async function families(directory: TerritoryDirectory, territory: TerritoryRef, within: ReadonlyMap<string, TerritoryRef>, pairs: readonly NestedPublication[], published: ReadonlySet<string>, reader: (t: TerritoryRef) => Promise<View[]>): Promise<NestedPublication[]> {
  const entry = (outer: TerritoryRef, holder: View[] | undefined, list: { territory: TerritoryRef; views: View[] }[]): NestedPublication => {
    const members: Member[] = list.map((m) => ({ territory: m.territory, inside: new Set([name(m.territory), ...directory.inside(m.territory).map(name)]) }));
    const top = familyTree(members);
    const family: Family = { outer, ...(holder ? { holder } : {}), members, views: list.map((m) => m.views), top, memo: new Map(), places: placesOf(top), most: new Map() };
    return { territory: outer, outside: holder !== undefined, views: holder ?? [], family };
  };
  const out: NestedPublication[] = [];
  const inside = pairs.filter((p) => !p.outside);
  if (inside.length >= 2) out.push(entry(territory, undefined, inside));
  const mine = new Set([name(territory), ...within.keys()]);
  for (const a of pairs.filter((p) => p.outside)) {
    const list: { territory: TerritoryRef; views: View[] }[] = [];
    for (const c of directory.inside(a.territory)) {
      if (!published.has(name(c)) || sameTerritory(c, a.territory) || directory.inside(c).some((t) => mine.has(name(t)))) continue;
      const views = await reader(c);
      if (views.length) list.push({ territory: c, views });
    }
    if (list.length) out.push(entry(a.territory, a.views, list));
  }
  return out;
}

/**
 * Published territories a reader subtracts together from one outer territory: any disjoint ones
 * inside it (`families.ts`: their tree, and the sums each figure reaches), the new document among
 * them when the outer one is a holder; the bounds they set on each other's hidden counts (`familyPinned`).
 */
export interface Family {
  /** The territory whose rest is read. */
  outer: TerritoryRef;
  /** The outer territory's views when it holds the new one; absent when it is the new one. */
  holder?: View[];
  /** The published territories that may be subtracted (never the new one, nor any that overlaps it). */
  members: Member[];
  /** Their views, in the order of `members`. */
  views: View[][];
  /** Their tree by containment (`familyTree`). */
  top: FamilyNode[][];
  /** The sums made so far, by wave and figure, with the cap they were made under: the passes of hiding ask again. */
  memo: Map<string, { cap: number; sums: Sums }>;
  /** Where each member sits in the tree (`placesOf`), for the bounds read up from it. */
  places: Map<number, Place>;
  /** The most the members give of each count, by wave and count (`mostOf`): the passes of hiding ask again. */
  most: Map<string, Most>;
}

/** One figure of a view, as the sums read it: its key, its limit, its value in any view, and what it is. */
interface Figure { key: string; limit: number; value: (v: View) => number | null; line?: LineRef; counted?: Omit<Counted, 'count'> }

const lineRef = (l: LineRef): LineRef => ({ question: l.question, ...(l.row === undefined ? {} : { row: l.row }) });

/** The figures a view shows: its responses, each line's base, each count (the sums read the same figure in the others). */
function figuresOf(view: View, rules: DisclosureRules): Figure[] {
  const out: Figure[] = [];
  if (view.responses !== null) out.push({ key: 'responses', limit: rules.minBase, value: (v) => v.responses });
  for (const [line, b] of view.bases) out.push({ key: `base|${line}`, limit: rules.minBase, value: (v) => v.bases.get(line)?.base ?? null, line: lineRef(b) });
  for (const [key, c] of view.counts) out.push({ key: `count|${key}`, limit: rules.minCell, value: (v) => countIn(v, c), counted: c });
  return out;
}

/** The values of a figure in each member's views of a wave (one per document that shows it). */
const memberValues = (family: Family, wave: string, figure: Figure) => (i: number) =>
  [...new Set(family.views[i]!.flatMap((v) => { const n = v.wave === wave ? figure.value(v) : null; return n === null ? [] : [n]; }))];

function sumsOf(family: Family, wave: string, figure: Figure, cap: number): Sums {
  const key = `${wave}|${figure.key}`;
  const known = family.memo.get(key);
  if (known && known.cap >= cap) return known.sums;
  const sums = familySums(family.top, family.members, memberValues(family, wave, figure), cap);
  family.memo.set(key, { cap, sums });
  return sums;
}

/** A rest under its limit: the figure, its wave, the rest and the sum of the territories subtracted; the views read (mine, the holder's). */
interface FamilyRest { wave: string; figure: Figure; rest: number; sum: number; view: View; holder: View | null }

/**
 * The rests of the outer territory under their limits that `mine` leaves with some disjoint
 * published territories: outer less the sum of some of them (mine the outer), or holder less
 * mine less it. The smallest rest of each figure of each view.
 */
function familyRests(mine: readonly View[], family: Family, rules: DisclosureRules): FamilyRest[] {
  const out: FamilyRest[] = [];
  for (const m of mine) {
    const outers = family.holder ? family.holder.filter((h) => h.wave === m.wave) : [null];
    for (const figure of figuresOf(m, rules)) {
      const own = figure.value(m)!;
      for (const h of outers) {
        const total = h ? figure.value(h) : own;
        if (total === null) continue;
        const d = h ? total - own : own;
        // Mine as the outer one: at least one territory subtracted (mine alone is no rest).
        const [lo, hi] = [Math.max(h ? 0 : 1, d - figure.limit + 1), d - 1];
        if (hi < lo) continue;
        const sums = sumsOf(family, m.wave, figure, hi);
        let s = hi;
        while (s >= lo && !hasSum(sums, s)) s--;
        if (s >= lo) { out.push({ wave: m.wave, figure, rest: d - s, sum: s, view: m, holder: h }); break; }
      }
    }
  }
  return out;
}

/**
 * `fewBehind` beside a family: where the responses of the rest are unknown (a previous-wave
 * column), the lines both show, when the territories subtracted (`members`, their indexes) leave
 * some line a rest and none one of `minBase` or more: every such line, unchanged ones too.
 */
function familyFewBehind(view: View, holder: View | null, family: Family, members: readonly number[], rules: DisclosureRules): LineRef[] {
  const valueOf = (i: number, figure: (v: View) => number | null) => {
    for (const v of family.views[i]!) if (v.wave === view.wave && figure(v) !== null) return figure(v);
    return null;
  };
  if (view.responses !== null && (!holder || holder.responses !== null) && members.every((i) => valueOf(i, (v) => v.responses) !== null)) return [];
  const common: LineRef[] = [];
  let widest = 0;
  for (const [line, b] of view.bases) {
    const total = holder ? holder.bases.get(line)?.base : b.base;
    const parts = members.map((i) => valueOf(i, (v) => v.bases.get(line)?.base ?? null));
    if (total === undefined || parts.some((p) => p === null)) continue;
    common.push(lineRef(b));
    widest = Math.max(widest, (holder ? total - b.base : total) - parts.reduce<number>((a, p) => a + p!, 0));
  }
  return small(widest, rules.minBase) ? common : [];
}

/** A count of one code of a line, as the bounds read it in each document. */
const cellCount = (line: LineRef, code: string): Omit<Counted, 'count'> => ({ question: line.question, ...(line.row === undefined ? {} : { row: line.row }), codes: [code] });

/**
 * A figure the bounds add up over disjoint territories: a code's count, or the line's base less
 * it (those who answered and did not give the code), which bounds the count the other way (a
 * territory's « × » is at least its base less what its holder's others less the others' leave).
 */
interface BoundFigure { key: string; value: (v: View) => number | null }

function boundFigures(line: LineRef, code: string): [BoundFigure, BoundFigure] {
  const c = cellCount(line, code);
  const l = lineOf(line.question, line.row);
  return [
    { key: `count|${countKey(c)}`, value: (v) => countIn(v, c) },
    { key: `not|${countKey(c)}`, value: (v) => { const n = countIn(v, c); const b = v.bases.get(l)?.base; return n === null || b === undefined ? null : b - n; } },
  ];
}

/** The values of a figure that views show in a wave (one per document that shows it). */
const shownIn = (views: readonly View[], wave: string, f: BoundFigure): number[] =>
  views.flatMap((v) => { const n = v.wave === wave ? f.value(v) : null; return n === null ? [] : [n]; });

/**
 * The most a reader subtracts of one count in a wave beside each member of a family: its own
 * count (the largest its documents show) or the most its disjoint parts give, 0 when none shows
 * it. A maximum, not every sum: a bound is tightest with the most taken beside it.
 */
export interface Most {
  /** By member: the most it gives. */
  best: number[];
  /** By member: the most its parts give together. */
  parts: number[];
  /** The most the top groups give together (the new document aside). */
  top: number;
  /** By group: the most one of its independent sets gives. */
  group: Map<readonly FamilyNode[], number>;
}

/** The most an independent set of a group gives, none of it overlapping `except` (the territory bounded, or one holding it). */
function setsMost(family: Family, best: readonly number[], group: readonly FamilyNode[], except: FamilyNode | null): { most: number; set: readonly FamilyNode[] } {
  let out = { most: 0, set: [] as readonly FamilyNode[] };
  for (const set of independentSets(group, family.members)) {
    if (except && set.some((n) => overlap(family.members[n.index]!.inside, family.members[except.index]!.inside))) continue;
    const most = set.reduce((a, n) => a + best[n.index]!, 0);
    if (most > out.most) out = { most, set };
  }
  return out;
}

/** `Most` of one count in a wave: one walk of the tree, O(P) (overlapping groups: their independent sets), kept for the passes of hiding. */
function mostOf(family: Family, wave: string, c: BoundFigure): Most {
  const key = `${wave}|${c.key}`;
  const known = family.most.get(key);
  if (known) return known;
  const n = family.members.length;
  const most: Most = { best: new Array<number>(n).fill(0), parts: new Array<number>(n).fill(0), top: 0, group: new Map() };
  const groups = (list: readonly (readonly FamilyNode[])[]): number => list.reduce((a, g) => a + groupMost(g), 0);
  const groupMost = (g: readonly FamilyNode[]): number => {
    for (const node of g) {
      most.parts[node.index] = groups(node.parts);
      most.best[node.index] = Math.max(most.parts[node.index]!, ...shownIn(family.views[node.index]!, wave, c));
    }
    const v = setsMost(family, most.best, g, null).most;
    most.group.set(g, v);
    return v;
  };
  most.top = groups(family.top);
  family.most.set(key, most);
  return most;
}

/** Whose hidden line the bounds read: the new document's, the holder's (the outer one), or a member's (its index). */
type Owner = 'mine' | 'holder' | number;

/** The members a reader takes beside a bounded territory in `groups` (those giving the most), through their parts where those give more. */
function takenIn(family: Family, most: Most, wave: string, c: BoundFigure, groups: readonly (readonly FamilyNode[])[], except: FamilyNode | null): number[] {
  return groups.flatMap((g) => setsMost(family, most.best, g, except).set.flatMap((n) => {
    if (most.best[n.index] === 0) return [];
    return Math.max(0, ...shownIn(family.views[n.index]!, wave, c)) === most.best[n.index] ? [n.index] : takenIn(family, most, wave, c, n.parts, null);
  }));
}

/**
 * What a family says of one hidden count of `owner`: at least the most its published parts give
 * (the outer one's: every top territory, the new one with them when the outer one holds it), at
 * most, for each published territory holding it that shows the count, that count less the most
 * the territories beside it inside that one give. `mine` null: as if the new document showed no
 * count (what was public before it). With `names`, the members read (for a refusal).
 */
function boundOf(family: Family, mine: readonly View[] | null, wave: string, owner: Owner, c: BoundFigure, names = false): { min: number; max: number; members: number[] } {
  const most = mostOf(family, wave, c);
  const mineShown = mine ? shownIn(mine, wave, c) : [];
  const mineMost = Math.max(0, ...mineShown);
  const least = (list: readonly number[]) => (list.length ? Math.min(...list) : null);
  const outer = family.holder ? least(shownIn(family.holder, wave, c)) : least(mineShown);
  const taken = (groups: readonly (readonly FamilyNode[])[], except: FamilyNode | null) => (names ? takenIn(family, most, wave, c, groups, except) : []);
  if (owner === 'holder' || (owner === 'mine' && !family.holder)) return { min: most.top + (family.holder ? mineMost : 0), max: Infinity, members: taken(family.top, null) };
  if (owner === 'mine') return { min: 0, max: outer === null ? Infinity : outer - most.top, members: taken(family.top, null) };
  let place = family.places.get(owner)!;
  const bound = { min: most.parts[owner]!, max: Infinity, members: taken(place.node.parts, null) };
  // Up from the owner: at each level, the groups beside its branch and what its own group gives without it.
  let beside = 0;
  let read: number[] = [];
  for (;;) {
    const { node, parent, group, groups } = place;
    const without = setsMost(family, most.best, group, node);
    beside += (parent ? most.parts[parent.index]! : most.top) - most.group.get(group)! + without.most;
    if (names) read = [...read, ...taken(groups.filter((g) => g !== group), null), ...without.set.flatMap((n) => taken([[n]], null))];
    const holder = parent ? least(shownIn(family.views[parent.index]!, wave, c)) : outer;
    const total = parent ? beside : beside + (family.holder ? mineMost : 0);
    if (holder !== null && holder - total < bound.max) {
      bound.max = holder - total;
      if (names) bound.members = [...taken(family.places.get(owner)!.node.parts, null), ...(parent ? [parent.index] : []), ...read];
    }
    if (!parent) break;
    place = family.places.get(parent.index)!;
  }
  return bound;
}

/**
 * The bounds of one hidden count of `owner` (its view `view`): those of its count (`boundOf`),
 * and its base less those of the count of the others who answered.
 */
function cellBound(family: Family, mine: readonly View[] | null, wave: string, owner: Owner, view: View, line: LineRef, code: string, names = false): { min: number; max: number; members: number[] } {
  const [count, not] = boundFigures(line, code).map((f) => boundOf(family, mine, wave, owner, f, names)) as [ReturnType<typeof boundOf>, ReturnType<typeof boundOf>];
  const base = view.bases.get(lineOf(line.question, line.row))?.base;
  if (base === undefined) return count;
  return { min: Math.max(count.min, base - not.max), max: Math.min(count.max, base - not.min), members: [...count.members, ...not.members] };
}

/** A hidden line of the family that its bounds fix to a single reading with the new document, and not without it. */
interface BoundPinned {
  wave: string;
  line: HiddenLine;
  /** The view of the line. */
  view: View;
  owner: Owner;
  /** The codes of its hidden counts the new document shows (for a line of another). */
  codes: string[];
}

/** True when bounds leave a line's hidden counts a single reading (`boundedCountPinned`); documents of different times that contradict each other fix nothing. */
function pinned(cells: readonly BoundedCount[], sum: number, rules: DisclosureRules): boolean {
  // A count is at most the line's hidden sum anyway: bounds past it say nothing.
  if (cells.some((c) => c.max < c.min) || cells.every((c) => c.min === 0 && c.max >= sum)) return false;
  return boundedCountPinned(cells, sum, rules);
}

/**
 * The hidden lines of a family (the new document's, the holder's, each member's) that the bounds
 * the family sets on them (`boundOf`) fix to a single reading: the new document's own, and those
 * of others that the new document's counts fix (the others fixed nothing before it). Cost: a
 * `mostOf` per count (O(P), kept) and, per hidden count, a walk up its branch.
 */
function familyPinned(mine: readonly View[], family: Family, rules: DisclosureRules): BoundPinned[] {
  const out: BoundPinned[] = [];
  for (const wave of new Set(mine.map((v) => v.wave))) {
    const at = (views: readonly View[]) => views.filter((v) => v.wave === wave);
    const owners: [Owner, View[]][] = [
      [family.holder ? 'holder' : 'mine', at(family.holder ?? mine)],
      ...family.views.map((views, i): [Owner, View[]] => [i, at(views)]),
      ...(family.holder ? [['mine', at(mine)] as [Owner, View[]]] : []),
    ];
    for (const [owner, views] of owners) for (const v of views) for (const line of v.hidden.values()) {
      // Another's line: only the counts the new document shows of its codes can fix it anew.
      const codes = owner === 'mine' ? [] : line.cells.filter((cell) => mine.some((m) => m.wave === wave && countIn(m, cellCount(line, cell.code)) !== null)).map((cell) => cell.code);
      if (owner !== 'mine' && !codes.length) continue;
      const cells = (withMine: boolean) => line.cells.map((cell): BoundedCount => { const { min, max } = cellBound(family, withMine ? mine : null, wave, owner, v, line, cell.code); return { mark: cell.mark, min, max }; });
      if (!pinned(cells(true), line.sum, rules)) continue;
      if (owner !== 'mine' && pinned(cells(false), line.sum, rules)) continue;
      out.push({ wave, line, view: v, owner, codes });
    }
  }
  return out;
}

/**
 * What `mine` hides beside a family: the counts whose rest is under `minCell`, the lines whose
 * base rest is under `minBase` (with the others both show where `familyFewBehind` says so), its
 * lines whose hidden counts the family's bounds fix, and its counts that fix another's (`familyPinned`).
 */
function familyHidden(mine: readonly View[], family: Family, rules: DisclosureRules): HiddenCounts[] {
  const byWave = new Map<string, HiddenCounts & { counts: CountRef[]; lines: LineRef[] }>();
  const tried = new Set<string>();
  for (const r of familyRests(mine, family, rules)) {
    if (!r.figure.line && !r.figure.counted) continue;
    const entry = byWave.get(r.wave) ?? { territory: { ...mine[0]!.territory }, wave: r.wave, counts: [], lines: [] };
    byWave.set(r.wave, entry);
    const c = r.figure.counted;
    if (c) { entry.counts.push({ question: c.question, ...(c.row === undefined ? {} : { row: c.row }), code: c.codes[0]! }); continue; }
    entry.lines.push(r.figure.line!);
    const members = familyFor(family.top, family.members, memberValues(family, r.wave, r.figure), r.sum) ?? [];
    const key = `${r.wave}|${r.holder === null ? '' : family.holder!.indexOf(r.holder)}|${[...members].sort().join(',')}`;
    if (tried.has(key)) continue;
    tried.add(key);
    entry.lines.push(...familyFewBehind(r.view, r.holder, family, members, rules));
  }
  for (const p of familyPinned(mine, family, rules)) {
    const entry = byWave.get(p.wave) ?? { territory: { ...mine[0]!.territory }, wave: p.wave, counts: [], lines: [] };
    byWave.set(p.wave, entry);
    if (p.owner === 'mine') entry.lines.push(lineRef(p.line));
    else entry.counts.push(...p.codes.map((code): CountRef => ({ ...lineRef(p.line), code })));
  }
  return [...byWave.values()].map(({ lines, ...h }) => (lines.length ? { ...h, lines } : h));
}

/** The refusal of the first rest under its limit beside a family, naming the publications it subtracts; null when none. */
function familyRefusal(territory: TerritoryRef, wave: string, mine: readonly View[], family: Family, rules: DisclosureRules): HttpError | null {
  const [r] = familyRests(mine, family, rules);
  if (!r) return familyBoundsRefusal(territory, wave, mine, family, rules);
  const { figure } = r;
  const c = figure.counted;
  const found = c ? text('nested.count', { question: c.question, code: `${c.row === undefined ? '' : `${c.row}.`}${c.codes.join(' + ')}`, count: r.rest, minCell: rules.minCell })
    : figure.line ? text('nested.base', { question: lineOf(figure.line.question, figure.line.row), count: r.rest, minBase: rules.minBase })
    : text('nested.responses', { count: r.rest, minBase: rules.minBase });
  const what = r.wave === wave ? found : text('nested.in-wave', { wave: r.wave, what: found });
  const subtracted = (familyFor(family.top, family.members, memberValues(family, r.wave, figure), r.sum) ?? []).map((i) => name(family.members[i]!.territory)).sort();
  return familyConflict(territory, wave, family, [...(family.holder ? [name(family.outer)] : []), ...subtracted], what);
}

/**
 * The refusal of the first hidden line the family's bounds fix with the new document
 * (`familyPinned`), naming the holder, the territory whose line it is, and the others read; null when none.
 */
function familyBoundsRefusal(territory: TerritoryRef, wave: string, mine: readonly View[], family: Family, rules: DisclosureRules): HttpError | null {
  const [p] = familyPinned(mine, family, rules);
  if (!p) return null;
  const read = new Set<number>();
  for (const cell of p.line.cells) for (const i of cellBound(family, mine, p.wave, p.owner, p.view, p.line, cell.code, true).members) read.add(i);
  if (typeof p.owner === 'number') read.delete(p.owner);
  if (!read.size && typeof p.owner !== 'number') family.members.forEach((_, i) => read.add(i));
  const others = [...(family.holder ? [name(family.outer)] : []), ...(typeof p.owner === 'number' ? [name(family.members[p.owner]!.territory)] : []), ...[...read].map((i) => name(family.members[i]!.territory)).sort()];
  const found = text(others.length > 2 ? 'nested.bounds-family' : 'nested.bounds', { question: lineOf(p.line.question, p.line.row) });
  return familyConflict(territory, wave, family, others, p.wave === wave ? found : text('nested.in-wave', { wave: p.wave, what: found }));
}

/** The 409 of a family: the publication, the others read with it (named in this order), the territory whose rest is read, what it gives away. */
function familyConflict(territory: TerritoryRef, wave: string, family: Family, others: readonly string[], what: Text): HttpError {
  const message = others.length === 1 ? text('conflict.nested-publication', { territory: name(territory), wave, other: others[0]!, outer: name(family.outer), what })
    : others.length === 2 ? text('conflict.nested-three', { territory: name(territory), wave, first: others[0]!, second: others[1]!, outer: name(family.outer), what })
    : text('conflict.nested-family', { territory: name(territory), wave, others: text('nested.and', { list: joinTexts(others.slice(0, -1), ', '), last: others[others.length - 1]! }), outer: name(family.outer), what });
  return new HttpError(409, 'conflict', message, {}, [{ pointer: '', code: 'results/nested-difference', message }]);
}

/** Passes of hiding: each may show a count its line hid before (its complements change). */
const HIDING_PASSES = 3;

/**
 * The document of `territory` with the counts hidden whose difference with a nested
 * publication's would be under `minCell`, and the lines withheld whose bases would differ by
 * under `minBase`, in its wave and in the previous wave it compares with: `analyse` makes it again with them hidden (the analysis' `hide`), until none is left or
 * after a few passes (what is left is then refused by `refuseNestedDifference`, never published).
 */
export async function hideBesideNested(doc: ResultsDocument, territory: TerritoryRef, wave: string, nested: readonly NestedPublication[], rules: DisclosureRules, analyse: (hide: HiddenCounts[]) => Promise<ResultsDocument>): Promise<ResultsDocument> {
  const hidden = new Map<string, HiddenCounts & { counts: CountRef[]; lines: LineRef[] }>();
  const asked = new Set<string>();
  for (let pass = 0; pass < HIDING_PASSES; pass++) {
    const group = groupOf(doc, territory, wave);
    const mine = group ? viewsOf(group) : [];
    let more = false;
    // A count hidden already is not shown: only new ones come back.
    for (const h of group ? nested.flatMap((n) => (n.family ? familyHidden(mine, n.family, rules) : nestedHiddenCounts(mine, n.views, n.outside, rules, n.earlier !== undefined, n.changed, !n.inFamily))) : []) {
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
  for (const { territory: other, outside, views: theirs, earlier, family, inFamily } of nested) {
    if (family) {
      const refused = familyRefusal(territory, wave, views, family, rules);
      if (refused) throw refused;
      continue;
    }
    const what = outside ? nestedDifference(theirs, views, rules, wave, false, !inFamily) : nestedDifference(views, theirs, rules, wave, earlier !== undefined, !inFamily);
    if (!what) continue;
    if (earlier !== undefined) {
      const message = text('conflict.earlier-snapshot', { territory: name(territory), wave, at: earlier, what, minBase: rules.minBase });
      throw new HttpError(409, 'conflict', message, {}, [{ pointer: '', code: 'results/earlier-snapshot-difference', message }]);
    }
    const message = text('conflict.nested-publication', { territory: name(territory), wave, other: name(other), outer: name(outside ? other : territory), what });
    throw new HttpError(409, 'conflict', message, {}, [{ pointer: '', code: 'results/nested-difference', message }]);
  }
}
