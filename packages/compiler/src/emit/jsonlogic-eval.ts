/**
 * A tiny evaluator of the safe JsonLogic subset with json-logic-js semantics (loose `==`,
 * JavaScript coercions, JsonLogic truthiness), over flat answers keyed by question id. The
 * SurveyJS translator uses it to fold constants and enumerate finite answer domains, so that
 * the translated expression agrees with the runtime value by value. Tests compare it with
 * json-logic-js itself.
 */

/** JsonLogic truthiness: an empty array is false; otherwise JavaScript truthiness. */
export function truthy(value: unknown): boolean {
  if (Array.isArray(value) && value.length === 0) return false;
  return !!value;
}

/** True when `node` is an operation object `{op: args}`. */
export function isOperation(node: unknown): node is Record<string, unknown> {
  return node !== null && typeof node === 'object' && !Array.isArray(node) && Object.keys(node).length === 1;
}

/** The operator and argument list of an operation. */
export function operation(node: Record<string, unknown>): [string, unknown[]] {
  const [op, raw] = Object.entries(node)[0];
  return [op, Array.isArray(raw) ? raw : [raw]];
}

/**
 * Answers are looked up by their full question id first (extension ids are dotted:
 * `rennes.locaux` is one flat key); failing that, a dotted name descends into objects as
 * json-logic-js does (`difficultes.locaux` is row `locaux` of matrix `difficultes`).
 */
export function lookup(answers: Readonly<Record<string, unknown>>, key: unknown, notFound: unknown = null): unknown {
  if (key === undefined || key === null || key === '') return answers;
  const k = String(key);
  if (Object.prototype.hasOwnProperty.call(answers, k)) {
    const v = answers[k];
    return v === undefined ? notFound : v;
  }
  let data: unknown = answers;
  for (const part of k.split('.')) {
    if (data === null || typeof data !== 'object' || !Object.prototype.hasOwnProperty.call(data, part)) return notFound;
    data = (data as Record<string, unknown>)[part];
    if (data === undefined) return notFound;
  }
  return data;
}

type Fn = (...a: any[]) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any

/* eslint-disable eqeqeq */
const OPS: Record<string, Fn> = {
  '==': (a, b) => a == b,
  '===': (a, b) => a === b,
  '!=': (a, b) => a != b,
  '!==': (a, b) => a !== b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '<': (a, b, c) => (c === undefined ? a < b : a < b && b < c),
  '<=': (a, b, c) => (c === undefined ? a <= b : a <= b && b <= c),
  '!!': (a) => truthy(a),
  '!': (a) => !truthy(a),
  '%': (a, b) => a % b,
  in: (a, b) => (!b || typeof b.indexOf === 'undefined' ? false : b.indexOf(a) !== -1),
  '+': (...args) => args.reduce((a: any, b: any) => parseFloat(a) + parseFloat(b), 0), // eslint-disable-line @typescript-eslint/no-explicit-any
  '*': (...args) => args.reduce((a: any, b: any) => parseFloat(a) * parseFloat(b)), // eslint-disable-line @typescript-eslint/no-explicit-any
  '-': (a, b) => (b === undefined ? -a : a - b),
  '/': (a, b) => a / b,
  min: (...args) => Math.min(...args),
  max: (...args) => Math.max(...args),
};
/* eslint-enable eqeqeq */

/** Evaluates a JsonLogic node (safe subset) on flat answers. Throws on an unknown operator. */
export function evaluate(node: unknown, answers: Readonly<Record<string, unknown>>): unknown {
  if (Array.isArray(node)) return node.map((n) => evaluate(n, answers));
  if (!isOperation(node)) return node;
  const [op, args] = operation(node);
  if (op === 'and' || op === 'or') {
    let current: unknown;
    for (const a of args) {
      current = evaluate(a, answers);
      if (op === 'and' ? !truthy(current) : truthy(current)) return current;
    }
    return current;
  }
  const values = args.map((a) => evaluate(a, answers));
  if (op === 'var') return lookup(answers, values[0], values[1] === undefined ? null : values[1]);
  if (op === 'missing') {
    const keys = Array.isArray(values[0]) ? (values[0] as unknown[]) : values;
    return keys.filter((k) => {
      const v = lookup(answers, k);
      return v === null || v === '';
    });
  }
  if (op === 'missing_some') {
    const keys = values[1] as unknown[];
    const missing = evaluate({ missing: keys }, answers) as unknown[];
    return keys.length - missing.length >= (values[0] as number) ? [] : missing;
  }
  const fn = OPS[op];
  if (!fn) throw new Error(`unsupported JsonLogic operator "${op}"`);
  return fn(...values);
}
