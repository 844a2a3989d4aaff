/**
 * Query parameters shared by the export and statistics routes:
 * `questionnaire=<id>`, `wave=<wave>` (repeatable or comma-separated),
 * `territory=<level>:<code>` (repeatable or comma-separated).
 */
import { parseTerritoryQuery } from '../auth.js';
import type { TerritoryRef } from '../store/types.js';

/** What a read request asks for. */
export interface ReadQuery {
  questionnaire?: string;
  waves?: string[];
  /** Territories named; empty means "all my scope covers". */
  territories: TerritoryRef[];
}

/** A 400 answer body. */
export interface BadRequest {
  error: 'bad-request';
  message: string;
}

const QUESTIONNAIRE_ID = /^[a-z][a-z0-9-]*$/;
const WAVE = /^[0-9A-Za-z_-]{1,32}$/;

function list(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean);
}

/** Parses the query of a read route; `questionnaire` is required when `requireQuestionnaire`. */
export function parseReadQuery(query: Record<string, unknown>, requireQuestionnaire: boolean): ReadQuery | BadRequest {
  const questionnaires = list(query.questionnaire);
  if (questionnaires.length > 1) return { error: 'bad-request', message: 'give one questionnaire id' };
  const questionnaire = questionnaires[0];
  if (questionnaire === undefined && requireQuestionnaire) return { error: 'bad-request', message: 'the questionnaire parameter is required, e.g. ?questionnaire=olva-core' };
  if (questionnaire !== undefined && !QUESTIONNAIRE_ID.test(questionnaire)) return { error: 'bad-request', message: `questionnaire "${questionnaire}" must match ${QUESTIONNAIRE_ID}` };
  const waves = list(query.wave);
  const bad = waves.find((w) => !WAVE.test(w));
  if (bad !== undefined) return { error: 'bad-request', message: `wave "${bad}" must match ${WAVE}` };
  const territories = parseTerritoryQuery(query.territory);
  if ('error' in territories) return { error: 'bad-request', message: territories.error };
  const out: ReadQuery = { territories };
  if (questionnaire !== undefined) out.questionnaire = questionnaire;
  if (waves.length) out.waves = waves;
  return out;
}

/** A file name fragment for an export: `olva-core_2026_commune-35238`. */
export function exportBaseName(q: ReadQuery): string {
  const parts = [q.questionnaire ?? 'olva', ...(q.waves ?? []), ...q.territories.map((t) => `${t.level}-${t.code}`)];
  return parts.join('_').replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 120);
}
