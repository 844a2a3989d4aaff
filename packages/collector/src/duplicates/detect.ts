/**
 * Probable duplicates among responses: two responses of the same wave are linked when they
 * give the same RNA number, or the same folded association name (normalise.ts) with the same
 * head-office commune; linked responses form one group (a response linked to two others joins
 * them). Across waves the same association answering again is the panel the previous-wave
 * comparison reads, never a duplicate to set aside.
 */

/** What detection reads of a response. */
export interface DuplicateCandidate {
  submissionId: string;
  receivedAt: string;
  /** The wave answered: responses of two waves are never duplicates of each other. */
  wave: string;
  rna: string | null;
  nameKey: string | null;
  commune: string | null;
}

/** A group of probable duplicates, oldest response first. */
export interface DuplicateGroup {
  /** Why they are grouped: a shared RNA number, a shared name in one commune, or both. */
  reasons: ('rna' | 'name')[];
  members: string[];
}

/** Finds the groups of probable duplicates (two responses or more), in order of first reception. */
export function findDuplicates(candidates: readonly DuplicateCandidate[]): DuplicateGroup[] {
  const sorted = [...candidates].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.submissionId.localeCompare(b.submissionId));
  const parent = sorted.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const reasons = new Map<number, Set<'rna' | 'name'>>();
  const link = (a: number, b: number, why: 'rna' | 'name'): void => {
    const [ra, rb] = [root(a), root(b)];
    const merged = new Set([...(reasons.get(ra) ?? []), ...(reasons.get(rb) ?? []), why]);
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
    parent[drop] = keep;
    reasons.delete(drop);
    reasons.set(keep, merged);
  };
  const firstBy = new Map<string, number>();
  sorted.forEach((c, i) => {
    const keys: [string, 'rna' | 'name'][] = [];
    // JSON arrays as keys: a wave id may hold any character, a separator could be forged.
    if (c.rna) keys.push([JSON.stringify(['rna', c.wave, c.rna]), 'rna']);
    if (c.nameKey && c.commune) keys.push([JSON.stringify(['name', c.wave, c.commune, c.nameKey]), 'name']);
    for (const [key, why] of keys) {
      const first = firstBy.get(key);
      if (first === undefined) firstBy.set(key, i);
      else link(first, i, why);
    }
  });
  const groups = new Map<number, string[]>();
  sorted.forEach((c, i) => {
    const r = root(i);
    if (r === i && !reasons.has(r)) return;
    const list = groups.get(r) ?? [];
    list.push(c.submissionId);
    groups.set(r, list);
  });
  return [...groups.entries()].filter(([, m]) => m.length > 1).sort((a, b) => a[0] - b[0])
    .map(([r, members]) => ({ reasons: (['rna', 'name'] as const).filter((w) => reasons.get(r)?.has(w)), members }));
}
