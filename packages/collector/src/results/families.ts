/**
 * The sums a reader can make of the figures of disjoint published territories: a tree of them by
 * containment (each under the smallest one holding it), where a territory gives either its own
 * figure or any sum its disjoint parts give (a subset sum per figure, bounded by a cap: the figure
 * of the territory whose rest is read). Territories that overlap without one holding the other (an
 * EPCI across two départements, custom territories) are alternatives: one or the other, whole,
 * never one with the parts of the other that lie outside it (not followed).
 *
 * Cost, for P published territories and a cap C: building the tree O(P² · I) (I: the territories
 * each one holds, a set look-up each); the sums of one figure O(P · S · K), S ≤ C + 1 the sums
 * reachable so far and K those of a part (2 for a territory with nothing published inside).
 */
import type { TerritoryRef } from '../store/types.js';

/** A published territory in the tree, with those right inside it (grouped where they overlap). */
export interface FamilyNode {
  territory: TerritoryRef;
  /** The position of the territory in the list the tree was built from. */
  index: number;
  /** The published territories right inside it: each group one territory, or several that overlap. */
  parts: FamilyNode[][];
}

/** A territory and every territory inside it, itself included, by `level:code`. */
export interface Member { territory: TerritoryRef; inside: ReadonlySet<string> }

const name = (t: TerritoryRef) => `${t.level}:${t.code}`;

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const k of small) if (large.has(k)) return true;
  return false;
}

/** Groups a list of territories into those that overlap, transitively (each group a component). */
function components(nodes: FamilyNode[], members: readonly Member[]): FamilyNode[][] {
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

/** Every sum of one of `a` and one of `b` up to `cap`. */
function sumset(a: readonly number[], b: readonly number[], cap: number): number[] {
  if (b.length === 1 && b[0] === 0) return [...a];
  const seen = new Uint8Array(cap + 1);
  const out: number[] = [];
  for (const x of a) for (const y of b) {
    const s = x + y;
    if (s <= cap && !seen[s]) { seen[s] = 1; out.push(s); }
  }
  return out;
}

const union = (a: readonly number[], b: readonly number[]) => [...new Set([...a, ...b])];

/** The independent sets of a group of overlapping territories, the empty one aside (few: such groups are small). */
function independentSets(group: readonly FamilyNode[], members: readonly Member[]): FamilyNode[][] {
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
function groupSums(group: readonly FamilyNode[], members: readonly Member[], values: Values, cap: number): number[] {
  if (group.length === 1) return nodeSums(group[0]!, members, values, cap);
  let out = [0];
  for (const set of independentSets(group, members)) out = union(out, partsSums(set.map((n) => [n]), members, values, cap));
  return out;
}

/** Sums of disjoint groups, each giving one of its sums (0 among them). */
function partsSums(groups: readonly (readonly FamilyNode[])[], members: readonly Member[], values: Values, cap: number): number[] {
  let out = [0];
  for (const g of groups) out = sumset(out, groupSums(g, members, values, cap), cap);
  return out;
}

/** Sums of a territory: 0, its own figure, or a sum of its parts. */
function nodeSums(node: FamilyNode, members: readonly Member[], values: Values, cap: number): number[] {
  return union(partsSums(node.parts, members, values, cap), values(node.index).filter((v) => v >= 0 && v <= cap));
}

/**
 * Every sum up to `cap` that disjoint territories of the tree give for one figure (0 included:
 * none taken), as a membership array indexed by the sum.
 */
export function familySums(top: readonly (readonly FamilyNode[])[], members: readonly Member[], values: Values, cap: number): Uint8Array {
  const out = new Uint8Array(Math.max(cap, 0) + 1);
  if (cap >= 0) for (const s of partsSums(top, members, values, cap)) out[s] = 1;
  return out;
}

/** Disjoint groups that give `target` (their indexes), or null: the reverse of `partsSums`. */
function partsFor(groups: readonly (readonly FamilyNode[])[], members: readonly Member[], values: Values, target: number): number[] | null {
  if (target === 0) return [];
  if (!groups.length) return null;
  const rest = groups.slice(0, -1);
  const before = new Set(partsSums(rest, members, values, target));
  for (const x of groupSums(groups[groups.length - 1]!, members, values, target)) {
    if (!before.has(target - x)) continue;
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
