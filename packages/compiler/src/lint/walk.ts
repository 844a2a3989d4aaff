/**
 * Walks JsonLogic conditions, reporting every operation and every answer it reads together
 * with its JSON pointer, so that rules can point at the exact token to fix.
 */
import { childPointer, isJsonObject } from '@olva/schema';

/** One operation met in a condition. */
export interface OperationVisit {
  /** The operator (the single key of the object). */
  operator: string;
  /** Its arguments, as written. */
  args: unknown;
  /** Pointer of the operation object. */
  pointer: string;
}

/** One answer read by a condition (through `var`, `missing` or `missing_some`). */
export interface VariableRead {
  /** The name read: a question id, or `<id>_other`; non-strings are kept as written. */
  name: unknown;
  /** Pointer of the name itself. */
  pointer: string;
}

/** An object that is not a single operation: several keys, or none. */
export interface MalformedVisit {
  keys: string[];
  pointer: string;
}

/** What a walk found. */
export interface ConditionScan {
  operations: OperationVisit[];
  reads: VariableRead[];
  malformed: MalformedVisit[];
}


/** Scans a condition whose pointer in its document is `base`. */
export function scanCondition(condition: unknown, base: string): ConditionScan {
  const scan: ConditionScan = { operations: [], reads: [], malformed: [] };
  const visit = (node: unknown, ptr: string): void => {
    if (Array.isArray(node)) {
      node.forEach((n, i) => visit(n, childPointer(ptr, i)));
      return;
    }
    if (!isJsonObject(node)) return;
    const keys = Object.keys(node);
    if (keys.length !== 1) {
      scan.malformed.push({ keys, pointer: ptr });
      for (const k of keys) visit(node[k], childPointer(ptr, k));
      return;
    }
    const operator = keys[0]!;
    const args = node[operator];
    scan.operations.push({ operator, args, pointer: ptr });
    const at = childPointer(ptr, operator);
    if (operator === 'var') {
      if (Array.isArray(args)) {
        if (isJsonObject(args[0])) visit(args[0], childPointer(at, 0));
        else scan.reads.push({ name: args[0], pointer: childPointer(at, 0) });
        args.slice(1).forEach((a, i) => visit(a, childPointer(at, i + 1)));
      } else if (isJsonObject(args)) visit(args, at);
      else scan.reads.push({ name: args, pointer: at });
      return;
    }
    if (operator === 'missing') {
      const list = Array.isArray(args) ? args : [args];
      list.forEach((a, i) => {
        const p = Array.isArray(args) ? childPointer(at, i) : at;
        if (typeof a === 'string') scan.reads.push({ name: a, pointer: p });
        else visit(a, p);
      });
      return;
    }
    if (operator === 'missing_some' && Array.isArray(args)) {
      visit(args[0], childPointer(at, 0));
      const names = args[1];
      if (Array.isArray(names)) names.forEach((a, i) => {
        if (typeof a === 'string') scan.reads.push({ name: a, pointer: childPointer(at, 1, i) });
        else visit(a, childPointer(at, 1, i));
      });
      else visit(names, childPointer(at, 1));
      return;
    }
    visit(args, at);
  };
  visit(condition, base);
  return scan;
}

/**
 * The answer name a node reads when it is exactly `{"var": name}` or `{"var": [name, default]}`
 * (an operand of a comparison), else null: what the rules comparing a question with a literal
 * need to know about that operand.
 */
export function readVariable(node: unknown): string | null {
  if (!isJsonObject(node)) return null;
  const keys = Object.keys(node);
  if (keys.length !== 1 || keys[0] !== 'var') return null;
  const raw = node.var;
  const name = Array.isArray(raw) ? raw[0] : raw;
  return typeof name === 'string' ? name : null;
}
