/**
 * Reading the attributes an embedding page sets: territory ("level:code"), channel, and the
 * response context that goes into every payload.
 */
import type { CompiledQuestionnaire, Locale, ResponseContext } from '@olva/runtime';
import { isTerritoryLevel } from '@olva/schema';
import type { Strings } from '../strings.js';
import { CLIENT } from '../version.js';

/** A territory as the payload names it. */
export type TerritoryRef = ResponseContext['territory'];

/** Reads `territory="commune:35238"`; null when absent, 'invalid' when unreadable. */
export function parseTerritory(attribute: string | null | undefined): TerritoryRef | null | 'invalid' {
  const text = attribute?.trim();
  if (!text) return null;
  const match = /^([a-z]+):([A-Za-z0-9_.-]+)$/.exec(text);
  if (!match || !isTerritoryLevel(match[1])) return 'invalid';
  return { level: match[1], code: match[2] };
}

/** The channels of the contract; anything else is `web`. */
export type Channel = ResponseContext['channel'];

/** Reads the `channel` attribute. */
export function parseChannel(attribute: string | null | undefined): Channel {
  return attribute === 'paper' || attribute === 'phone' || attribute === 'kiosk' ? attribute : 'web';
}

/** What the page said, before checking it. */
export interface PageSettings {
  territory?: string | null;
  wave?: string | null;
  source?: string | null;
  channel?: string | null;
  locale: Locale;
}

/**
 * The response context, or the configuration problems that prevent building one (missing or
 * unreadable territory, missing wave), worded for the page's developer.
 * The territory attribute wins; the compiled questionnaire's territory is the default.
 */
export function responseContext(
  settings: PageSettings, compiled: CompiledQuestionnaire, strings: Strings,
): { context: ResponseContext; problems: [] } | { context: null; problems: string[] } {
  const problems: string[] = [];
  const parsed = parseTerritory(settings.territory);
  let territory: TerritoryRef | null = null;
  if (parsed === 'invalid') problems.push(strings.badTerritory);
  else territory = parsed ?? (compiled.territory ? { level: compiled.territory.level, code: compiled.territory.code } : null);
  if (!territory && parsed !== 'invalid') problems.push(strings.missingTerritory);
  const wave = settings.wave?.trim();
  if (!wave) problems.push(strings.missingWave);
  if (!territory || !wave) return { context: null, problems };
  const context: ResponseContext = {
    territory, wave, channel: parseChannel(settings.channel), locale: settings.locale, client: CLIENT,
  };
  const source = settings.source?.trim();
  if (source) context.source = source;
  return { context, problems: [] };
}
