/**
 * The cockpit's view of one territory and wave: responses over time (cumulative per UTC day),
 * by channel and by source, by main sector against the expected distribution (with the
 * sectors to chase first), progress towards the target, paper questionnaires keyed in.
 */
import type { LocalizedText } from '@olva/schema';
import { refreshFacts } from '../../store/facts.js';
import type { TerritoryRef } from '../../store/types.js';
import { CHANNELS, roundShare } from '../../stats/sample.js';
import { findExpected, findTarget } from '../../stats/expected.js';
import { buildFor, named, sectorLabels, sectorQuestion, type CockpitContext, type NamedTerritory } from './context.js';
import { dayGroups, wavesOf } from './queries.js';
import { compareSectors, type SectorComparison } from './sectors.js';

/** A count and its share (0..1, 4 decimals) of the territory's responses. */
export interface Share {
  code: string | null;
  count: number;
  share: number;
}

/** The document of `GET /v1/cockpit/territory`. */
export interface TerritoryView {
  territory: NamedTerritory;
  /** The wave shown (the newest with responses when none was asked for); null when none. */
  wave: string | null;
  /** Waves with responses on this territory, newest first. */
  waves: string[];
  responses: number;
  lastResponse: string | null;
  target: number | null;
  /** responses / target, rounded to 4 decimals (may exceed 1). */
  progress: number | null;
  /** Every UTC day from the first response to the last, with the running total. */
  daily: { date: string; count: number; cumulative: number }[];
  byChannel: Share[];
  bySource: Share[];
  sectors: SectorComparison & { question: string; expectedSource?: string };
  /** The collector receives only sent questionnaires; drafts stay on the respondent's device. */
  completion: { status: 'unknown'; reason: LocalizedText };
  /** `entry`: the paper entry page (`/iframe/` in paper mode), which links back to the cockpit. */
  paper: { keyedIn: number; entry: string | null };
  /** The questionnaire the wave's responses are exported under (`questionnaire=` of `/v1/exports/…`); null without a build. */
  questionnaire: string | null;
  /** Shown whenever the expected distribution may come from the national register. */
  registerNote?: LocalizedText;
}

const MAX_DAYS = 731;

/** The note every view of an expected distribution carries. */
export const REGISTER_NOTE: LocalizedText = {
  fr: 'Le Répertoire national des associations surestime les associations en activité : les dissolutions y sont rarement déclarées.',
  en: 'The national register of associations overstates active associations: dissolutions are rarely declared.',
};

const COMPLETION_UNKNOWN: LocalizedText = {
  fr: 'Inconnu : le collecteur ne reçoit que les questionnaires envoyés ; les brouillons restent sur l’appareil du répondant.',
  en: 'Unknown: the collector receives only sent questionnaires; drafts stay on the respondent’s device.',
};

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Builds the view of `territory` (reading the responses of `covered`, what the token's scope allows of it). */
export async function territoryView(ctx: CockpitContext, territory: TerritoryRef, covered: TerritoryRef[] | 'all', askedWave?: string): Promise<TerritoryView> {
  const question = sectorQuestion(ctx);
  await refreshFacts(ctx.db, question);
  const waves = await wavesOf(ctx.db, { territories: covered });
  const wave = askedWave ?? waves[0] ?? null;
  const groups = wave === null ? [] : await dayGroups(ctx.db, { territories: covered, waves: [wave] });

  const byDay = new Map<string, number>();
  const channels = new Map<string, number>();
  const sources = new Map<string | null, number>();
  const sectors = new Map<string, number>();
  let responses = 0;
  let last: string | null = null;
  for (const g of groups) {
    responses += g.count;
    byDay.set(g.day, (byDay.get(g.day) ?? 0) + g.count);
    channels.set(g.channel, (channels.get(g.channel) ?? 0) + g.count);
    sources.set(g.source, (sources.get(g.source) ?? 0) + g.count);
    if (g.sector !== null) sectors.set(g.sector, (sectors.get(g.sector) ?? 0) + g.count);
    if (last === null || g.last > last) last = g.last;
  }
  const days = [...byDay.keys()].sort();
  const daily: TerritoryView['daily'] = [];
  let cumulative = 0;
  for (let d = days[0]; d !== undefined && d <= days[days.length - 1] && daily.length < MAX_DAYS; d = nextDay(d)) {
    const count = byDay.get(d) ?? 0;
    cumulative += count;
    daily.push({ date: d, count, cumulative });
  }
  const share = (n: number): number => (responses ? roundShare(n / responses) : 0);
  const byChannel = [...CHANNELS, ...[...channels.keys()].filter((c) => !(CHANNELS as readonly string[]).includes(c))]
    .map((code) => ({ code, count: channels.get(code) ?? 0, share: share(channels.get(code) ?? 0) }));
  const bySource = [...sources.entries()]
    .sort((a, b) => b[1] - a[1] || String(a[0] ?? '').localeCompare(String(b[0] ?? '')))
    .map(([code, count]) => ({ code, count, share: share(count) }));

  const expected = wave === null ? undefined : findExpected(ctx.stats?.expected, territory, wave);
  const target = wave === null ? undefined : findTarget(ctx.stats?.targets, territory, wave)?.target;
  const comparison = compareSectors(sectors, await sectorLabels(ctx, wave), expected, target);
  const build = buildFor(ctx, territory, wave);
  // `from=cockpit`: the entry page links back to this territory's view of this wave.
  const entry = build && wave !== null
    ? `/iframe/?${new URLSearchParams({ questionnaire: build.buildId, territory: `${territory.level}:${territory.code}`, wave, channel: 'paper', source: 'saisie-papier', from: 'cockpit' })}`
    : null;
  const view: TerritoryView = {
    territory: named(ctx, territory), wave, waves, responses, lastResponse: last,
    target: target ?? null, progress: target ? roundShare(responses / target) : null,
    daily, byChannel, bySource,
    sectors: { question, ...comparison, ...(expected?.source ? { expectedSource: expected.source } : {}) },
    completion: { status: 'unknown', reason: COMPLETION_UNKNOWN },
    paper: { keyedIn: channels.get('paper') ?? 0, entry },
    questionnaire: build?.compiled.questionnaire.id ?? null,
  };
  if (expected) view.registerNote = REGISTER_NOTE;
  return view;
}
