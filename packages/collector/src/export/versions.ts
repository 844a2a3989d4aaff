/**
 * Which compiled versions an export reads: every kept version of the questionnaire, without
 * the extensions of territories outside the export. Choosing from the kept versions (rather
 * than scanning the responses first) keeps an export to a single pass over the store; a
 * version with no response in the export only adds empty columns.
 */
import type { CompiledQuestionnaire } from '@olva/schema';
import type { TerritoryRef } from '../store/types.js';

/** The versions of `questionnaireId` whose columns an export over `territories` needs. */
export function exportVersions(
  known: readonly CompiledQuestionnaire[],
  questionnaireId: string,
  territories: TerritoryRef[] | 'all',
): CompiledQuestionnaire[] {
  const seen = new Set<string>();
  return known.filter((c) => {
    if (c.questionnaire.id !== questionnaireId) return false;
    const key = `${c.questionnaire.version}+${c.extension?.id ?? ''}@${c.extension?.version ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    if (!c.extension || territories === 'all' || !c.territory) return true;
    const t = c.territory;
    return territories.some((r) => r.level === t.level && r.code === t.code);
  });
}
