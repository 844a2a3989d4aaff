/**
 * Random JsonLogic expressions of the safe subset (`SAFE_OPERATORS`) and random answers for
 * them, for the differential tests of the evaluator against json-logic-js: nested
 * expressions with literals of every JSON type, variables over plain ids, matrix rows,
 * dotted extension ids, unanswered and odd names, and every argument shape the subset allows
 * (one argument without its array, none, too many). Never a literal object: conditions have
 * none (the runtime refuses them).
 */
import type { Condition } from '@olva/schema';

/** A source of numbers in [0, 1) (`prng(seed)`). */
export type Random = () => number;

function pick<T>(random: Random, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

/**
 * The variable names the expressions read: answers (`secteur`), a matrix and its rows
 * (`grille`, `grille.x`), extension ids (`rennes.locaux`, the plain `rennes` beside it), an
 * extension's matrix (`lor.grille.y`), unanswered ones, names of prototype properties, a
 * number, and the empty name (the whole data).
 */
export const LOGIC_NAMES: readonly (string | number)[] = [
  'a', 'b', 'n', 'secteur', 'publics', 'grille', 'grille.x', 'grille.y', 'grille.z',
  'rennes', 'rennes.locaux', 'rennes.autre', 'lor.grille', 'lor.grille.x', 'lor.grille.y',
  'absent', 'absent.x', 'constructor', 'a.length', 'toString', '', 0, 1,
];

/** The answer keys the random answers may hold (names read by `LOGIC_NAMES`, and others). */
const ANSWER_KEYS = ['a', 'b', 'n', 'secteur', 'publics', 'grille', 'rennes', 'rennes.locaux', 'lor.grille', '0', '1', 'autre'];

/** Matrix rows: never an operator's name, so a one-row matrix is no operation. */
const ROWS = ['x', 'y', 'z'];

const STRINGS = ['', 'a', 'abc', 'sport', 'culture', '0', '1', '2.5', ' ', 'true', 'null', 'x', 'jeunes', 'a,b'];
const NUMBERS = [0, 1, -1, 2, 2.5, 3, 10, 100, -0.5, 1e21];

/** A random JSON scalar. */
export function randomScalar(random: Random): unknown {
  const r = random();
  if (r < 0.1) return null;
  if (r < 0.25) return random() < 0.5;
  if (r < 0.6) return pick(random, NUMBERS);
  return pick(random, STRINGS);
}

/** A random list of scalars (empty one time in five). */
function randomList(random: Random): unknown[] {
  const size = random() < 0.2 ? 0 : 1 + Math.floor(random() * 3);
  return Array.from({ length: size }, () => randomScalar(random));
}

/** A random answer value: a scalar, a list of scalars, or a matrix answer (rows to scalars). */
export function randomAnswer(random: Random): unknown {
  const r = random();
  if (r < 0.6) return randomScalar(random);
  if (r < 0.8) return randomList(random);
  return Object.fromEntries(ROWS.filter(() => random() < 0.6).map((row) => [row, randomScalar(random)]));
}

/** Random answers: each key of a fixed list present about half of the time. */
export function randomAnswers(random: Random): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const key of ANSWER_KEYS) if (random() < 0.55) answers[key] = randomAnswer(random);
  return answers;
}

const OPERATORS = ['==', '===', '!=', '!==', '<', '<=', '>', '>=', '!', '!!', 'and', 'or', 'in', '+', '-', '*', '/', '%', 'min', 'max'];

/** A `var`: name alone, in a list, or with a fallback (itself an expression). */
function randomVar(random: Random, depth: number): Condition {
  const name = pick(random, LOGIC_NAMES);
  const r = random();
  if (r < 0.45) return { var: name } as Condition;
  if (r < 0.7) return { var: [name] } as Condition;
  return { var: [name, randomLogic(random, depth + 1)] } as Condition;
}

/** A list of names for `missing`, sometimes with a computed one. */
function randomNames(random: Random, depth: number): unknown[] {
  const size = random() < 0.1 ? 0 : 1 + Math.floor(random() * 3);
  return Array.from({ length: size }, () => (random() < 0.85 ? pick(random, LOGIC_NAMES) : randomLogic(random, depth + 1)));
}

function randomMissing(random: Random, depth: number): Condition {
  const r = random();
  if (r < 0.4) return { missing: randomNames(random, depth) } as Condition;
  if (r < 0.55) return { missing: pick(random, LOGIC_NAMES) } as Condition;
  if (r < 0.7) return { missing: [randomNames(random, depth)] } as Condition;
  if (r < 0.8) return { missing: randomVar(random, depth) } as Condition;
  const need = random() < 0.8 ? Math.floor(random() * 4) : randomLogic(random, depth + 1);
  const options = random() < 0.85 ? randomNames(random, depth) : randomVar(random, depth);
  return { missing_some: [need, options] } as Condition;
}

/**
 * A random expression of the safe subset, at most about `6 - depth` levels deep: literals
 * (scalars and lists, possibly holding expressions), variables, `missing`/`missing_some`,
 * and the other operators with zero to four arguments (one sometimes written without its
 * array).
 */
export function randomLogic(random: Random, depth = 0): unknown {
  const r = random();
  if (depth >= 5 || r < 0.15) return random() < 0.8 ? randomScalar(random) : randomList(random);
  if (r < 0.4) return randomVar(random, depth);
  if (r < 0.5) return randomMissing(random, depth);
  if (r < 0.53) return Array.from({ length: 1 + Math.floor(random() * 2) }, () => randomLogic(random, depth + 1));
  const op = pick(random, OPERATORS);
  const size = pick(random, [0, 1, 1, 2, 2, 2, 2, 2, 3, 3, 4]);
  const args = Array.from({ length: size }, () => randomLogic(random, depth + 1));
  if (size === 1 && random() < 0.5 && !Array.isArray(args[0])) return { [op]: args[0] };
  return { [op]: args };
}

/** What evaluating gave: its value, or that it threw (both evaluators must do the same). */
export type Outcome = { value: unknown } | { threw: true };

/** Runs `evaluate` and records its outcome. */
export function outcome(evaluate: () => unknown): Outcome {
  try {
    return { value: evaluate() };
  } catch {
    return { threw: true };
  }
}
