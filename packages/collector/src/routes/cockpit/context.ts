/**
 * What the cockpit's views read besides the responses: the configuration's targets and
 * expected distributions, the questionnaires (sector labels, the build of a territory) and
 * the names of territories.
 */
import type { CompiledQuestionnaire, LocalizedText } from '@olva/schema';
import type { CustomTerritory } from '../../config/load.js';
import type { QuestionnaireRegistry } from '../../questionnaire-registry.js';
import type { SqlDb } from '../../store/sql.js';
import type { TerritoryRef } from '../../store/types.js';
import { currentCommunes, type TerritoryDirectory } from '../../territories.js';
import { DEFAULT_SECTOR_QUESTION, sectorChoices } from '../../stats/sample.js';
import type { StatsConfig } from '../../stats/expected.js';

/** Everything the views need from the collector. */
export interface CockpitContext {
  db: SqlDb;
  stats?: StatsConfig;
  registry: QuestionnaireRegistry;
  territories: TerritoryDirectory;
  customTerritories: readonly CustomTerritory[];
}

/** A territory as the cockpit shows it. */
export interface NamedTerritory extends TerritoryRef {
  name?: string;
}

let communeNames: Map<string, string> | undefined;

/** The territory with its name when the collector knows it (a build's, a custom one's, a commune's). */
export function named(ctx: CockpitContext, t: TerritoryRef): NamedTerritory {
  const out: NamedTerritory = { level: t.level, code: t.code };
  const build = ctx.registry.accepted().find((b) => b.compiled.territory?.level === t.level && b.compiled.territory.code === t.code);
  let name: string | undefined = build?.compiled.territory?.name;
  if (!name && t.level === 'custom') name = ctx.customTerritories.find((c) => c.code === t.code)?.name;
  if (!name && t.level === 'commune') {
    communeNames ??= new Map(currentCommunes().map((c) => [c.code, c.nom]));
    name = communeNames.get(t.code);
  }
  if (name) out.name = name;
  return out;
}

/** The configured sector question. */
export function sectorQuestion(ctx: CockpitContext): string {
  return ctx.stats?.sectorQuestion ?? DEFAULT_SECTOR_QUESTION;
}

/** Sector codes and labels, newest version first. */
export async function sectorLabels(ctx: CockpitContext): Promise<Map<string, LocalizedText>> {
  return sectorChoices(await ctx.registry.all(), sectorQuestion(ctx));
}

/** The build answers are keyed in with for a territory: its extension's, else the bare core's. */
export function buildFor(ctx: CockpitContext, t: TerritoryRef): CompiledQuestionnaire | undefined {
  const accepted = ctx.registry.accepted().map((b) => b.compiled);
  return accepted.find((c) => c.territory?.level === t.level && c.territory.code === t.code) ?? accepted.find((c) => c.extension === null);
}
