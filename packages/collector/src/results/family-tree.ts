/**
 * The sums a reader can make of the figures of disjoint published territories: a tree of them by
 * containment (each under the smallest one holding it), where a territory gives either its own
 * figure or any sum its disjoint parts give (a subset sum per figure, bounded by a cap: the figure
 * of the territory whose rest is read). Territories that overlap without one holding the other (an
 * EPCI across two départements, custom territories) are alternatives: one or the other, whole,
 * never one with the parts of the other that lie outside it (not followed).
 *
 * Cost, for P published territories and a cap C: building the tree O(P² · I) (I: the territories
 * each one holds, a set look-up each); the sums of one figure O(P · min(S, K) · C / 32), bitsets
 * of C + 1 bits where S are the sums reached so far and K those of a part (2 for a territory with
 * nothing published inside): each of the fewer shifts the other.
 */
import { territoryKey } from '@olva/schema';
import { isNetworkTerritory, type TerritoryRef } from '@olva/analysis';
import type { TerritoryDirectory } from '../territories.js';

/** A published territory in the tree, with those right inside it (grouped where they overlap). */
export interface FamilyNode {
  territory: TerritoryRef;
  /** The position of the territory in the list the tree was built from. */
  index: number;
  /** The published territories right inside it: each group one territory, or several that overlap. */
  parts: FamilyNode[][];
}

/**
 * The territories inside a published holder that may be read beside it: the geography's, or, for
 * the network, which holds every territory, those `published` (a walk of the whole geography
 * found the same few).
 */
export function insideHolder(directory: TerritoryDirectory, holder: TerritoryRef, published: ReadonlyMap<string, TerritoryRef>): Iterable<TerritoryRef> {
  return isNetworkTerritory(holder) ? published.values() : directory.inside(holder);
}

/** A territory and every territory inside it, itself included, by `level:code`. */
export interface Member { territory: TerritoryRef; inside: ReadonlySet<string> }

const name = territoryKey;

/** True when two territories (their `inside` sets) share a territory. */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const k of small) if (large.has(k)) return true;
  return false;
}

/** Groups a list of territories into those that overlap, transitively (each group a component). */
export function components(nodes: FamilyNode[], members: readonly Member[]): FamilyNode[][] {
  const root = nodes.map((_, i) => i);
  const find = (i: number): number => (root[i] === i ? i : (root[i] = find(root[i]!)));
  for (let i = 0; i < nodes.length; i++) for (let j = i + 1; j < nodes.length; j++) {
    if (overlap(members[nodes[i]!.index]!.inside, members[nodes[j]!.index]!.inside)) root[find(i)] = find(j);
  }
  const groups = new Map<number, FamilyNode[]>();
  nodes.forEach((n, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), n]));
  return [...groups.values()];
}

/**
 * The tree of `members` by containment: each under the smallest member holding it (`inside` has
 * its name), the others at the top. Returns the top groups.
 */
export function familyTree(members: readonly Member[]): FamilyNode[][] {
  const nodes: FamilyNode[] = members.map((m, index) => ({ territory: m.territory, index, parts: [] }));
  const children = new Map<number, FamilyNode[]>();
  const top: FamilyNode[] = [];
  for (const [i, m] of members.entries()) {
    let parent = -1;
    for (const [j, o] of members.entries()) {
      if (j !== i && o.inside.has(name(m.territory)) && !m.inside.has(name(o.territory)) && (parent < 0 || o.inside.size < members[parent]!.inside.size)) parent = j;
    }
    if (parent < 0) top.push(nodes[i]!);
    else children.set(parent, [...(children.get(parent) ?? []), nodes[i]!]);
  }
  for (const [parent, list] of children) nodes[parent]!.parts = components(list, members);
  return components(top, members);
}

/** The figure of a member in the sums: its values (one per document showing it), none when it shows none. */
export type Values = (index: number) => readonly number[];

/** Sums up to a cap, as bits: bit `s` set when `s` is reachable. */
export type Sums = Uint32Array;

const empty = (cap: number): Sums => new Uint32Array((cap >>> 5) + 1);
/** True when `s` is among the sums. */
export const hasSum = (a: Sums, s: number) => s >= 0 && s >>> 5 < a.length && (a[s >>> 5]! & (1 << (s & 31))) !== 0;
const put = (a: Sums, s: number) => { a[s >>> 5]! |= 1 << (s & 31); };

/** The sums, smallest first. */
function elements(a: Sums): number[] {
  const out: number[] = [];
  for (let i = 0; i < a.length; i++) for (let w = a[i]!; w !== 0; w &= w - 1) out.push(i * 32 + 31 - Math.clz32(w & -w));
  return out;
}

/** `out` |= `a` shifted up by `k` (sums of `a` plus `k`), past the cap dropped. */
function shiftOr(out: Sums, a: Sums, k: number, cap: number): void {
  const [words, bits] = [k >>> 5, k & 31];
  for (let i = out.length - 1; i >= words; i--) {
    const low = a[i - words] ?? 0;
    const below = i - words - 1 >= 0 ? a[i - words - 1]! : 0;
    out[i]! |= bits ? (low << bits) | (below >>> (32 - bits)) : low;
  }
  const last = (cap & 31) + 1;
  if (last < 32) out[out.length - 1]! &= (1 << last) - 1;
}

/** Every sum of one of `a` and one of `b` up to `cap`: the fewer of the two shift the other. */
function sumset(a: Sums, b: Sums, cap: number): Sums {
  const [ea, eb] = [elements(a), elements(b)];
  const [few, other] = ea.length <= eb.length ? [ea, b] : [eb, a];
  const out = empty(cap);
  for (const k of few) shiftOr(out, other, k, cap);
  return out;
}

function union(a: Sums, b: Sums): Sums {
  const out = a.slice();
  for (let i = 0; i < out.length; i++) out[i]! |= b[i]!;
  return out;
}

const zero = (cap: number) => { const z = empty(cap); put(z, 0); return z; };

/** The independent sets of a group of overlapping territories, the empty one aside (few: such groups are small). */
export function independentSets(group: readonly FamilyNode[], members: readonly Member[]): FamilyNode[][] {
  const out: FamilyNode[][] = [];
  const walk = (i: number, taken: FamilyNode[]) => {
    if (i === group.length) { if (taken.length) out.push(taken); return; }
    walk(i + 1, taken);
    if (!taken.some((t) => overlap(members[t.index]!.inside, members[group[i]!.index]!.inside))) walk(i + 1, [...taken, group[i]!]);
  };
  walk(0, []);
  return out;
}

/** Sums of a group: one territory's, or those of any independent set of overlapping ones. */
function groupSums(group: readonly FamilyNode[], members: readonly Member[], values: Values, cap: number): Sums {
  if (group.length === 1) return nodeSums(group[0]!, members, values, cap);
  let out = zero(cap);
  for (const set of independentSets(group, members)) out = union(out, partsSums(set.map((n) => [n]), members, values, cap));
  return out;
}

/** Sums of disjoint groups, each giving one of its sums (0 among them). */
function partsSums(groups: readonly (readonly FamilyNode[])[], members: readonly Member[], values: Values, cap: number): Sums {
  let out = zero(cap);
  for (const g of groups) out = sumset(out, groupSums(g, members, values, cap), cap);
  return out;
}

/** Sums of a territory: 0, its own figure, or a sum of its parts. */
function nodeSums(node: FamilyNode, members: readonly Member[], values: Values, cap: number): Sums {
  const out = partsSums(node.parts, members, values, cap);
  for (const v of values(node.index)) if (v >= 0 && v <= cap) put(out, v);
  return out;
}

/** Every sum up to `cap` that disjoint territories of the tree give for one figure (0 included: none taken). */
export function familySums(top: readonly (readonly FamilyNode[])[], members: readonly Member[], values: Values, cap: number): Sums {
  return cap < 0 ? empty(0) : partsSums(top, members, values, cap);
}

/** Disjoint groups that give `target` (their indexes), or null: the reverse of `partsSums`. */
function partsFor(groups: readonly (readonly FamilyNode[])[], members: readonly Member[], values: Values, target: number): number[] | null {
  if (target === 0) return [];
  if (!groups.length) return null;
  const rest = groups.slice(0, -1);
  const before = partsSums(rest, members, values, target);
  for (const x of elements(groupSums(groups[groups.length - 1]!, members, values, target))) {
    if (!hasSum(before, target - x)) continue;
    const last = groupFor(groups[groups.length - 1]!, members, values, x);
    const first = last && partsFor(rest, members, values, target - x);
    if (last && first) return [...first, ...last];
  }
  return null;
}

function groupFor(group: readonly FamilyNode[], members: readonly Member[], values: Values, target: number): number[] | null {
  if (target === 0) return [];
  if (group.length === 1) {
    const node = group[0]!;
    return values(node.index).includes(target) ? [node.index] : partsFor(node.parts, members, values, target);
  }
  for (const set of independentSets(group, members)) {
    const found = partsFor(set.map((n) => [n]), members, values, target);
    if (found) return found;
  }
  return null;
}

/** The members (their indexes) of disjoint territories whose figures add up to `target`, or null. */
export function familyFor(top: readonly (readonly FamilyNode[])[], members: readonly Member[], values: Values, target: number): number[] | null {
  return partsFor(top, members, values, target);
}
