/**
 * The cockpit's view of the network: every territory of a wave the token's scope covers,
 * with its responses, target, last response and the sectors it lacks. The territories are
 * those the collector knows (targets, expected distributions, extensions' territories,
 * tokens' scopes) and those responses name; a response counts for every known territory it
 * lies in, and a territory of its own otherwise.
 */
import { territoryKey } from '@olva/schema';
import type { TerritoryRef } from '../../store/types.js';
import { refreshFacts } from '../../store/facts.js';
import { findExpected, findTarget } from '../../stats/expected.js';
import { roundShare } from '../../stats/sample.js';
import type { TokenConfig } from '../../config/load.js';
import { named, sectorLabels, sectorQuestion, waveQuestionnaire, type CockpitContext, type NamedTerritory } from './context.js';
import { territoryGroups, wavesOf } from './queries.js';
import { compareSectors } from './sectors.js';

/** One territory of the network view. */
export interface NetworkRow {
  territory: NamedTerritory;
  responses: number;
  target: number | null;
  progress: number | null;
  lastResponse: string | null;
  paper: number;
  /** Sectors to chase first (see `SectorComparison.chase`). */
  sectorsMissing: string[];
  sectorBasis: 'expected' | 'none';
}

/** The document of `GET /v1/cockpit/network`. */
export interface NetworkView {
  wave: string | null;
  waves: string[];
  responses: number;
  territories: NetworkRow[];
  /** The questionnaire the wave's responses are exported under (the page's export of the whole scope); null without a build. */
  questionnaire: string | null;
}

const key = territoryKey;

/** The territories the configuration and builds name for `wave` (before any scope check). */
export function knownTerritories(ctx: CockpitContext, tokens: readonly TokenConfig[], wave: string | null): TerritoryRef[] {
  const out = new Map<string, TerritoryRef>();
  const add = (t: TerritoryRef): void => { if (!out.has(key(t))) out.set(key(t), { level: t.level, code: t.code }); };
  for (const e of [...(ctx.stats?.targets ?? []), ...(ctx.stats?.expected ?? [])]) if (e.wave === undefined || e.wave === wave) add(e.territory);
  for (const b of ctx.registry.accepted()) if (b.compiled.territory) add(b.compiled.territory);
  for (const t of tokens) if (t.scope.territories !== 'all') t.scope.territories.forEach(add);
  return [...out.values()];
}

/**
 * Builds the network view. `covered` filters the responses (the token's reach); `known`
 * lists the territories of a wave, and `visible` says whether one is shown to this token.
 */
export async function networkView(
  ctx: CockpitContext, known: (wave: string | null) => readonly TerritoryRef[], visible: (t: TerritoryRef) => boolean,
  covered: TerritoryRef[] | 'all', askedWave?: string,
): Promise<NetworkView> {
  await refreshFacts(ctx.db, sectorQuestion(ctx));
  const waves = await wavesOf(ctx.db, { territories: covered });
  const wave = askedWave ?? waves[0] ?? null;
  const groups = wave === null ? [] : await territoryGroups(ctx.db, { territories: covered, waves: [wave] });

  interface Acc { territory: TerritoryRef; responses: number; paper: number; last: string | null; sectors: Map<string, number> }
  const rows = new Map<string, Acc>();
  const accOf = (t: TerritoryRef): Acc => {
    let a = rows.get(key(t));
    if (!a) rows.set(key(t), a = { territory: t, responses: 0, paper: 0, last: null, sectors: new Map() });
    return a;
  };
  const shown = known(wave).filter(visible);
  shown.forEach(accOf);
  // Which rows a response territory counts for, worked out once per distinct territory.
  const homes = new Map<string, Acc[]>();
  let total = 0;
  for (const g of groups) {
    let into = homes.get(key(g.territory));
    if (!into) {
      const containers = shown.filter((k) => ctx.territories.within(g.territory, k));
      into = containers.length ? containers.map(accOf) : [accOf(g.territory)];
      homes.set(key(g.territory), into);
    }
    total += g.count;
    for (const a of into) {
      a.responses += g.count;
      a.paper += g.paper;
      if (a.last === null || g.last > a.last) a.last = g.last;
      if (g.sector !== null) a.sectors.set(g.sector, (a.sectors.get(g.sector) ?? 0) + g.count);
    }
  }
  const labels = await sectorLabels(ctx, wave);
  const territories = [...rows.values()]
    .sort((a, b) => a.territory.level.localeCompare(b.territory.level) || a.territory.code.localeCompare(b.territory.code))
    .map((a): NetworkRow => {
      const target = wave === null ? undefined : findTarget(ctx.stats?.targets, a.territory, wave)?.target;
      const expected = wave === null ? undefined : findExpected(ctx.stats?.expected, a.territory, wave);
      const sectors = compareSectors(a.sectors, labels, expected, target);
      return {
        territory: named(ctx, a.territory), responses: a.responses, target: target ?? null,
        progress: target ? roundShare(a.responses / target) : null, lastResponse: a.last, paper: a.paper,
        sectorsMissing: sectors.chase, sectorBasis: sectors.basis,
      };
    });
  return { wave, waves, responses: total, territories, questionnaire: waveQuestionnaire(ctx, wave) };
}
