/**
 * Classes of a numeric question, as key figures show them ("created less than 5 years ago",
 * "1 to 5 employees"…): ascending bounds b₁ < … < bₖ cut the line into k + 1 classes
 * [−∞, b₁), [b₁, b₂), …, [bₖ, +∞), each closed below and open above. Which bounds a question
 * gets comes from configuration (the key-figures file), not from code.
 */
import { AnalysisError } from '../errors.js';

/** One class: its code and bounds (null for an open end). */
export interface NumericClass {
  /** `[from,to)`, with `-inf` and `+inf` for open ends, e.g. `[-inf,5)`, `[5,10)`, `[20,+inf)`. */
  code: string;
  /** Smallest value in the class (inclusive); null for the first class. */
  from: number | null;
  /** Value above the class (exclusive); null for the last class. */
  to: number | null;
}

/**
 * The classes cut by bounds.
 * @param pointer where the bounds were configured, for errors (e.g. `/classes/nb_salaries`).
 * @throws AnalysisError when the bounds are not finite numbers in strictly increasing order.
 */
export function numericClasses(bounds: readonly number[], pointer: string): NumericClass[] {
  if (!Array.isArray(bounds) || bounds.length === 0) throw new AnalysisError(pointer, 'analysis/classes', 'class bounds are a non-empty list of numbers in increasing order', { fr: 'les bornes des classes sont une liste non vide de nombres croissants', en: 'class bounds are a non-empty list of numbers in increasing order' }, false);
  bounds.forEach((b, i) => {
    if (typeof b !== 'number' || !Number.isFinite(b)) throw new AnalysisError(`${pointer}/${i}`, 'analysis/classes', `a class bound is a finite number, got ${JSON.stringify(b)}`, { fr: `une borne de classe est un nombre fini, pas ${JSON.stringify(b)}`, en: `a class bound is a finite number, got ${JSON.stringify(b)}` }, false);
    if (i > 0 && b <= bounds[i - 1]!) throw new AnalysisError(`${pointer}/${i}`, 'analysis/classes', `class bounds must increase strictly: ${b} comes after ${bounds[i - 1]}`, { fr: `les bornes des classes croissent strictement : ${b} vient après ${bounds[i - 1]}`, en: `class bounds must increase strictly: ${b} comes after ${bounds[i - 1]}` }, false);
  });
  const edges: (number | null)[] = [null, ...bounds, null];
  return edges.slice(0, -1).map((from, i) => {
    const to = edges[i + 1]!;
    return { code: `[${from ?? '-inf'},${to ?? '+inf'})`, from, to };
  });
}

/** The index of the class a value falls in (bounds ascending). */
export function classOf(bounds: readonly number[], value: number): number {
  let i = 0;
  while (i < bounds.length && value >= bounds[i]!) i += 1;
  return i;
}
