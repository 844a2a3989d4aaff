/**
 * The one evaluator of the safe JsonLogic subset (`SAFE_OPERATORS`), shared by the runtime
 * (conditions in the browser and the collector) and the compiler (the SurveyJS translator's
 * constant folding and answer domains).
 *
 * An expression is compiled once into a tree of closures, then run on data as often as
 * needed: no interpretation of the JSON at each evaluation, and no `eval` or `new Function`
 * (the embed runs under a strict CSP). The semantics are json-logic-js's (2.0.5), operator
 * by operator: loose `==`, JavaScript coercions, `parseFloat` in `+` and `*`, `in` on strings
 * and arrays, `missing`/`missing_some` returning lists, `var` with its fallback and `null` for
 * an absent name, `and`/`or` returning an operand, JsonLogic truthiness (an empty array is
 * false), every argument evaluated before the operator runs except in `and`/`or`. The
 * runtime's differential test compares both on random expressions and data.
 *
 * One deliberate difference: json-logic-js evaluates again, as logic, the names that
 * `missing` and `missing_some` compute from the data; here such a value is only evaluated
 * when its operators are in the safe subset (an unknown or unsafe one throws, where
 * json-logic-js would run `log`, `method`…).
 */
import { isSafeOperator } from './conditions.js';
import { isJsonObject } from './same-json.js';

/** The data an expression reads: the variables, by name. */
export type LogicData = Readonly<Record<string, unknown>>;

/** A compiled expression: its value on `data`, as json-logic-js's `apply` would give it. */
export type CompiledLogic = (data: LogicData) => unknown;

/**
 * Reads the value of one variable name (never empty) in the data; `undefined` when absent
 * (the caller then gives the `var` fallback, or `null`).
 */
export type NameReader = (data: LogicData) => unknown;

/** How variable names are read: makes the reader of one name, once per name and expression. */
export type NameReading = (name: string) => NameReader;

/** JsonLogic truthiness: an empty array is false; otherwise JavaScript truthiness. */
export function truthy(value: unknown): boolean {
  if (Array.isArray(value) && value.length === 0) return false;
  return !!value;
}

/** True when `node` is an operation object `{op: args}` (any other object is a literal). */
export function isOperation(node: unknown): node is Record<string, unknown> {
  return isJsonObject(node) && Object.keys(node).length === 1;
}

/** The operator and argument list of an operation (`{"!": x}` has the one argument `x`). */
export function operation(node: Record<string, unknown>): [string, unknown[]] {
  const op = Object.keys(node)[0];
  const raw = node[op];
  return [op, Array.isArray(raw) ? raw : [raw]];
}

/**
 * json-logic-js's reading of a name: split on dots, each part one property further
 * (`grille.ligne` is row `ligne` of the answer `grille`). A name without a dot is one
 * property lookup.
 */
export function pathName(name: string): NameReader {
  if (!name.includes('.')) return (data) => data[name];
  const parts = name.split('.');
  return (data) => {
    let value: unknown = data;
    for (let i = 0; i < parts.length; i++) {
      if (value === null || value === undefined) return undefined;
      value = (value as Record<string, unknown>)[parts[i]];
    }
    return value;
  };
}

/**
 * The reading of answers keyed by full question id (extension ids are dotted:
 * `rennes.locaux` is one key): the name as one own property first; failing that, a dotted
 * name descends through own properties of objects (`difficultes.locaux` is row `locaux` of
 * matrix `difficultes`). Never reads an inherited property.
 */
export function answerName(name: string): NameReader {
  const parts = name.split('.');
  return (data) => {
    if (Object.prototype.hasOwnProperty.call(data, name)) return data[name];
    let value: unknown = data;
    for (let i = 0; i < parts.length; i++) {
      if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, parts[i])) return undefined;
      value = (value as Record<string, unknown>)[parts[i]];
    }
    return value;
  };
}

/**
 * Compiles a JsonLogic expression of the safe subset. `names` says how variable names are
 * read (default: json-logic-js's `pathName`). Throws on an operator outside the subset,
 * wherever it is; checks nothing else (the runtime's `assertSafeCondition` refuses computed
 * names and literal objects before compiling).
 */
export function compileLogic(node: unknown, names: NameReading = pathName): CompiledLogic {
  return compileNode(node, names);
}

/** Compiles `node` and evaluates it on `data` once (see `compileLogic`). */
export function evaluateLogic(node: unknown, data: LogicData, names: NameReading = pathName): unknown {
  return compileNode(node, names)(data);
}

/** A literal (no operation inside) and its value, or undefined. */
function literal(node: unknown): { value: unknown } | undefined {
  if (Array.isArray(node)) {
    const items: unknown[] = [];
    for (const item of node) {
      const known = literal(item);
      if (known === undefined) return undefined;
      items.push(known.value);
    }
    // One array for every evaluation: frozen, so that no reader of a result can change it.
    return { value: Object.freeze(items) };
  }
  return isOperation(node) ? undefined : { value: node };
}

function compileNode(node: unknown, names: NameReading): CompiledLogic {
  const known = literal(node);
  if (known !== undefined) {
    const value = known.value;
    return () => value;
  }
  if (Array.isArray(node)) {
    const items = node.map((n) => compileNode(n, names));
    return (data) => items.map((item) => item(data));
  }
  const [op, args] = operation(node as Record<string, unknown>);
  if (!isSafeOperator(op)) throw new Error(`unsupported JsonLogic operator "${op}"`);
  if (op === 'var') return compileVar(args, names);
  if (op === 'missing') return compileMissing(args, names);
  if (op === 'missing_some') return compileMissingSome(args, names);
  const parts = args.map((a) => compileNode(a, names));
  if (op === 'and') return compileJunction(parts, false);
  if (op === 'or') return compileJunction(parts, true);
  return compileOperator(op, parts);
}

/** The value of `var` once its name and fallback are known (json-logic-js's `var`). */
function readVariable(data: LogicData, name: unknown, fallback: unknown, names: NameReading): unknown {
  if (name === undefined || name === '' || name === null) return data;
  const value = names(String(name))(data);
  return value === undefined ? (fallback === undefined ? null : fallback) : value;
}

function compileVar(args: unknown[], names: NameReading): CompiledLogic {
  const name = literal(args[0]);
  // json-logic-js evaluates every argument: anything after the fallback too.
  const extraComputed = args.slice(2).some((a) => literal(a) === undefined);
  if (name === undefined || (typeof name.value !== 'string' && typeof name.value !== 'number') || extraComputed) {
    const computed = args.map((a) => compileNode(a, names));
    return (data) => {
      const values = computed.map((c) => c(data));
      return readVariable(data, values[0], values[1], names);
    };
  }
  const key = String(name.value);
  // The empty name reads the whole data.
  const read = key === '' ? null : names(key);
  const fallbackKnown = literal(args[1]);
  if (fallbackKnown !== undefined) {
    // The common case, `{"var": "secteur"}`: one property read.
    const notFound = fallbackKnown.value === undefined ? null : fallbackKnown.value;
    return (data) => {
      if (read === null) return data;
      const value = read(data);
      return value === undefined ? notFound : value;
    };
  }
  const fallback = compileNode(args[1], names);
  return (data) => {
    const notFound = fallback(data);
    if (read === null) return data;
    const value = read(data);
    return value === undefined ? (notFound === undefined ? null : notFound) : value;
  };
}

/**
 * The value json-logic-js gives `{"var": key}` when `key` was computed (an element of a
 * `missing` list): an array is read as `[name, fallback]`, and logic inside is evaluated
 * (safe operators only).
 */
function readComputed(data: LogicData, key: unknown, names: NameReading): unknown {
  const values = Array.isArray(key) ? key.map((k) => asLogic(k, data, names)) : [asLogic(key, data, names)];
  return readVariable(data, values[0], values[1], names);
}

/** A computed value evaluated again as logic, as json-logic-js's `missing` does. */
function asLogic(value: unknown, data: LogicData, names: NameReading): unknown {
  if (Array.isArray(value)) return value.map((v) => asLogic(v, data, names));
  return isOperation(value) ? compileNode(value, names)(data) : value;
}

/** json-logic-js's `missing` on the values of its arguments. */
function missingOf(values: unknown[], data: LogicData, names: NameReading): unknown[] {
  const keys = Array.isArray(values[0]) ? (values[0] as unknown[]) : values;
  const missing: unknown[] = [];
  for (let i = 0; i < keys.length; i++) {
    const value = readComputed(data, keys[i], names);
    if (value === null || value === '') missing.push(keys[i]);
  }
  return missing;
}

function compileMissing(args: unknown[], names: NameReading): CompiledLogic {
  if (args.every((k) => typeof k === 'string' || typeof k === 'number')) {
    // Literal names (the usual case): a reader each, made once. The empty name reads the
    // whole data, which is never missing.
    const reads = args.map((k) => (k === '' ? null : names(String(k))));
    return (data) => {
      const missing: unknown[] = [];
      for (let i = 0; i < reads.length; i++) {
        const read = reads[i];
        if (read === null) continue;
        const value = read(data);
        if (value === undefined || value === null || value === '') missing.push(args[i]);
      }
      return missing;
    };
  }
  const parts = args.map((a) => compileNode(a, names));
  return (data) => missingOf(parts.map((p) => p(data)), data, names);
}

function compileMissingSome(args: unknown[], names: NameReading): CompiledLogic {
  const parts = args.map((a) => compileNode(a, names));
  return (data) => {
    const values = parts.map((p) => p(data));
    const options = values[1];
    const optionValues = Array.isArray(options) ? options.map((o) => asLogic(o, data, names)) : [asLogic(options, data, names)];
    const areMissing = missingOf(optionValues, data, names);
    return (options as { length: number }).length - areMissing.length >= (values[0] as number) ? [] : areMissing;
  };
}

/** `and` (`until` false: the first falsy operand) or `or` (the first truthy one), else the last. */
function compileJunction(parts: CompiledLogic[], until: boolean): CompiledLogic {
  return (data) => {
    let current: unknown;
    for (let i = 0; i < parts.length; i++) {
      current = parts[i](data);
      if (truthy(current) === until) return current;
    }
    return current;
  };
}

/* eslint-disable eqeqeq, @typescript-eslint/no-explicit-any */
type Operator = (...values: any[]) => unknown;

/** The other operators, on the values of their arguments: json-logic-js's bodies. */
const OPERATORS: Readonly<Record<string, Operator>> = {
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
  '+': (...values) => values.reduce((a: any, b: any) => parseFloat(a) + parseFloat(b), 0),
  '*': (...values) => values.reduce((a: any, b: any) => parseFloat(a) * parseFloat(b)),
  '-': (a, b) => (b === undefined ? -a : a - b),
  '/': (a, b) => a / b,
  min: (...values) => Math.min(...values),
  max: (...values) => Math.max(...values),
};

/* eslint-enable eqeqeq, @typescript-eslint/no-explicit-any */

/** An operator called with exactly the values of its arguments, as json-logic-js calls it. */
function compileOperator(op: string, parts: CompiledLogic[]): CompiledLogic {
  const apply = OPERATORS[op];
  if (parts.length === 1) {
    const [a] = parts;
    return (data) => apply(a(data));
  }
  if (parts.length === 2) {
    const [a, b] = parts;
    return (data) => {
      const left = a(data);
      return apply(left, b(data));
    };
  }
  return (data) => apply(...parts.map((part) => part(data)));
}
