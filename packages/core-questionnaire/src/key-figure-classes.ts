/**
 * The numeric classes the results documents aggregate (`olva analyse`, the collector's results):
 * those the key-figures sheet declares beside the core (`key-figures.json`, e.g. the
 * association's age in classes 5, 10, 20 years), so that a results document already holds what
 * `olva report key-figures` prints. Here, the lowest package both the CLI and the collector use,
 * since the file is versioned with the core. Only questions that the analysed versions ask as
 * numbers keep their classes: the aggregation refuses the others.
 */
import { readFileSync } from 'node:fs';
import type { CompiledQuestionnaire } from '@olva/schema';
import { keyFiguresPath } from './index.js';

const NUMERIC_TYPES: ReadonlySet<string> = new Set(['integer', 'decimal', 'year']);

let declared: Record<string, number[]> | undefined;

/**
 * The class bounds of the `classes` figures of `key-figures.json`, read once. The file is the
 * package's own and `@olva/reports` checks it in full against the core (strictly ascending
 * bounds included; its test of the shipped file keeps it so), as `keyFigureClasses` of
 * `@olva/reports` reads any other sheet.
 */
function declaredClasses(): Record<string, number[]> {
  if (declared) return declared;
  const doc = JSON.parse(readFileSync(keyFiguresPath, 'utf8')) as { pages: { figures: { question: string; show: string; classes?: number[] }[] }[] };
  const out: Record<string, number[]> = {};
  for (const page of doc.pages) for (const f of page.figures) if (f.show === 'classes' && f.classes) out[f.question] = [...f.classes];
  declared = out;
  return out;
}

/** Class bounds per question id, from the key-figures sheet, for the numeric questions of `compiled`. */
export function keyFigureClassesFor(compiled: readonly CompiledQuestionnaire[]): Record<string, number[]> {
  const numeric = new Set(compiled.flatMap((c) => c.sections.flatMap((s) => s.questions)).filter((q) => NUMERIC_TYPES.has(q.type)).map((q) => q.id));
  return Object.fromEntries(Object.entries(declaredClasses()).filter(([id]) => numeric.has(id)).map(([id, b]) => [id, [...b]]));
}
