/**
 * Evaluation of conditions (`visibleWhen`, `required`, `checks[].when`): JsonLogic limited to
 * the safe subset shared with the compiler. The same function runs in the browser and in the
 * collector, so both always agree. Each condition is checked and compiled once, into closures
 * (`compileLogic` of `@olva/schema`, json-logic-js's semantics without its interpreter).
 */
import { childPointer, compileLogic, isJsonObject, isSafeOperator, truthy, type CompiledLogic, type Condition } from '@olva/schema';
import type { AnswerMap } from './types.js';

/**
 * JsonLogic splits `var` names on dots, but extension question ids contain one
 * (`rennes.locaux`). Names are rewritten with this character, which no id may contain, and
 * the data is keyed the same way: one flat lookup, never a walk through object properties.
 */
const SEP = '\u2024';

/** Thrown when a condition uses an operator outside the safe subset, or a computed variable name. */
export class UnsafeConditionError extends Error {
  constructor(message: string, readonly pointer: string) {
    super(message);
    this.name = 'UnsafeConditionError';
  }
}

const rewritten = new WeakMap<object, Prepared>();

function escapeName(name: unknown): unknown {
  return typeof name === 'string' ? name.split('.').join(SEP) : name;
}

/** Walks the expression, refuses unsafe operators, and rewrites variable names. */
function prepare(node: unknown, pointer: string): unknown {
  if (Array.isArray(node)) return node.map((n, i) => prepare(n, `${pointer}/${i}`));
  if (node === null || typeof node !== 'object') return node;
  const keys = Object.keys(node);
  // json-logic-js treats an object with several keys as a literal; conditions never need one.
  if (keys.length !== 1) {
    throw new UnsafeConditionError(`condition object at "${pointer || '/'}" must have exactly one operator, found ${keys.length}`, pointer);
  }
  const op = keys[0];
  if (!isSafeOperator(op)) {
    throw new UnsafeConditionError(`operator "${op}" at "${pointer || '/'}" is not in the safe subset of JsonLogic`, pointer);
  }
  const raw = (node as Record<string, unknown>)[op];
  const at = childPointer(pointer, op);
  const args = Array.isArray(raw) ? raw : [raw];
  if (op === 'var') {
    const [name, fallback] = args;
    if (name !== undefined && name !== null && typeof name !== 'string' && typeof name !== 'number') {
      throw new UnsafeConditionError(`"var" at "${at}" must name a question with a literal string`, at);
    }
    return { var: args.length > 1 ? [escapeName(name), prepare(fallback, `${at}/1`)] : [escapeName(name)] };
  }
  if (op === 'missing') {
    const list = args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
    return { missing: list.map((n, i) => (typeof n === 'string' ? escapeName(n) : prepare(n, `${at}/${i}`))) };
  }
  if (op === 'missing_some') {
    const [count, list] = args;
    const names = Array.isArray(list)
      ? list.map((n, i) => (typeof n === 'string' ? escapeName(n) : prepare(n, `${at}/1/${i}`)))
      : prepare(list, `${at}/1`);
    return { missing_some: [prepare(count, `${at}/0`), names] };
  }
  return { [op]: Array.isArray(raw) ? args.map((a, i) => prepare(a, `${at}/${i}`)) : prepare(raw, at) };
}

/**
 * Checks that `condition` uses only the safe subset; throws an `UnsafeConditionError` naming
 * the operator and its JSON pointer otherwise. Returns the expression ready for evaluation.
 */
export function assertSafeCondition(condition: Condition): unknown {
  return preparedOf(condition).expression;
}

/** A condition ready for evaluation, with what its result can depend on. */
interface Prepared {
  expression: unknown;
  /** The data names it reads when they are all literal, or null when a name is computed. */
  names: string[] | null;
  /** Its compiled value on the data. */
  value: CompiledLogic;
}

function preparedOf(condition: Condition): Prepared {
  if (condition === null || typeof condition !== 'object') {
    const expression = prepare(condition, '');
    return { expression, names: null, value: compileLogic(expression) };
  }
  let ready = rewritten.get(condition);
  if (ready === undefined) {
    const expression = prepare(condition, '');
    ready = { expression, names: namesRead(expression), value: compileLogic(expression) };
    rewritten.set(condition, ready);
  }
  return ready;
}

/**
 * The answer keys a condition reads (question ids, `<matrix>.<row>`, `<id>_other`), or null
 * when one is not a literal string (`{"var": 1}`). The analysis uses it to know which questions a
 * filtered question's base depends on.
 * @throws UnsafeConditionError on an operator outside the safe subset.
 */
export function conditionNames(condition: Condition | boolean): string[] | null {
  if (typeof condition === 'boolean') return [];
  const names = preparedOf(condition).names;
  return names && names.map((n) => n.split(SEP).join('.'));
}

/** The data names a prepared expression reads, or null when one is not a literal. */
function namesRead(expression: unknown): string[] | null {
  const names = new Set<string>();
  const literal = (name: unknown): boolean => {
    if (typeof name !== 'string' || name === '') return false;
    names.add(name);
    return true;
  };
  const walk = (node: unknown): boolean => {
    if (Array.isArray(node)) return node.every(walk);
    if (node === null || typeof node !== 'object') return true;
    const [op] = Object.keys(node);
    const args = (node as Record<string, unknown[]>)[op];
    if (op === 'var') return literal(args[0]) && (args.length < 2 || walk(args[1]));
    if (op === 'missing') return args.every(literal);
    if (op === 'missing_some') return walk(args[0]) && Array.isArray(args[1]) && args[1].every(literal);
    return walk(args);
  };
  return walk(expression) ? [...names] : null;
}

/**
 * The answers as the evaluator sees them: flat, dot-free keys, matrix rows as `<id>.<row>`.
 * Built once for a set of answers and shared by every condition evaluated on it (the
 * collector evaluates all of a questionnaire's conditions for every response it receives).
 */
export type ConditionData = Record<string, unknown> & { readonly __conditionData?: never };

/** Builds the evaluator's view of `answers` (see `evaluateConditionOn`). */
export function conditionData(answers: AnswerMap): ConditionData {
  const data = emptyConditionData();
  const keys = Object.keys(answers);
  for (let i = 0; i < keys.length; i++) {
    const value = answers[keys[i]];
    if (value !== undefined) rememberAnswer(data, keys[i], value);
  }
  return data;
}

/** Data with no answer, to fill with `rememberAnswer`. */
export function emptyConditionData(): ConditionData {
  return Object.create(null) as ConditionData;
}

/** Adds one answer to data built by `conditionData` or `emptyConditionData`. */
export function rememberAnswer(data: ConditionData, key: string, value: unknown): void {
  const name = escapeKey(key);
  (data as Record<string, unknown>)[name] = value;
  if (isJsonObject(value)) {
    const rows = Object.keys(value);
    for (let j = 0; j < rows.length; j++) (data as Record<string, unknown>)[name + SEP + escapeKey(rows[j])] = (value as Record<string, unknown>)[rows[j]];
  }
}

/**
 * Removes an answer from data built by `conditionData`, as if `key` had never been answered
 * (visibility drops the answers of questions it hides, one at a time).
 */
export function forgetAnswer(data: ConditionData, key: string): void {
  const name = escapeKey(key);
  const value = data[name];
  if (value === undefined) return;
  delete data[name];
  if (isJsonObject(value)) {
    for (const row of Object.keys(value)) delete data[name + SEP + escapeKey(row)];
  }
}

function escapeKey(key: string): string {
  return key.includes('.') ? key.split('.').join(SEP) : key;
}

/**
 * Evaluates a JsonLogic condition over answers; true when it holds (JsonLogic truthiness: an
 * empty list is false). An unanswered question reads as `null`. Throws `UnsafeConditionError`
 * on an operator outside the safe subset; never evaluates code from a string.
 */
export function evaluateCondition(condition: Condition | boolean, answers: AnswerMap): boolean {
  return evaluateConditionOn(condition, conditionData(answers));
}

/** `evaluateCondition` over data already built by `conditionData`. */
export function evaluateConditionOn(condition: Condition | boolean, data: ConditionData): boolean {
  if (typeof condition === 'boolean') return condition;
  return truthy(preparedOf(condition).value(data));
}
