/**
 * Documents read together (`Family`): a territory less any disjoint published territories inside
 * it, at any level, the new document being the outer one or one of those subtracted beside a
 * published holder (see `nested.ts` for the rules). The sums a reader can subtract come from
 * `family-tree.ts` (a tree by containment, subset sums as bitsets); the bounds published
 * territories set on each other's hidden counts, chained, are `family-bounds.ts`'.
 */
import type { CountRef, DisclosureRules, HiddenCounts, LineRef, TerritoryRef } from '@olva/analysis';
import { sameTerritory } from '@olva/schema';
import { HttpError } from '../http/errors.js';
import { joinTexts, text, type Text } from '../messages.js';
import type { TerritoryDirectory } from '../territories.js';
import { familyFor, familySums, familyTree, hasSum, insideHolder, type FamilyNode, type Member, type Sums } from './family-tree.js';
import type { NestedPublication } from './nested.js';
import { countIn, lineOf, lineRef, name, small, type Counted, type View } from './views.js';

/**
 * Documents read together (`Family`): with `territory` as the outer one, the published
 * territories inside it, when two or more (one is a pair); for each published territory holding
 * it, those inside the holder disjoint from `territory`, when any.
 * @param within the territories inside `territory`, custom ones the geography may not list included.
 */
export async function families(directory: TerritoryDirectory, territory: TerritoryRef, within: ReadonlyMap<string, TerritoryRef>, pairs: readonly NestedPublication[], published: ReadonlyMap<string, TerritoryRef>, reader: (t: TerritoryRef) => Promise<View[]>): Promise<NestedPublication[]> {
  const entry = (outer: TerritoryRef, holder: View[] | undefined, list: { territory: TerritoryRef; views: View[] }[]): NestedPublication => {
    const members: Member[] = list.map((m) => ({ territory: m.territory, inside: new Set([name(m.territory), ...directory.inside(m.territory).map(name)]) }));
    const top = familyTree(members);
    const family: Family = { outer, ...(holder ? { holder } : {}), members, views: list.map((m) => m.views), top, memo: new Map() };
    return { territory: outer, outside: holder !== undefined, views: holder ?? [], family };
  };
  const out: NestedPublication[] = [];
  const inside = pairs.filter((p) => !p.outside);
  if (inside.length >= 2) out.push(entry(territory, undefined, inside));
  const mine = new Set([name(territory), ...within.keys()]);
  for (const a of pairs.filter((p) => p.outside)) {
    const list: { territory: TerritoryRef; views: View[] }[] = [];
    for (const c of insideHolder(directory, a.territory, published)) {
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
 * them when the outer one is a holder.
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
}

/** One figure of a view, as the sums read it: its key, its limit, its value in any view, and what it is. */
interface Figure { key: string; limit: number; value: (v: View) => number | null; line?: LineRef; counted?: Omit<Counted, 'count'> }


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

/**
 * What `mine` hides beside a family: the counts whose rest is under `minCell`, the lines whose
 * base rest is under `minBase` (with the others both show where `familyFewBehind` says so).
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
  return [...byWave.values()].map(({ lines, ...h }) => (lines.length ? { ...h, lines } : h));
}

/** The refusal of the first rest under its limit beside a family, naming the publications it subtracts; null when none. */
export function familyRefusal(territory: TerritoryRef, wave: string, mine: readonly View[], family: Family, rules: DisclosureRules): HttpError | null {
  const [r] = familyRests(mine, family, rules);
  if (!r) return null;
  const { figure } = r;
  const c = figure.counted;
  const found = c ? text('nested.count', { question: c.question, code: `${c.row === undefined ? '' : `${c.row}.`}${c.codes.join(' + ')}`, count: r.rest, minCell: rules.minCell })
    : figure.line ? text('nested.base', { question: lineOf(figure.line.question, figure.line.row), count: r.rest, minBase: rules.minBase })
    : text('nested.responses', { count: r.rest, minBase: rules.minBase });
  const what = r.wave === wave ? found : text('nested.in-wave', { wave: r.wave, what: found });
  const subtracted = (familyFor(family.top, family.members, memberValues(family, r.wave, figure), r.sum) ?? []).map((i) => name(family.members[i]!.territory)).sort();
  return familyConflict(territory, wave, [...(family.holder ? [name(family.outer)] : []), ...subtracted], family.outer, what);
}

/** The 409 of documents read together: the publication, the others read with it (named in this order), the territory whose rest is read, what it gives away. */
export function familyConflict(territory: TerritoryRef, wave: string, others: readonly string[], outer: TerritoryRef, what: Text): HttpError {
  const message = others.length === 1 ? text('conflict.nested-publication', { territory: name(territory), wave, other: others[0]!, outer: name(outer), what })
    : others.length === 2 ? text('conflict.nested-three', { territory: name(territory), wave, first: others[0]!, second: others[1]!, outer: name(outer), what })
    : text('conflict.nested-family', { territory: name(territory), wave, others: text('nested.and', { list: joinTexts(others.slice(0, -1), ', '), last: others[others.length - 1]! }), outer: name(outer), what });
  return new HttpError(409, 'conflict', message, {}, [{ pointer: '', code: 'results/nested-difference', message }]);
}

