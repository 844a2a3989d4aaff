/**
 * What the cockpit's views read besides the responses: the configuration's targets, expected
 * distributions and waves, the questionnaires (sector labels, the build of a territory) and
 * the names of territories.
 */
import { compareVersions, type CompiledQuestionnaire, type LocalizedText } from '@olva/schema';
import type { AcceptedBuild, QuestionnaireRegistry } from '../../questionnaire-registry.js';
import { waveAccepts, type WaveRule } from '../../waves.js';
import type { SqlDb } from '../../store/sql.js';
import type { TerritoryRef } from '../../store/types.js';
import type { TerritoryDirectory } from '../../territories.js';
import { DEFAULT_SECTOR_QUESTION, sectorChoices } from '../../stats/sample.js';
import type { StatsConfig } from '../../stats/expected.js';

/** Everything the views need from the collector. */
export interface CockpitContext {
  db: SqlDb;
  stats?: StatsConfig;
  registry: QuestionnaireRegistry;
  territories: TerritoryDirectory;
  /** The core versions each wave accepts (`waves` of the configuration). */
  waves?: readonly WaveRule[];
}

/** A territory as the cockpit shows it. */
export interface NamedTerritory extends TerritoryRef {
  name?: string;
}


/** The territory with its name when the collector knows it (a build's, else the directory's: official or custom). */
export function named(ctx: CockpitContext, t: TerritoryRef): NamedTerritory {
  const out: NamedTerritory = { level: t.level, code: t.code };
  const build = ctx.registry.accepted().find((b) => b.compiled.territory?.level === t.level && b.compiled.territory.code === t.code);
  const name = build?.compiled.territory?.name ?? ctx.territories.name(t);
  if (name) out.name = name;
  return out;
}

/** The configured sector question. */
export function sectorQuestion(ctx: CockpitContext): string {
  return ctx.stats?.sectorQuestion ?? DEFAULT_SECTOR_QUESTION;
}

/**
 * The versions a wave takes answers with (its `waves` range; every version of a wave not
 * listed, or when none is in its range), so that a wave is never shown another's codes.
 */
function ofWave<T>(ctx: CockpitContext, wave: string | null, list: readonly T[], version: (x: T) => string): T[] {
  const kept = wave === null ? [...list] : list.filter((x) => waveAccepts(ctx.waves ?? [], wave, version(x)));
  return kept.length ? kept : [...list];
}

/**
 * Sector codes and labels of the versions the wave takes, newest version first: a wave of the
 * 2027 core lists `action_sociale` and `sante`, not 2026's `social_sante` (nor is it a
 * sector to chase there).
 */
export async function sectorLabels(ctx: CockpitContext, wave: string | null): Promise<Map<string, LocalizedText>> {
  return sectorChoices(ofWave(ctx, wave, await ctx.registry.all(), (c) => c.questionnaire.version), sectorQuestion(ctx));
}

/**
 * The build answers of a wave are keyed in with for a territory: its extension's, else the
 * bare core's, among those the wave takes, the newest core first. Its `buildId` (the build's
 * directory, which `/iframe/` and `/questionnaires/` are addressed by) may differ from the
 * compiled id: one extension built on two cores gives two directories of the same id.
 */
export function buildFor(ctx: CockpitContext, t: TerritoryRef, wave: string | null): AcceptedBuild | undefined {
  const accepted = ofWave(ctx, wave, ctx.registry.accepted(), (b) => b.compiled.questionnaire.version)
    .sort((a, b) => compareVersions(b.compiled.questionnaire.version, a.compiled.questionnaire.version));
  const own = (c: CompiledQuestionnaire) => c.territory?.level === t.level && c.territory.code === t.code;
  return accepted.find((b) => own(b.compiled)) ?? accepted.find((b) => b.compiled.extension === null);
}

/**
 * The questionnaire id a wave's responses are exported under (`questionnaire=` of
 * `/v1/exports/…`): the bare core's among the builds the wave takes, else any's; null without one.
 */
export function waveQuestionnaire(ctx: CockpitContext, wave: string | null): string | null {
  const accepted = ofWave(ctx, wave, ctx.registry.accepted(), (b) => b.compiled.questionnaire.version);
  return (accepted.find((b) => b.compiled.extension === null) ?? accepted[0])?.compiled.questionnaire.id ?? null;
}
