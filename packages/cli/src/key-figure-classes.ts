/**
 * The numeric classes `olva analyse` aggregates: those the key-figures sheet declares beside the
 * core (`key-figures.json`, e.g. the association's age in classes 5, 10, 20 years), so that the
 * results document already holds what `olva report key-figures` prints. Only questions that the
 * analysed versions ask as numbers keep their classes: the aggregation refuses the others.
 */
import type { CompiledQuestionnaire } from '@olva/schema';
import { keyFiguresPath, loadCoreQuestionnaire } from '@olva/core-questionnaire';
import { keyFigureClasses, readKeyFigures } from '@olva/reports';

const NUMERIC_TYPES: ReadonlySet<string> = new Set(['integer', 'decimal', 'year']);

/** Class bounds per question id, from the key-figures sheet, for the numeric questions of `compiled`. */
export function keyFigureClassesFor(compiled: readonly CompiledQuestionnaire[]): Record<string, number[]> {
  const numeric = new Set(compiled.flatMap((c) => c.sections.flatMap((s) => s.questions)).filter((q) => NUMERIC_TYPES.has(q.type)).map((q) => q.id));
  const declared = keyFigureClasses(readKeyFigures(keyFiguresPath, loadCoreQuestionnaire()));
  return Object.fromEntries(Object.entries(declared).filter(([id]) => numeric.has(id)));
}
