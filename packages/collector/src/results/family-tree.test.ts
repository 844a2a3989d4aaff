import { describe, expect, it } from 'vitest';
import { familyFor, familySums, familyTree, hasSum, type Member, type Sums } from './family-tree.js';

/** A territory `code` holding the codes of `inside` (itself included). */
const member = (code: string, inside: string[] = []): Member => ({ territory: { level: 'custom', code }, inside: new Set([code, ...inside].map((c) => `custom:${c}`)) });

describe('sums of disjoint published territories', () => {
  // D holds E (which holds c1 and c3), X (c3 and c4: it overlaps E) and c2.
  const members = [member('D', ['E', 'c1', 'c2', 'c3', 'c4', 'X']), member('E', ['c1', 'c3']), member('c1'), member('X', ['c3', 'c4']), member('c2')];
  const figure = [100, 50, 20, 25, 30];
  const values = (i: number) => [figure[i]!];
  const top = familyTree(members);
  /** The sums set, up to `cap`. */
  const listed = (bits: Sums, cap: number) => Array.from({ length: cap + 1 }, (_, s) => s).filter((s) => hasSum(bits, s));
  const sums = (cap: number) => listed(familySums(top, members, values, cap), cap);

  it('puts each territory under the smallest one holding it, those that overlap side by side', () => {
    expect(top.map((g) => g.map((n) => n.territory.code))).toEqual([['D']]);
    expect(top[0]![0]!.parts.map((g) => g.map((n) => n.territory.code))).toEqual([['E', 'X'], ['c2']]);
    expect(top[0]![0]!.parts[0]![0]!.parts.map((g) => g.map((n) => n.territory.code))).toEqual([['c1']]);
  });

  it('gives a territory or any disjoint ones inside it, never two that overlap nor one with a territory it holds', () => {
    // E + X (75) overlap; E + c1 (70) and D with anything are not disjoint.
    expect(sums(200)).toEqual([0, 20, 25, 30, 50, 55, 80, 100]);
    expect(sums(50)).toEqual([0, 20, 25, 30, 50]);
  });

  it('names the territories of a sum', () => {
    expect(familyFor(top, members, values, 55)?.sort()).toEqual([3, 4]);
    expect(familyFor(top, members, values, 80)?.sort()).toEqual([1, 4]);
    expect(familyFor(top, members, values, 75)).toBeNull();
  });

  it('takes a territory without the figure through its parts only, and any of the values its documents show', () => {
    const some = (i: number) => (i === 1 ? [] : i === 4 ? [30, 31] : [figure[i]!]);
    expect(listed(familySums(top, members, some, 200), 200)).toEqual([0, 20, 25, 30, 31, 50, 51, 55, 56, 100]);
  });

  it('keeps sums across words of the bitset, and none past the cap', () => {
    const big = [1000, 333, 40, 97, 301];
    const got = listed(familySums(top, members, (i) => [big[i]!], 700), 700);
    // E + X (430) overlap; D (1000) is past the cap.
    expect(got).toEqual([0, 40, 97, 301, 333, 341, 398, 634]);
  });
});
