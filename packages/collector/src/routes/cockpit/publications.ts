/**
 * What a token that may publish needs to offer its publications in the cockpit, without the
 * `stats` right (`GET /v1/cockpit/publications`): for each territory it may publish, the waves
 * with responses there and the questionnaire a publication is made of. A token made only to
 * publish (a mairie's communication officer, an elected official) signed in and was told it
 * could see nothing: the waves came from the territory's figures, which it may not read. No
 * figure is given here, only what `PUT …/publication` needs and would tell anyway (a 404 for a
 * wave without responses).
 */
import { isNetworkTerritory, NETWORK_TERRITORY, type TerritoryRef as ResultsTerritory } from '@olva/analysis';
import { sameTerritory } from '@olva/schema';
import type { Principal } from '../../auth.js';
import { refreshFacts } from '../../store/facts.js';
import type { TerritoryRef } from '../../store/types.js';
import { buildFor, named, sectorQuestion, waveQuestionnaire, type CockpitContext } from './context.js';
import { wavesOf } from './queries.js';

/** One territory the token may publish, shaped as the territory view's fields the publication reads. */
export interface PublicationTarget {
  /** The territory, named as the views name it; the network's own results: `{level: "network", code: "all"}`. */
  territory: ResultsTerritory & { name?: string };
  /** The wave asked for, else the newest with responses there; null when it has none. */
  wave: string | null;
  /** Waves with responses there, newest first (the previous wave a publication is compared with). */
  waves: string[];
  /** The questionnaire id a publication of `wave` is made of (`questionnaire=` of `PUT …/publication`); null without a build. */
  questionnaire: string | null;
}

/**
 * The territories `principal` may publish, as `PUT …/publication` decides: each territory its
 * scope names (not those inside them: publication is the territory's own decision), or the
 * network alone for a scope of `"all"`; those of `asked` only, when some are.
 */
export function publishable(principal: Principal, asked: readonly TerritoryRef[]): ResultsTerritory[] {
  const scope = principal.scope.territories;
  const own: ResultsTerritory[] = scope === 'all' ? [{ ...NETWORK_TERRITORY }] : scope.map((t) => ({ level: t.level, code: t.code }));
  return asked.length ? own.filter((t) => asked.some((a) => sameTerritory(a, t))) : own;
}

/** The publication targets of `territories`, each read over the responses counted in it (those collected inside it, as its publication counts them). */
export async function publicationTargets(ctx: CockpitContext, territories: readonly ResultsTerritory[], askedWave?: string): Promise<PublicationTarget[]> {
  await refreshFacts(ctx.db, sectorQuestion(ctx));
  return Promise.all(territories.map(async (t) => {
    const network = isNetworkTerritory(t);
    const waves = await wavesOf(ctx.db, { territories: ctx.territories.covered([t]) });
    const wave = askedWave ?? waves[0] ?? null;
    const questionnaire = network ? waveQuestionnaire(ctx, wave) : buildFor(ctx, t as TerritoryRef, wave)?.compiled.questionnaire.id ?? null;
    return { territory: network ? { ...NETWORK_TERRITORY } : named(ctx, t as TerritoryRef), wave, waves, questionnaire };
  }));
}
