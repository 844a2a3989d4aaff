/**
 * Duplicate detection on generated collections with planted duplicates: associations answer
 * once, some twice or three times under a variant of their name (accents, case, punctuation,
 * "Association"/"Asso"/"L'" prefixes, spacing), with or without their RNA number. Precision
 * and recall of the pairs found are printed and kept above 0.95.
 */
import { describe, expect, it } from 'vitest';
import { prng } from '@olva/test-support/prng';
import { findDuplicates, type DuplicateCandidate } from './detect.js';
import { nameKey, rnaKey } from './normalise.js';

const KINDS = ['Club', 'Amicale', 'Comité', 'Cercle', 'Union', 'Foyer', 'Collectif', 'Les Amis', 'Ensemble', 'Maison', 'Atelier', 'Réseau'];
const TOPICS = ['de pétanque', 'des fêtes', 'théâtral', 'de l’école', 'des aînés', 'du patrimoine', 'de randonnée', 'musical', 'de judo',
  'des parents d’élèves', 'de quartier', 'de solidarité', 'des jardins partagés', 'cycliste', 'd’échecs', 'de danse bretonne', 'photo', 'de l’Ille'];
const PLACES = ['Saint-Étienne', 'Bréal', 'Cesson', 'Pacé', 'Vezin', 'Le Rheu', 'Chantepie', 'Bruz', 'Thorigné', 'Mordelles', 'Noyal', 'Acigné', 'du Blosne', 'de Maurepas'];
const COMMUNES = ['35238', '35051', '35210', '35047', '35055', '35353', '35024', '35281'];

type Random = () => number;
const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

/** A spelling of `name` a respondent could type for the same association. */
function variant(r: Random, name: string): string {
  let s = name;
  if (r() < 0.4) s = s.normalize('NFD').replace(/\p{M}+/gu, '');
  const c = r();
  if (c < 0.25) s = s.toUpperCase();
  else if (c < 0.5) s = s.toLowerCase();
  const p = r();
  if (p < 0.2) s = `Association ${s}`;
  else if (p < 0.35) s = `Asso. ${s}`;
  else if (p < 0.45) s = `L'${s}`;
  else if (p < 0.55) s = `ASSOCIATION ${s}`;
  if (r() < 0.3) s = s.replace(/-/g, ' ');
  if (r() < 0.3) s = s.replace(/’/g, "'");
  if (r() < 0.2) s = `${s} !`;
  if (r() < 0.2) s = `  ${s.replace(/ /g, '  ')} `;
  return s;
}

interface Planted { candidates: DuplicateCandidate[]; entityOf: Map<string, number> }

/** `n` associations; about 15 % answer twice and 3 % three times. */
function collection(seed: number, n: number): Planted {
  const r = prng(seed);
  const candidates: DuplicateCandidate[] = [];
  const entityOf = new Map<string, number>();
  const taken = new Set<string>();
  let id = 0;
  let time = Date.parse('2026-03-01T08:00:00Z');
  for (let e = 0; e < n; e++) {
    // Real registers hold no two associations of the same name in one commune: neither does this one.
    let name: string; let commune: string;
    do {
      name = `${pick(r, KINDS)} ${pick(r, TOPICS)} ${pick(r, PLACES)}`;
      commune = pick(r, COMMUNES);
    } while (taken.has(`${commune}|${nameKey(name)}`));
    taken.add(`${commune}|${nameKey(name)}`);
    const rna = r() < 0.6 ? `W35${String(1_000_000 + e).padStart(7, '0')}` : null;
    const copies = r() < 0.03 ? 3 : r() < 0.15 ? 2 : 1;
    for (let k = 0; k < copies; k++) {
      const submissionId = `s-${String(id++).padStart(6, '0')}`;
      entityOf.set(submissionId, e);
      // A copy gives the RNA number or not (typed with spaces at times), and its name as it comes.
      const givesRna = rna && (k === 0 || r() < 0.6);
      const typed = givesRna ? (r() < 0.2 ? `${rna.slice(0, 4)} ${rna.slice(4)}`.toLowerCase() : rna) : null;
      // A few respondents write a name of their own (an acronym, a typo): only the RNA number can tell.
      const ownName = k > 0 && r() < 0.05 ? `${name.slice(0, -2)}xx` : name;
      time += Math.floor(r() * 3_600_000);
      candidates.push({ submissionId, receivedAt: new Date(time).toISOString(), wave: '2026', rna: rnaKey(typed), nameKey: nameKey(k === 0 ? name : variant(r, ownName)), commune });
    }
  }
  // Shuffle: duplicates arrive in any order.
  for (let i = candidates.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
  }
  return { candidates, entityOf };
}

const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);
function pairsOf(groups: string[][]): Set<string> {
  const out = new Set<string>();
  for (const g of groups) for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) out.add(pairKey(g[i]!, g[j]!));
  return out;
}

describe('duplicate detection on planted duplicates', () => {
  it('finds them with precision and recall above 0.95', () => {
    let truePairs = 0; let foundPairs = 0; let right = 0;
    for (const seed of [1, 2, 3, 4, 5]) {
      const { candidates, entityOf } = collection(seed, 600);
      const byEntity = new Map<number, string[]>();
      for (const c of candidates) byEntity.set(entityOf.get(c.submissionId)!, [...(byEntity.get(entityOf.get(c.submissionId)!) ?? []), c.submissionId]);
      const truth = pairsOf([...byEntity.values()]);
      const found = pairsOf(findDuplicates(candidates).map((g) => g.members));
      truePairs += truth.size;
      foundPairs += found.size;
      for (const p of found) if (truth.has(p)) right++;
    }
    const precision = right / foundPairs;
    const recall = right / truePairs;
    console.log(`duplicates: ${truePairs} planted pairs, ${foundPairs} found, ${right} right: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
    expect(truePairs).toBeGreaterThan(300);
    expect(precision).toBeGreaterThan(0.95);
    expect(recall).toBeGreaterThan(0.95);
  });

  it('groups by RNA number or by folded name in one commune, within a wave, oldest first', () => {
    const c = (submissionId: string, receivedAt: string, rna: string | null, name: string | null, commune: string | null, wave = '2026'): DuplicateCandidate =>
      ({ submissionId, receivedAt, wave, rna: rnaKey(rna), nameKey: nameKey(name), commune });
    const groups = findDuplicates([
      c('b', '2026-03-02', null, 'Asso. L’Élan !', '35238'),
      c('a', '2026-03-01', 'W353000001', "l'elan", '35238'),
      c('c', '2026-03-03', 'w 353000001', 'Tout autre nom', '35051'),
      c('h', '2026-03-08', null, "ELAN (L')", '35238'),
      c('d', '2026-03-04', null, "L'Élan", '35051'),
      c('e', '2026-03-05', null, null, '35238'),
      c('f', '2026-03-06', null, 'Le Cercle', null),
      c('g', '2026-03-07', null, 'Cercle', null),
      // The same association a year later: the next wave's answer, not a duplicate of 2026's.
      c('i', '2027-03-01', 'W353000001', "L'Élan", '35238', '2027'),
      c('j', '2027-03-02', null, 'Le Cercle', '35051', '2027'),
    ]);
    // a–b share the name in Rennes, a–c the RNA number; d is "L'Élan" elsewhere, alone; no commune, no name match.
    expect(groups).toEqual([{ reasons: ['rna', 'name'], members: ['a', 'b', 'c', 'h'] }]);
  });
});
