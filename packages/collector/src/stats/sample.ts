/**
 * Sample monitoring during collection: how many responses each territory and wave has, by
 * main sector, by source and by channel, and how the sectors compare with the territory's
 * expected distribution (its count of associations by sector) when it supplies one.
 * One streaming pass; memory holds only the counters.
 */
import type { CompiledQuestionnaire, LocalizedText } from '@olva/schema';
import type { StoredResponse, TerritoryRef } from '../store/types.js';
import { orderVersions } from '../export/columns.js';
import { findExpected, type ExpectedDistribution } from './expected.js';

/** The main-sector question of the common core. */
export const DEFAULT_SECTOR_QUESTION = 'secteur_principal';

/** The channels of the payload contract, always listed (0 when none). */
export const CHANNELS = ['web', 'paper', 'phone', 'kiosk'] as const;

/** One line of a breakdown. `share` is a fraction (0..1), rounded to 4 decimals. */
export interface Tally {
  /** The code, or null for "no answer" / "no source". */
  code: string | null;
  label?: LocalizedText;
  count: number;
  share: number;
}

/** One sector line, with the expected figures when the territory supplies them. */
export interface SectorTally extends Tally {
  /** Associations of this sector on the territory, and their share of all of them. */
  expected?: { count: number; share: number };
  /** `share - expected.share`: positive when the sector is over-represented in the sample. */
  gap?: number;
}

/** The figures of one territory and wave. */
export interface TerritoryStats {
  territory: TerritoryRef;
  wave: string;
  total: number;
  /** Responses that name a main sector (the base of sector shares). */
  sectorAnswered: number;
  bySector: SectorTally[];
  bySource: Tally[];
  byChannel: Tally[];
  /** Where the expected distribution comes from, when there is one. */
  expectedSource?: string;
}

/** The sample monitoring document (JSON for dashboards). */
export interface SampleStats {
  sectorQuestion: string;
  total: number;
  byTerritory: TerritoryStats[];
}

/** Options of the computation. */
export interface SampleOptions {
  /** Compiled versions, for sector labels and order (newest first wins); each territory and wave lists the choices of the versions it answered. */
  compiled?: readonly CompiledQuestionnaire[];
  sectorQuestion?: string;
  expected?: readonly ExpectedDistribution[];
}

/** A share or a progress as the sample statistics and the cockpit give it: four decimals. */
export const roundShare = (x: number): number => Math.round(x * 10_000) / 10_000;
const share = (n: number, of: number): number => (of > 0 ? roundShare(n / of) : 0);

interface Counter {
  territory: TerritoryRef;
  wave: string;
  total: number;
  sectors: Map<string, number>;
  sources: Map<string | null, number>;
  channels: Map<string, number>;
  /** The core versions the responses were answered with: their sector choices are listed. */
  versions: Set<string>;
}

function bump<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Sector choices (code → label) in display order, from the newest version that has the question. */
export function sectorChoices(compiled: readonly CompiledQuestionnaire[], questionId: string): Map<string, LocalizedText> {
  const out = new Map<string, LocalizedText>();
  for (const version of orderVersions(compiled)) {
    for (const section of version.sections) {
      for (const q of section.questions) {
        if (q.id === questionId && 'choices' in q) for (const c of q.choices) if (!out.has(c.code)) out.set(c.code, c.label);
      }
    }
  }
  return out;
}

/** Computes the sample monitoring document from a stream of responses. */
export async function sampleStats(responses: AsyncIterable<StoredResponse>, options: SampleOptions = {}): Promise<SampleStats> {
  const questionId = options.sectorQuestion ?? DEFAULT_SECTOR_QUESTION;
  const counters = new Map<string, Counter>();
  let total = 0;
  for await (const r of responses) {
    const p = r.payload;
    const key = `${p.territory.level}:${p.territory.code}|${p.wave}`;
    let c = counters.get(key);
    if (!c) {
      c = { territory: { level: p.territory.level, code: p.territory.code }, wave: p.wave, total: 0, sectors: new Map(), sources: new Map(), channels: new Map(), versions: new Set() };
      counters.set(key, c);
    }
    total += 1;
    c.total += 1;
    const sector = p.answers?.[questionId];
    if (typeof sector === 'string') bump(c.sectors, sector);
    bump(c.sources, p.source ?? null);
    bump(c.channels, p.channel);
    c.versions.add(p.questionnaire.version);
  }
  // A wave of the 2027 core lists 2027's sectors, not 2026's social_sante at 0 (nor the reverse).
  const all = options.compiled ?? [];
  const byVersions = new Map<string, Map<string, LocalizedText>>();
  const choicesOf = (c: Counter): Map<string, LocalizedText> => {
    const key = [...c.versions].sort().join(' ');
    let choices = byVersions.get(key);
    if (!choices) {
      const answered = all.filter((v) => c.versions.has(v.questionnaire.version));
      byVersions.set(key, (choices = sectorChoices(answered.length ? answered : all, questionId)));
    }
    return choices;
  };
  const byTerritory = [...counters.values()]
    .sort((a, b) => a.territory.level.localeCompare(b.territory.level) || a.territory.code.localeCompare(b.territory.code) || a.wave.localeCompare(b.wave))
    .map((c) => territoryStats(c, choicesOf(c), findExpected(options.expected, c.territory, c.wave)));
  return { sectorQuestion: questionId, total, byTerritory };
}

function territoryStats(c: Counter, choices: Map<string, LocalizedText>, expected: ExpectedDistribution | undefined): TerritoryStats {
  let answered = 0;
  for (const n of c.sectors.values()) answered += n;
  const expectedTotal = expected ? Object.values(expected.sectors).reduce((s, n) => s + n, 0) : 0;
  const codes = [...choices.keys()];
  for (const code of [...c.sectors.keys(), ...Object.keys(expected?.sectors ?? {})]) if (!codes.includes(code)) codes.push(code);
  const bySector: SectorTally[] = codes.map((code) => {
    const count = c.sectors.get(code) ?? 0;
    const line: SectorTally = { code, count, share: share(count, answered) };
    const label = choices.get(code);
    if (label) line.label = label;
    if (expected && expectedTotal > 0) {
      const n = expected.sectors[code] ?? 0;
      line.expected = { count: n, share: share(n, expectedTotal) };
      line.gap = answered > 0 ? roundShare(count / answered - n / expectedTotal) : roundShare(-n / expectedTotal);
    }
    return line;
  });
  const bySource: Tally[] = [...c.sources.entries()]
    .sort((a, b) => b[1] - a[1] || String(a[0] ?? '').localeCompare(String(b[0] ?? '')))
    .map(([code, count]) => ({ code, count, share: share(count, c.total) }));
  const byChannel: Tally[] = [...CHANNELS, ...[...c.channels.keys()].filter((k) => !(CHANNELS as readonly string[]).includes(k))]
    .map((code) => ({ code, count: c.channels.get(code) ?? 0, share: share(c.channels.get(code) ?? 0, c.total) }));
  const out: TerritoryStats = { territory: c.territory, wave: c.wave, total: c.total, sectorAnswered: answered, bySector, bySource, byChannel };
  if (expected?.source) out.expectedSource = expected.source;
  return out;
}
