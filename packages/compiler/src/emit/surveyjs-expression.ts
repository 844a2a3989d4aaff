/**
 * JsonLogic → SurveyJS expression translator, for `visibleIf` and `requiredIf`.
 *
 * The goal is the same truth value as the runtime (json-logic-js semantics) on the same
 * answers, not a look-alike. SurveyJS and JsonLogic disagree on many details (SurveyJS treats
 * an empty answer as "no value" in comparisons where JavaScript turns `null` into 0; it
 * compares strings case-insensitively; `==` is loose in JsonLogic...). So the translator does
 * not map operators one to one. It splits on whether each answer is empty, enumerates the
 * answers of questions with a finite domain (single choice, yes/no, scale, matrix cell) and
 * evaluates the JsonLogic itself on each (`evaluateLogic` of `@olva/schema`), and writes SurveyJS syntax
 * only for what is left: numbers, texts and lists that are present. The result is a
 * decision tree such as `({employeur} = true)` or
 * `(({nb_salaries} notempty and {nb_salaries} > 5) or {employeur} = false)`.
 *
 * When it cannot guarantee the same value (free text compared case-sensitively, decimals
 * summed, division by an answer…), it still writes the closest expression and says why in
 * `notes`, with `exact: false`; the SurveyJS emitter records those in the model.
 *
 * Assumption shared with the runtime: an empty answer is absent (never `""`, `[]` or `{}`),
 * and `{"var": "a.b"}` reads the question whose id is `a.b` (extension ids), or else row `b`
 * of matrix `a`.
 */
import { answerName, evaluateLogic, isOperation, operation, truthy } from '@olva/schema';

/** What the translator knows about the answer of a variable. */
export interface VarInfo {
  /** The SurveyJS value name, e.g. `rennes__locaux` for `rennes.locaux`. */
  name: string;
  /** The JavaScript type of a present answer. */
  kind: 'boolean' | 'number' | 'string' | 'array' | 'object';
  /** Every possible present answer, when there are few (choices, yes/no, scale points). */
  domain?: readonly (string | number | boolean)[];
  /** True when SurveyJS compares these strings exactly (no case or space variants possible). */
  exactStrings?: boolean;
  /** True for decimal numbers (SurveyJS rounds sums and products of decimals). */
  decimal?: boolean;
}

/** Resolves a JsonLogic variable to what is known about it; undefined = always null. */
export type VarResolver = (key: string) => VarInfo | undefined;

/** A translated condition. */
export interface Translation {
  /** SurveyJS expression (boolean). */
  expression: string;
  /** True when the expression has the runtime's value on every answer set. */
  exact: boolean;
  /** Why it may differ, when it may. */
  notes: string[];
}

const EMPTY = Symbol('empty');
const PRESENT = Symbol('present');
type Slot = string | number | boolean | typeof EMPTY | typeof PRESENT;

/** Most leaves a decision tree may have before the translator gives up on exactness. */
const MAX_LEAVES = 4096;

const COMPARISON_OPS = new Set(['==', '===', '!=', '!==', '<', '<=', '>', '>=']);
const RELATIONAL = new Set(['<', '<=', '>', '>=']);
const ARITHMETIC_OPS = new Set(['+', '-', '*', '/', '%', 'min', 'max']);

/** A SurveyJS literal for a JSON scalar; undefined when it cannot be written exactly. */
export function literal(value: unknown): string | undefined {
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    return value < 0 ? `(0 - ${-value})` : String(value);
  }
  if (typeof value === 'string') {
    // SurveyJS string literals have no escape for quotes; braces would read as variables.
    if (/['"\\{}]/.test(value)) return undefined;
    return `'${value}'`;
  }
  return undefined;
}

function and(parts: string[]): string {
  if (parts.includes('false')) return 'false';
  const kept = parts.filter((p) => p !== 'true');
  if (kept.length === 0) return 'true';
  return kept.length === 1 ? kept[0] : `(${kept.join(' and ')})`;
}

function or(parts: string[]): string {
  if (parts.includes('true')) return 'true';
  const kept = [...new Set(parts.filter((p) => p !== 'false'))];
  if (kept.length === 0) return 'false';
  return kept.length === 1 ? kept[0] : `(${kept.join(' or ')})`;
}

function not(expr: string): string {
  if (expr === 'true') return 'false';
  if (expr === 'false') return 'true';
  return `!(${expr.replace(/^\((.*)\)$/s, '$1')})`;
}

/** True when `expr` is `{name} <op> <non-empty literal>`, which SurveyJS makes false for an empty answer. */
function falseWhenEmpty(expr: string, name: string): boolean {
  const ref = `{${name}} `;
  if (!expr.startsWith(ref)) return false;
  return /^(?:=|<|>|<=|>=|contains) (?:'[^']+'|\(0 - [0-9.e+]+\)|[0-9.e+]+|true|false)$/.test(expr.slice(ref.length));
}

/** A variable read by a condition. */
interface UsedVar {
  key: string;
  info: VarInfo;
}

class Translator {
  readonly notes: string[] = [];

  constructor(private readonly resolve: VarResolver) {}

  private inexact(reason: string): void {
    if (!this.notes.includes(reason)) this.notes.push(reason);
  }

  /** A SurveyJS expression whose value is `truthy(evaluateLogic(node))`. */
  bool(node: unknown): string {
    if (!isOperation(node)) return truthy(node) ? 'true' : 'false';
    const [op, args] = operation(node);
    if (op === 'and') return args.length ? and(args.map((a) => this.bool(a))) : 'false';
    if (op === 'or') return or(args.map((a) => this.bool(a)));
    if (op === '!') return not(this.bool(args[0]));
    if (op === '!!') return this.bool(args[0]);
    if (op === 'missing') return this.missing(args);
    if (op === 'missing_some') return this.missingSome(args);
    return this.atom(node);
  }

  private keyList(args: unknown[]): string[] | undefined {
    const keys = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
    return keys.every((k) => typeof k === 'string') ? (keys as string[]) : undefined;
  }

  private missing(args: unknown[]): string {
    const keys = this.keyList(args);
    if (!keys) return this.atom({ missing: args });
    return or(keys.map((k) => {
      const info = this.resolve(k);
      return info ? `{${info.name}} empty` : 'true';
    }));
  }

  private missingSome(args: unknown[]): string {
    const need = args[0];
    const keys = Array.isArray(args[1]) && args[1].every((k) => typeof k === 'string') ? (args[1] as string[]) : undefined;
    if (typeof need !== 'number' || !keys) return this.atom({ missing_some: args });
    const infos = keys.map((k) => this.resolve(k));
    const count = (present: boolean): string =>
      infos.map((i) => (i ? `iif({${i.name}} ${present ? 'notempty' : 'empty'}, 1, 0)` : present ? '0' : '1')).join(' + ') || '0';
    // Truthy when something is missing and fewer than `need` are present.
    return and([`(${count(false)}) >= 1`, `(${count(true)}) < ${literal(need) ?? need}`]);
  }

  /** Variables an atom reads, in first-seen order. */
  private vars(node: unknown, out: Map<string, UsedVar>, unknown: Set<string>): boolean {
    if (Array.isArray(node)) return node.every((n) => this.vars(n, out, unknown));
    if (!isOperation(node)) return true;
    const [op, args] = operation(node);
    if (op === 'var') {
      const key = args[0];
      if (typeof key !== 'string' || args.length > 1) return false;
      const info = this.resolve(key);
      if (info) { if (!out.has(key)) out.set(key, { key, info }); } else unknown.add(key);
      return true;
    }
    return args.every((a) => this.vars(a, out, unknown));
  }

  /** A comparison, `in`, arithmetic or bare variable, as a decision tree over its variables. */
  private atom(node: unknown): string {
    const used = new Map<string, UsedVar>();
    const unknown = new Set<string>();
    if (!this.vars(node, used, unknown)) {
      this.inexact(`variables with defaults or computed names are not translated: ${JSON.stringify(node)}`);
      return this.naive(node);
    }
    const vars = [...used.values()];
    let leaves = 1;
    for (const v of vars) leaves *= (v.info.domain ? v.info.domain.length : 1) + 1;
    if (leaves > MAX_LEAVES) {
      this.inexact(`too many combinations of answers to enumerate: ${JSON.stringify(node)}`);
      return this.naive(node);
    }
    const env: Record<string, unknown> = {};
    for (const key of unknown) env[key] = null;
    return this.expand(node, vars, 0, env, []);
  }

  private expand(node: unknown, vars: UsedVar[], index: number, env: Record<string, unknown>, symbolic: UsedVar[]): string {
    if (index === vars.length) {
      if (symbolic.length === 0) return truthy(evaluateLogic(node, env, answerName)) ? 'true' : 'false';
      return this.direct(node, env, symbolic);
    }
    const v = vars[index];
    const slots: Slot[] = v.info.domain ? [EMPTY, ...v.info.domain] : [EMPTY, PRESENT];
    const branches = slots.map((slot) => {
      const next = { ...env };
      if (slot === EMPTY) next[v.key] = null;
      else if (slot !== PRESENT) next[v.key] = slot;
      return this.expand(node, vars, index + 1, next, slot === PRESENT ? [...symbolic, v] : symbolic);
    });
    if (branches.every((b) => b === branches[0])) return branches[0];
    const groups = new Map<string, Slot[]>();
    slots.forEach((slot, i) => groups.set(branches[i], [...(groups.get(branches[i]) ?? []), slot]));
    const parts: string[] = [];
    for (const [branch, group] of groups) {
      if (branch === 'false') continue;
      // `{x} > 5`, `{x} = 'a'`, `{x} contains 'a'`… are already false in SurveyJS when x is
      // empty: the `notempty` guard would only add noise.
      if (group.length === 1 && group[0] === PRESENT && falseWhenEmpty(branch, v.info.name)) parts.push(branch);
      else parts.push(and([this.slotCondition(v.info, group, slots), branch]));
    }
    return or(parts);
  }

  /** SurveyJS condition "the answer is one of these slots". */
  private slotCondition(info: VarInfo, group: Slot[], all: Slot[]): string {
    const ref = `{${info.name}}`;
    const hasEmpty = group.includes(EMPTY);
    const values = group.filter((s): s is string | number | boolean => s !== EMPTY && s !== PRESENT);
    if (group.includes(PRESENT)) return hasEmpty ? 'true' : `${ref} notempty`;
    if (all.includes(PRESENT)) return hasEmpty ? `${ref} empty` : 'false';
    const allValues = all.filter((s): s is string | number | boolean => s !== EMPTY && s !== PRESENT);
    const others = allValues.filter((s) => !values.includes(s));
    const oneOf = (list: (string | number | boolean)[]): string => {
      if (list.length === 0) return 'false';
      const lits = list.map((x) => this.lit(x));
      if (list.length === 1) return `${ref} = ${lits[0]}`;
      if (list.every((x) => typeof x === 'string')) return `${ref} anyof [${lits.join(', ')}]`;
      return or(lits.map((l) => `${ref} = ${l}`));
    };
    if (others.length === 0) return hasEmpty ? 'true' : `${ref} notempty`;
    if (!hasEmpty) return oneOf(values);
    return values.length <= others.length ? or([`${ref} empty`, oneOf(values)]) : not(oneOf(others));
  }

  private lit(value: unknown): string {
    const l = literal(value);
    if (l !== undefined) return l;
    this.inexact(`literal ${JSON.stringify(value)} cannot be written in a SurveyJS expression`);
    return typeof value === 'string' ? `'${value.replace(/['"\\{}]/g, '')}'` : 'false';
  }

  /**
   * SurveyJS text for an atom whose symbolic variables are present and of infinite domain
   * (numbers, texts, lists, matrices); others are constants in `env`.
   */
  private direct(node: unknown, env: Record<string, unknown>, symbolic: UsedVar[]): string {
    const sym = new Map(symbolic.map((s) => [s.key, s] as const));
    if (!isOperation(node)) return truthy(node) ? 'true' : 'false';
    const [op, args] = operation(node);
    if (op === 'var') {
      const s = sym.get(String(args[0]))!;
      // Present here means non-empty: strings, lists and objects are truthy; numbers unless 0.
      return s.info.kind === 'number' ? `{${s.info.name}} <> 0` : s.info.kind === 'boolean' ? `{${s.info.name}} = true` : 'true';
    }
    if (COMPARISON_OPS.has(op)) {
      if (args.length >= 3 && (op === '<' || op === '<=')) {
        return and([this.direct({ [op]: [args[0], args[1]] }, env, symbolic), this.direct({ [op]: [args[1], args[2]] }, env, symbolic)]);
      }
      return this.compare(op, this.value(args[0], env, sym), this.value(args[1], env, sym));
    }
    if (op === 'in') return this.inOp(this.value(args[0], env, sym), this.value(args[1], env, sym));
    if (ARITHMETIC_OPS.has(op)) {
      const v = this.value(node, env, sym);
      if ('const' in v) return truthy(v.const) ? 'true' : 'false';
      return `${v.expr} <> 0`;
    }
    this.inexact(`operator "${op}" inside a comparison is not translated exactly`);
    return this.naive(node);
  }

  private value(node: unknown, env: Record<string, unknown>, sym: Map<string, UsedVar>): Val {
    if (Array.isArray(node)) {
      const items = node.map((n) => this.value(n, env, sym));
      if (items.every((i) => 'const' in i)) return { const: items.map((i) => (i as { const: unknown }).const) };
      this.inexact('arrays built from answers are not translated');
      return { expr: `[${items.map((i) => ('const' in i ? this.lit(i.const) : i.expr)).join(', ')}]`, kind: 'array' };
    }
    if (!isOperation(node)) return { const: node };
    const [op, args] = operation(node);
    if (op === 'var') {
      const key = String(args[0]);
      const s = sym.get(key);
      if (s) return { expr: `{${s.info.name}}`, kind: s.info.kind, info: s.info };
      return { const: evaluateLogic(node, env, answerName) };
    }
    const vals = args.map((a) => this.value(a, env, sym));
    if (vals.every((v) => 'const' in v)) return { const: evaluateLogic(node, env, answerName) };
    if (ARITHMETIC_OPS.has(op)) return this.arithmetic(op, vals);
    if (COMPARISON_OPS.has(op) || op === 'in' || op === '!' || op === '!!') {
      return { expr: this.direct(node, env, [...sym.values()]), kind: 'boolean' };
    }
    this.inexact(`"${op}" used as a value is not translated exactly`);
    return { expr: this.naive(node), kind: 'boolean' };
  }

  private arithmetic(op: string, vals: Val[]): Val {
    for (const v of vals) {
      if ('expr' in v && v.kind !== 'number') this.inexact(`arithmetic on a ${v.kind} answer is not translated exactly`);
      if ('expr' in v && v.info?.decimal && op !== '-') this.inexact('SurveyJS rounds sums and products of decimal answers');
    }
    if (op === '+' || op === '*') {
      // json-logic-js applies parseFloat to every operand: a non-numeric constant makes NaN.
      const consts = vals.filter((v): v is { const: unknown } => 'const' in v).map((v) => parseFloat(String(v.const)));
      if (consts.some((c) => Number.isNaN(c))) return { const: NaN };
      const parts = vals.map((v) => ('const' in v ? this.lit(parseFloat(String(v.const))) : v.expr));
      return { expr: `(${parts.join(` ${op} `)})`, kind: 'number' };
    }
    if (op === '-') {
      const parts = vals.map((v) => ('const' in v ? Number(v.const) : v));
      if (parts.some((p) => typeof p === 'number' && Number.isNaN(p))) return { const: NaN };
      const text = parts.map((p) => (typeof p === 'number' ? this.lit(p) : p.expr));
      return { expr: text.length === 1 ? `(0 - ${text[0]})` : `(${text[0]} - ${text[1]})`, kind: 'number' };
    }
    if ((op === '/' || op === '%') && 'const' in vals[1] && 'expr' in vals[0]) {
      const d = Number(vals[1].const);
      if (d !== 0 && Number.isFinite(d)) return { expr: `(${vals[0].expr} ${op} ${this.lit(d)})`, kind: 'number' };
    }
    this.inexact(`"${op}" with these operands is not translated exactly`);
    const text = vals.map((v) => ('const' in v ? this.lit(v.const) : v.expr));
    return { expr: op === 'min' || op === 'max' ? `${op}(${text.join(', ')})` : `(${text.join(` ${op} `)})`, kind: 'number' };
  }

  private compare(op: string, left: Val, right: Val): string {
    if ('const' in left && 'const' in right) return truthy(evaluateLogic({ [op]: [left.const, right.const] }, {}, answerName)) ? 'true' : 'false';
    if ('const' in left) return this.compare(FLIP[op], right, left);
    // From here, `left` is an expression over present answers.
    const l = left as ExprVal;
    const negated = op === '!=' || op === '!==';
    const baseOp = op === '!=' ? '==' : op === '!==' ? '===' : op;
    let result: string;
    if ('const' in right) result = this.compareConst(baseOp, l, right.const);
    else result = this.compareExprs(baseOp, l, right);
    return negated ? not(result) : result;
  }

  /** `expr op constant`, where expr is present. */
  private compareConst(op: string, l: ExprVal, c: unknown): string {
    const sjs = SJS_OP[op];
    if (l.kind === 'number') {
      if (op === '===') return typeof c === 'number' ? `${l.expr} = ${this.lit(c)}` : 'false';
      if (op === '==') {
        // A number is loosely equal to null never, to a string or boolean through Number().
        if (c === null || typeof c === 'object') return 'false';
        const n = Number(c);
        return Number.isNaN(n) ? 'false' : `${l.expr} = ${this.lit(n)}`;
      }
      if (c !== null && typeof c === 'object') { this.inexact('comparison of a number with a list'); return 'false'; }
      const n = Number(c);
      return Number.isNaN(n) ? 'false' : `${l.expr} ${sjs} ${this.lit(n)}`;
    }
    if (l.kind === 'string') {
      if ((op === '==' || op === '===') && c === null) return 'false';
      if (RELATIONAL.has(op)) this.inexact(`SurveyJS orders texts that look like numbers as numbers (${l.expr})`);
      if (op === '===' && typeof c !== 'string') return 'false';
      if (typeof c === 'string') {
        if (!l.info?.exactStrings) this.inexact(`SurveyJS compares texts ignoring case and surrounding spaces (${l.expr})`);
        return `${l.expr} ${sjs} ${this.lit(c)}`;
      }
      this.inexact(`comparison of a text answer with ${JSON.stringify(c)}`);
      return `${l.expr} ${sjs} ${this.lit(c)}`;
    }
    if (l.kind === 'boolean') {
      // A boolean sub-expression (e.g. `!`): enumerate its two values.
      const whenTrue = truthy(evaluateLogic({ [op]: [true, c] }, {}, answerName));
      const whenFalse = truthy(evaluateLogic({ [op]: [false, c] }, {}, answerName));
      if (whenTrue && whenFalse) return 'true';
      if (!whenTrue && !whenFalse) return 'false';
      return whenTrue ? l.expr : not(l.expr);
    }
    // Lists and matrices: JavaScript compares them through their text form.
    if ((op === '==' || op === '===') && c === null) return 'false';
    if (op === '===') return 'false';
    this.inexact(`comparison of a ${l.kind} answer with a constant`);
    return `${l.expr} ${sjs} ${this.lit(c)}`;
  }

  private compareExprs(op: string, l: ExprVal, r: ExprVal): string {
    const sjs = SJS_OP[op];
    if (l.kind === 'number' && r.kind === 'number') return `${l.expr} ${sjs} ${r.expr}`;
    if (l.kind === 'string' && r.kind === 'string') {
      if (RELATIONAL.has(op)) this.inexact(`SurveyJS orders texts that look like numbers as numbers (${l.expr})`);
      if (!(l.info?.exactStrings && r.info?.exactStrings)) this.inexact(`SurveyJS compares texts ignoring case (${l.expr}, ${r.expr})`);
      return `${l.expr} ${sjs} ${r.expr}`;
    }
    if (op === '===' && l.kind !== r.kind) return 'false';
    this.inexact(`comparison of a ${l.kind} with a ${r.kind}`);
    return `${l.expr} ${sjs} ${r.expr}`;
  }

  private inOp(needle: Val, hay: Val): string {
    if ('const' in needle && 'const' in hay) return truthy(evaluateLogic({ in: [needle.const, hay.const] }, {}, answerName)) ? 'true' : 'false';
    if ('const' in hay) {
      const h = hay.const;
      const n = needle as ExprVal;
      if (Array.isArray(h)) {
        // indexOf is strict: only items of the answer's own type can match.
        const type = n.kind === 'number' ? 'number' : n.kind === 'string' ? 'string' : n.kind === 'boolean' ? 'boolean' : undefined;
        const items = type ? h.filter((x) => typeof x === type) : [];
        if (n.kind === 'string' && !n.info?.exactStrings && items.length) this.inexact(`SurveyJS compares texts ignoring case (${n.expr})`);
        if (n.kind === 'boolean') return or(items.map((x) => (x ? n.expr : not(n.expr))));
        return or(items.map((x) => `${n.expr} = ${this.lit(x)}`));
      }
      if (typeof h === 'string') {
        this.inexact(`SurveyJS looks for text ignoring case (${n.expr} in ${JSON.stringify(h)})`);
        return `${this.lit(h)} contains ${n.expr}`;
      }
      return 'false';
    }
    const hv = hay as ExprVal;
    if (hv.kind === 'number' || hv.kind === 'boolean' || hv.kind === 'object') return 'false';
    if ('const' in needle) {
      const c = needle.const;
      if (hv.kind === 'array') return typeof c === 'string' ? `${hv.expr} contains ${this.lit(c)}` : 'false';
      if (!hv.info?.exactStrings || /[A-Za-z]/.test(String(c))) this.inexact(`SurveyJS looks for text ignoring case (${JSON.stringify(c)} in ${hv.expr})`);
      return `${hv.expr} contains ${this.lit(String(c))}`;
    }
    this.inexact(`"in" between two answers (${needle.expr}, ${hv.expr})`);
    return `${hv.expr} contains ${needle.expr}`;
  }

  /** Operator-by-operator translation, used only where exactness is already given up. */
  naive(node: unknown): string {
    if (!isOperation(node)) return this.lit(node);
    const [op, args] = operation(node);
    if (op === 'var') {
      const info = typeof args[0] === 'string' ? this.resolve(args[0]) : undefined;
      return info ? `{${info.name}}` : 'false';
    }
    if (op === 'and' || op === 'or') return `(${args.map((a) => this.naive(a)).join(` ${op} `)})`;
    if (op === '!') return `!(${this.naive(args[0])})`;
    if (op === '!!') return this.naive(args[0]);
    if (COMPARISON_OPS.has(op)) return `(${this.naive(args[0])} ${SJS_OP[op.replace('!==', '!=').replace('===', '==')]} ${this.naive(args[1])})`;
    if (op === 'in') return `(${this.naive(args[1])} contains ${this.naive(args[0])})`;
    if (op === 'min' || op === 'max') return `${op}(${args.map((a) => this.naive(a)).join(', ')})`;
    if (ARITHMETIC_OPS.has(op)) return `(${args.map((a) => this.naive(a)).join(` ${op} `)})`;
    return 'false';
  }
}

type ExprVal = { expr: string; kind: VarInfo['kind']; info?: VarInfo };
type Val = { const: unknown } | ExprVal;

const SJS_OP: Record<string, string> = {
  '==': '=', '===': '=', '!=': '<>', '!==': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=',
};

const FLIP: Record<string, string> = {
  '==': '==', '===': '===', '!=': '!=', '!==': '!==', '<': '>', '<=': '>=', '>': '<', '>=': '<=',
};

/**
 * Translates a JsonLogic condition into a SurveyJS boolean expression with the same value as
 * the runtime's `evaluateCondition` on the same answers (see the module comment).
 */
export function toSurveyExpression(condition: unknown, resolve: VarResolver): Translation {
  const t = new Translator(resolve);
  const expression = t.bool(condition);
  return { expression, exact: t.notes.length === 0, notes: t.notes };
}
