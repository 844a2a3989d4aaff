/**
 * The main sectors of a sample against the territory's expected distribution: each sector's
 * share of the responses beside its share of the territory's associations, the gap, and how
 * many responses the sector lacks to match the distribution at the target sample size (or at
 * the current size without a target). The sectors to chase are those behind the territory's
 * own progress: mid-collection every sector still lacks responses for the target, so "lacking
 * some" would name them all, over-represented ones included; a sector whose share of its quota
 * is below the share of the target already reached is the one to chase. Furthest behind first,
 * then those lacking the most.
 */
import type { LocalizedText } from '@olva/schema';
import type { ExpectedDistribution } from '../../stats/expected.js';
import { roundShare } from '../../stats/sample.js';

/** One sector of a territory. Shares are fractions (0..1) rounded to 4 decimals. */
export interface SectorLine {
  code: string;
  label?: LocalizedText;
  count: number;
  share: number;
  /** The territory's associations of this sector, and their share. */
  expected?: { count: number; share: number };
  /** `share - expected.share`: negative when the sector is under-represented. */
  gap?: number;
  /** Responses this sector lacks to match its expected share of the target (or of the responses so far). */
  missing?: number;
}

/** The sector comparison of one territory. */
export interface SectorComparison {
  /** Responses that name a main sector (the base of the shares). */
  answered: number;
  lines: SectorLine[];
  /** Sector codes to chase: those whose share of their quota (`count / (count + missing)`) is below
   * the territory's progress (`answered / max(target, answered)`), furthest behind first; every
   * sector lacking responses while none has answered. Without an expected distribution, the
   * sectors of the questionnaire with no response at all. */
  chase: string[];
  /** `expected` when an expected distribution was compared with, else `none`. */
  basis: 'expected' | 'none';
}


/** Compares counts by sector with the expected distribution (when there is one). */
export function compareSectors(
  counts: ReadonlyMap<string, number>, choices: ReadonlyMap<string, LocalizedText>,
  expected: ExpectedDistribution | undefined, target: number | undefined,
): SectorComparison {
  let answered = 0;
  for (const n of counts.values()) answered += n;
  const expectedTotal = expected ? Object.values(expected.sectors).reduce((s, n) => s + n, 0) : 0;
  const codes = [...choices.keys()];
  for (const code of [...counts.keys(), ...Object.keys(expected?.sectors ?? {})]) if (!codes.includes(code)) codes.push(code);
  const base = Math.max(target ?? 0, answered);
  const lines = codes.map((code): SectorLine => {
    const count = counts.get(code) ?? 0;
    const line: SectorLine = { code, count, share: answered ? roundShare(count / answered) : 0 };
    const label = choices.get(code);
    if (label) line.label = label;
    if (expected && expectedTotal > 0) {
      const n = expected.sectors[code] ?? 0;
      const expectedShare = n / expectedTotal;
      line.expected = { count: n, share: roundShare(expectedShare) };
      line.gap = roundShare((answered ? count / answered : 0) - expectedShare);
      line.missing = Math.max(0, Math.round(expectedShare * base) - count);
    }
    return line;
  });
  if (expected && expectedTotal > 0) {
    // Behind the territory's progress (answered of the target), furthest behind first, then the most lacking.
    const coverage = (l: SectorLine): number => l.count / (l.count + l.missing!);
    const progress = base > 0 ? answered / base : 0;
    const chase = lines.filter((l) => (l.missing ?? 0) > 0 && (answered === 0 || coverage(l) < progress))
      .sort((a, b) => coverage(a) - coverage(b) || b.missing! - a.missing! || a.code.localeCompare(b.code))
      .map((l) => l.code);
    return { answered, lines, chase, basis: 'expected' };
  }
  // "other" is a way of answering, not a sector one could chase.
  return { answered, lines, chase: lines.filter((l) => l.count === 0 && choices.has(l.code) && l.code !== 'other').map((l) => l.code), basis: 'none' };
}
