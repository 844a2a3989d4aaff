/**
 * The bounds every published territory around the new one sets on the others' hidden counts,
 * chained (`BoundsWeb`): the new territory, the published ones inside it, those holding it, and
 * those inside a holder disjoint from it, each under every one holding it right above. Each
 * count of each territory is an interval, narrowed until nothing changes: a territory gives at
 * least the least of its disjoint parts together; a part is at most its holder's most less the
 * least of the disjoint ones beside it; a line's count and those who answered without the code
 * add up to its base; a line's hidden counts add up to its hidden sum, « < 3 » is 1 or 2 and « × »
 * 0 or at least `minCell`. A « × » beside the count bounded thus counts as its least value, not
 * as 0, and every holder of the new territory bounds it and the others together (an EPCI's « × »
 * at least the new commune's and a neighbour's, at most its département's less the others').
 * Territories that overlap without one holding the other are alternatives, each whole (an EPCI
 * across two départements beside them in the région: one or the other, never the EPCI with the
 * communes of one département outside it), while a commune inside both is bounded by each.
 * Documents that contradict each other (of different times) leave some count no value: the line
 * counts as fixed, the safe side.
 *
 * Cost, for N territories, a line of K hidden codes and W sweeps to the fixed point: O(W · N · K)
 * (overlapping groups: their independent sets), W at most `SWEEPS`; the bounds without the new
 * document are kept for the passes of hiding.
 */
import { boundedCountPinned, type BoundedCount, type CountRef, type DisclosureRules, type HiddenCounts, type LineRef, type TerritoryRef } from '@olva/analysis';
import { sameTerritory } from '@olva/schema';
import type { HttpError } from '../http/errors.js';
import { text, type Text } from '../messages.js';
import type { TerritoryDirectory } from '../territories.js';
import { components, independentSets, insideHolder, overlap, type FamilyNode, type Member } from './family-tree.js';
import { countIn, lineOf, lineRef, name, type HiddenLine, type View } from './views.js';

/** The new territory and the published territories around it whose counts bound each other. */
export interface BoundsWeb {
  /** Every territory of the web, the new one at `mine`. */
  members: Member[];
  /** Their views, in the order of `members`; none for the new one (its document is given at each check). */
  views: View[][];
  /** The position of the new territory in `members`. */
  mine: number;
  /** Each territory's groups of parts right inside it, by index (`directParts`), and their independent sets where they overlap. */
  parts: { group: FamilyNode[]; sets: FamilyNode[][] }[][];
  /** The bounds without the new document, by wave and line: the passes of hiding ask again. */
  before: Map<string, Chained>;
}

/** At most this many sweeps: intervals only shrink, over integers; a contradiction could shrink them forever. */
const SWEEPS = 64;

/**
 * The web of `territory` (`BoundsWeb`), when two published territories or more lie around it
 * (one is a pair, which bounds itself); null otherwise.
 * @param within the territories inside `territory`, custom ones the geography may not list included.
 * @param pairs the published territories inside it (`outside` false) and holding it (true).
 * @param published the published territories inside those holding it, by `level:code`.
 */
export async function boundsWeb(directory: TerritoryDirectory, territory: TerritoryRef, within: ReadonlyMap<string, TerritoryRef>, pairs: readonly { territory: TerritoryRef; outside: boolean; views: View[] }[], published: ReadonlyMap<string, TerritoryRef>, reader: (t: TerritoryRef) => Promise<View[]>): Promise<BoundsWeb | null> {
  const mine = new Set([name(territory), ...within.keys()]);
  const list = new Map<string, { territory: TerritoryRef; views: View[] }>(pairs.map((p) => [name(p.territory), p]));
  for (const a of pairs.filter((p) => p.outside)) for (const c of insideHolder(directory, a.territory, published)) {
    if (list.has(name(c)) || !published.has(name(c)) || sameTerritory(c, a.territory) || directory.inside(c).some((t) => mine.has(name(t)))) continue;
    const views = await reader(c);
    if (views.length) list.set(name(c), { territory: c, views });
  }
  if (list.size < 2) return null;
  const all = [{ territory, views: [] as View[] }, ...list.values()];
  const holders = new Set(pairs.filter((p) => p.outside).map((p) => name(p.territory)));
  // A holder holds the new territory even where the geography does not list it inside (a custom territory).
  const members: Member[] = all.map((m, i) => ({ territory: m.territory, inside: i === 0 ? mine : new Set([name(m.territory), ...directory.inside(m.territory).map(name), ...(holders.has(name(m.territory)) ? mine : [])]) }));
  return { members, views: all.map((m) => m.views), mine: 0, parts: directParts(members), before: new Map() };
}

/**
 * Each member's published territories right inside it (none between), grouped where they
 * overlap (`components`), with their independent sets. Not a tree: a commune of an EPCI across
 * two départements is a part of its EPCI and of its département, each bounding it. O(N² + Σ H²),
 * H the members holding each.
 */
function directParts(members: readonly Member[]): BoundsWeb['parts'] {
  const holds = (i: number, j: number) => i !== j && members[i]!.inside.has(name(members[j]!.territory)) && !members[j]!.inside.has(name(members[i]!.territory));
  const nodes: FamilyNode[] = members.map((m, index) => ({ territory: m.territory, index, parts: [] }));
  const direct = members.map((): FamilyNode[] => []);
  members.forEach((_, j) => {
    const holders = members.map((__, i) => i).filter((i) => holds(i, j));
    for (const i of holders) if (!holders.some((k) => holds(i, k))) direct[i]!.push(nodes[j]!);
  });
  return direct.map((list) => components(list, members).map((group) => ({ group, sets: group.length > 1 ? independentSets(group, members) : [group] })));
}

/** The bounds of one line in one wave, by territory and hidden code: count and those who answered without it. */
interface Chained {
  codes: string[];
  /** By figure (0 the count, 1 the base less it), at `territory · codes.length + code`. */
  lo: [Float64Array, Float64Array];
  hi: [Float64Array, Float64Array];
  /** With the territories read (`names`): the members each bound comes from, as bits. */
  whyLo?: [bigint[], bigint[]];
  whyHi?: [bigint[], bigint[]];
  /** True when some count came out with no value left: documents of different times read together. */
  contradiction: boolean;
}

const bit = (i: number) => 1n << BigInt(i);

/**
 * The fixed point of the bounds of `line` in `wave` over the web (`Chained`), the new
 * territory showing `mine` (null: as before it, nothing shown). A territory showing a count
 * in several documents gives the most of them and holds the least (the tightest reading).
 */
function chain(web: BoundsWeb, mine: readonly View[] | null, wave: string, ref: LineRef, rules: DisclosureRules, names = false): Chained {
  const line = lineOf(ref.question, ref.row);
  const viewsOf = (i: number) => (i === web.mine ? mine ?? [] : web.views[i]!).filter((v) => v.wave === wave);
  const codes = [...new Set(web.members.flatMap((_, i) => viewsOf(i).flatMap((v) => v.hidden.get(line)?.cells.map((c) => c.code) ?? [])))];
  const [n, k] = [web.members.length, codes.length];
  const out: Chained = { codes, lo: [new Float64Array(n * k), new Float64Array(n * k)], hi: [new Float64Array(n * k).fill(Infinity), new Float64Array(n * k).fill(Infinity)], contradiction: false };
  if (names) { out.whyLo = [new Array<bigint>(n * k).fill(0n), new Array<bigint>(n * k).fill(0n)]; out.whyHi = [new Array<bigint>(n * k).fill(0n), new Array<bigint>(n * k).fill(0n)]; }
  const fixed = [new Uint8Array(n * k), new Uint8Array(n * k)];
  const { lo, hi, whyLo, whyHi } = out;
  // Shown counts: the most given, the least held, never narrowed (another document's contradiction is not theirs to carry).
  for (let i = 0; i < n; i++) for (const v of viewsOf(i)) {
    const base = v.bases.get(line)?.base;
    codes.forEach((code, c) => {
      const shown = countIn(v, { ...lineRef(ref), codes: [code] });
      if (shown === null) return;
      for (const [f, value] of [[0, shown], [1, base === undefined ? null : base - shown]] as const) {
        if (value === null) continue;
        const at = i * k + c;
        lo[f][at] = fixed[f]![at] ? Math.max(lo[f][at]!, value) : value;
        hi[f][at] = fixed[f]![at] ? Math.min(hi[f][at]!, value) : value;
        fixed[f]![at] = 1;
        if (whyLo) { whyLo[f][at] = bit(i); whyHi![f][at] = bit(i); }
      }
    });
  }
  let changed = true;
  const up = (f: 0 | 1, at: number, value: number, why: () => bigint) => {
    if (fixed[f]![at] || !(value > lo[f][at]!)) return;
    lo[f][at] = value;
    if (whyLo) whyLo[f][at] = why();
    changed = true;
  };
  const down = (f: 0 | 1, at: number, value: number, why: () => bigint) => {
    if (fixed[f]![at] || !(value < hi[f][at]!)) return;
    hi[f][at] = value;
    if (whyHi) whyHi[f][at] = why();
    changed = true;
  };
  const whyOf = (list: readonly FamilyNode[], f: 0 | 1, c: number) => list.reduce((a, m) => a | whyLo![f][m.index * k + c]!, 0n);
  // The least an independent set of a group gives together, none of it overlapping `except`.
  const best = (g: { group: FamilyNode[]; sets: FamilyNode[][] }, f: 0 | 1, c: number, except: FamilyNode | null) => {
    let most = { value: 0, set: [] as FamilyNode[] };
    for (const set of g.sets) {
      if (except && set.some((m) => m === except || overlap(web.members[m.index]!.inside, web.members[except.index]!.inside))) continue;
      const value = set.reduce((a, m) => a + lo[f][m.index * k + c]!, 0);
      if (value > most.value) most = { value, set };
    }
    return most;
  };
  for (let sweep = 0; changed && sweep < SWEEPS; sweep++) {
    changed = false;
    for (let i = 0; i < n; i++) for (let c = 0; c < k; c++) for (const f of [0, 1] as const) {
      const groups = web.parts[i]!;
      if (!groups.length) continue;
      // Up: at least its disjoint parts together. Down: each part at most the holder less those beside it.
      const taken = groups.map((g) => best(g, f, c, null));
      const total = taken.reduce((a, t) => a + t.value, 0);
      up(f, i * k + c, total, () => taken.reduce((a, t) => a | whyOf(t.set, f, c), 0n));
      const most = hi[f][i * k + c]!;
      if (most === Infinity) continue;
      groups.forEach((g, gi) => {
        for (const p of g.group) {
          const mineToo = best(g, f, c, p);
          down(f, p.index * k + c, most - (total - taken[gi]!.value + mineToo.value), () => whyHi![f][i * k + c]! | taken.reduce((a, t, ti) => (ti === gi ? a : a | whyOf(t.set, f, c)), 0n) | whyOf(mineToo.set, f, c));
        }
      });
    }
    for (let i = 0; i < n; i++) for (const v of viewsOf(i)) {
      const base = v.bases.get(line)?.base;
      const at = (c: number) => i * k + c;
      // The count and those who answered without the code add up to the base.
      if (base !== undefined) for (let c = 0; c < k; c++) for (const f of [0, 1] as const) {
        const g = (1 - f) as 0 | 1;
        up(f, at(c), base - hi[g][at(c)]!, () => bit(i) | whyHi![g][at(c)]!);
        down(f, at(c), base - lo[g][at(c)]!, () => bit(i) | whyLo![g][at(c)]!);
      }
      const hidden = v.hidden.get(line);
      if (!hidden) continue;
      const cells = hidden.cells.map((cell) => ({ mark: cell.mark, c: codes.indexOf(cell.code) }));
      // The hidden counts add up to the line's hidden sum; each mark says what its count can be.
      const [least, most] = [cells.reduce((a, x) => a + lo[0][at(x.c)]!, 0), cells.reduce((a, x) => a + hi[0][at(x.c)]!, 0)];
      for (const x of cells) {
        const others = cells.filter((y) => y !== x);
        down(0, at(x.c), hidden.sum - (least - lo[0][at(x.c)]!), () => others.reduce((a, y) => a | whyLo![0][at(y.c)]!, bit(i)));
        if (most !== Infinity) up(0, at(x.c), hidden.sum - (most - hi[0][at(x.c)]!), () => others.reduce((a, y) => a | whyHi![0][at(y.c)]!, bit(i)));
        if (x.mark === 'small') { up(0, at(x.c), 1, () => bit(i)); down(0, at(x.c), rules.minCell - 1, () => bit(i)); }
        if (x.mark === 'complementary' && lo[0][at(x.c)]! >= 1) up(0, at(x.c), rules.minCell, () => bit(i) | whyLo![0][at(x.c)]!);
        if (x.mark === 'complementary' && hi[0][at(x.c)]! < rules.minCell) down(0, at(x.c), 0, () => bit(i) | whyHi![0][at(x.c)]!);
      }
    }
  }
  for (const f of [0, 1] as const) for (let at = 0; at < n * k; at++) if (!fixed[f]![at] && lo[f][at]! > hi[f][at]!) out.contradiction = true;
  return out;
}

/** The bounds of a hidden line's counts in a chained line (`chain`). */
function cellsOf(chained: Chained, owner: number, line: HiddenLine): BoundedCount[] {
  const k = chained.codes.length;
  return line.cells.map((cell) => { const at = owner * k + chained.codes.indexOf(cell.code); return { mark: cell.mark, min: chained.lo[0][at]!, max: chained.hi[0][at]! }; });
}

/**
 * True when the bounds leave a line's hidden counts a single reading (`boundedCountPinned`), or
 * none: documents read together that contradict each other count as fixing it (the safe side).
 */
function pinned(chained: Chained, owner: number, line: HiddenLine, rules: DisclosureRules): boolean {
  if (chained.contradiction) return true;
  const cells = cellsOf(chained, owner, line);
  // Nothing from outside, or a line its own marks and sum fix (a previous-wave column's one code missing): not the documents' doing.
  if (cells.every((c) => c.min <= (c.mark === 'small' ? 1 : 0) && c.max >= (c.mark === 'small' ? rules.minCell - 1 : line.sum))) return false;
  if (boundedCountPinned(line.cells.map((c) => ({ mark: c.mark, min: 0, max: Infinity })), line.sum, rules)) return false;
  return boundedCountPinned(cells, line.sum, rules);
}

/** A hidden line of the web that the chained bounds fix with the new document and not without it (its own: with it). */
interface WebPinned { wave: string; line: HiddenLine; owner: number; codes: string[] }

/**
 * The hidden lines the chained bounds fix: the new document's own, and those of others that its
 * figures fix when nothing published before did. Each with the new document's counts of its
 * hidden codes (none: the new document's line is withheld instead).
 */
function webPinned(mine: readonly View[], web: BoundsWeb, rules: DisclosureRules): WebPinned[] {
  const out: WebPinned[] = [];
  for (const wave of new Set(mine.map((v) => v.wave))) {
    const at = (i: number) => (i === web.mine ? mine : web.views[i]!).filter((v) => v.wave === wave);
    const shown = new Set(at(web.mine).flatMap((v) => [...v.bases.keys()]));
    const lines = new Map<string, [number, HiddenLine][]>();
    web.members.forEach((_, i) => { for (const v of at(i)) for (const [key, line] of v.hidden) if (shown.has(key)) lines.set(key, [...(lines.get(key) ?? []), [i, line]]); });
    for (const [key, owners] of lines) {
      const now = chain(web, mine, wave, owners[0]![1], rules);
      const beforeKey = `${wave}|${key}`;
      const before = () => { if (!web.before.has(beforeKey)) web.before.set(beforeKey, chain(web, null, wave, owners[0]![1], rules)); return web.before.get(beforeKey)!; };
      for (const [owner, line] of owners) {
        if (!pinned(now, owner, line, rules) || (owner !== web.mine && pinned(before(), owner, line, rules))) continue;
        const codes = owner === web.mine ? [] : line.cells.filter((cell) => at(web.mine).some((m) => countIn(m, { ...lineRef(line), codes: [cell.code] }) !== null)).map((cell) => cell.code);
        out.push({ wave, line, owner, codes });
      }
    }
  }
  return out;
}

/**
 * What `mine` hides beside the web (`webPinned`): its lines the chained bounds fix, withheld;
 * its counts that fix another's line, hidden, or its line withheld where it fixes it through its
 * hidden ones (their sum, its base).
 */
export function webHidden(mine: readonly View[], web: BoundsWeb, rules: DisclosureRules): HiddenCounts[] {
  const byWave = new Map<string, HiddenCounts & { counts: CountRef[]; lines: LineRef[] }>();
  for (const p of webPinned(mine, web, rules)) {
    const entry = byWave.get(p.wave) ?? { territory: { ...mine[0]!.territory }, wave: p.wave, counts: [], lines: [] };
    byWave.set(p.wave, entry);
    if (!p.codes.length) entry.lines.push(lineRef(p.line));
    else entry.counts.push(...p.codes.map((code): CountRef => ({ ...lineRef(p.line), code })));
  }
  return [...byWave.values()].map(({ lines, ...h }) => (lines.length ? { ...h, lines } : h));
}

/**
 * The refusal of the first hidden line the chained bounds fix with the new document, naming the
 * territory whose line it is and those its bounds read (the largest holding both first, whose
 * rest is read); null when none.
 * @param conflict the 409 of documents read together: the others named, the territory whose rest is read, what it gives away.
 */
export function webRefusal(wave: string, mine: readonly View[], web: BoundsWeb, rules: DisclosureRules, conflict: (others: readonly string[], outer: TerritoryRef, what: Text) => HttpError): HttpError | null {
  const [p] = webPinned(mine, web, rules);
  if (!p) return null;
  const chained = chain(web, mine, p.wave, p.line, rules, true);
  const k = chained.codes.length;
  let why = 0n;
  for (const cell of p.line.cells) { const at = p.owner * k + chained.codes.indexOf(cell.code); why |= chained.whyLo![0][at]! | chained.whyHi![0][at]!; }
  const read = web.members.map((_, i) => i).filter((i) => i !== web.mine && i !== p.owner && (why & bit(i)) !== 0n);
  if (!read.length && p.owner === web.mine) web.members.forEach((_, i) => { if (i !== web.mine) read.push(i); });
  const holds = (i: number, j: number) => web.members[i]!.inside.has(name(web.members[j]!.territory));
  const outer = [web.mine, p.owner, ...read].filter((i) => holds(i, web.mine) && holds(i, p.owner)).sort((a, b) => web.members[b]!.inside.size - web.members[a]!.inside.size)[0] ?? web.mine;
  const named = (i: number) => name(web.members[i]!.territory);
  const others = [...new Set([...(outer === web.mine ? [] : [outer]), ...(p.owner === web.mine ? [] : [p.owner])])];
  const list = [...others.map(named), ...read.filter((i) => !others.includes(i)).map(named).sort()];
  const found = text(list.length > 2 ? 'nested.bounds-family' : 'nested.bounds', { question: lineOf(p.line.question, p.line.row) });
  return conflict(list, web.members[outer]!.territory, p.wave === wave ? found : text('nested.in-wave', { wave: p.wave, what: found }));
}
