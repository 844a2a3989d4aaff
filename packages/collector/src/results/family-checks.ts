/**
 * Documents read together (`Family`): a territory less any disjoint published territories inside
 * it, at any level, the new document being the outer one or one of those subtracted beside a
 * published holder (see `nested.ts` for the rules). The sums a reader can subtract come from
 * `family-tree.ts` (a tree by containment, subset sums as bitsets); the bounds they set on each
 * other's hidden counts are read up the same tree.
 */
import { boundedCountPinned, type BoundedCount, type CountRef, type DisclosureRules, type HiddenCounts, type LineRef } from '@olva/analysis';
import { sameTerritory } from '@olva/schema';
import { HttpError } from '../http/errors.js';
import { joinTexts, text, type Text } from '../messages.js';
import type { TerritoryRef } from '../store/types.js';
import type { TerritoryDirectory } from '../territories.js';
import { familyFor, familySums, familyTree, hasSum, independentSets, overlap, placesOf, type FamilyNode, type Member, type Place, type Sums } from './family-tree.js';
import type { NestedPublication } from './nested.js';
import { countIn, countKey, lineOf, name, small, type Counted, type HiddenLine, type View } from './views.js';

/**
 * Documents read together (`Family`): with `territory` as the outer one, the published
 * territories inside it, when two or more (one is a pair); for each published territory holding
 * it, those inside the holder disjoint from `territory`, when any.
 * @param within the territories inside `territory`, custom ones the geography may not list included.
 */
export async function families(directory: TerritoryDirectory, territory: TerritoryRef, within: ReadonlyMap<string, TerritoryRef>, pairs: readonly NestedPublication[], published: ReadonlySet<string>, reader: (t: TerritoryRef) => Promise<View[]>): Promise<NestedPublication[]> {
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
 * inside it (`family-tree.ts`: their tree, and the sums each figure reaches), the new document among
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
export function familyHidden(mine: readonly View[], family: Family, rules: DisclosureRules): HiddenCounts[] {
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
export function familyRefusal(territory: TerritoryRef, wave: string, mine: readonly View[], family: Family, rules: DisclosureRules): HttpError | null {
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

