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

type Figure = { question?: unknown; show?: unknown; classes?: unknown };

let declared: Record<string, number[]> | undefined;

/**
 * The class bounds of the `classes` figures of `key-figures.json`, read once. The file is the
 * package's own (checked in full by `@olva/reports`); the bounds are checked here too, since
 * they shape every results document: a bad file is a bug of the package, so it throws.
 */
function declaredClasses(): Record<string, number[]> {
  if (declared) return declared;
  const doc = JSON.parse(readFileSync(keyFiguresPath, 'utf8')) as { pages?: { figures?: Figure[] }[] };
  const out: Record<string, number[]> = {};
  (doc.pages ?? []).forEach((page, i) => (page.figures ?? []).forEach((f, j) => {
    if (f.show !== 'classes' || f.classes === undefined) return;
    const bounds = f.classes;
    const ok = typeof f.question === 'string' && Array.isArray(bounds)
      && bounds.every((b, n) => typeof b === 'number' && Number.isFinite(b) && (n === 0 || b > (bounds[n - 1] as number)));
    if (!ok) throw new Error(`${keyFiguresPath}#/pages/${i}/figures/${j}/classes: [key-figures/classes] class bounds must be strictly ascending numbers`);
    out[f.question as string] = [...(bounds as number[])];
  }));
  declared = out;
  return out;
}

/** Class bounds per question id, from the key-figures sheet, for the numeric questions of `compiled`. */
export function keyFigureClassesFor(compiled: readonly CompiledQuestionnaire[]): Record<string, number[]> {
  const numeric = new Set(compiled.flatMap((c) => c.sections.flatMap((s) => s.questions)).filter((q) => NUMERIC_TYPES.has(q.type)).map((q) => q.id));
  return Object.fromEntries(Object.entries(declaredClasses()).filter(([id]) => numeric.has(id)).map(([id, b]) => [id, [...b]]));
}
