/**
 * The safe subset of JsonLogic operators that conditions may use (docs/contracts.md: comparison,
 * and/or/!, in, missing, arithmetic). Shared by the compiler's lint and the runtime's guard,
 * so that what the compiler accepts is exactly what the browser and the collector evaluate.
 * json-logic-js also knows `method`, `log`, `map`… which could reach object methods or
 * produce side effects: they are not in this list and are refused everywhere.
 */
export const SAFE_OPERATORS: readonly string[] = Object.freeze([
  'var', 'missing', 'missing_some',
  '==', '===', '!=', '!==', '<', '<=', '>', '>=',
  '!', '!!', 'and', 'or', 'in',
  '+', '-', '*', '/', '%', 'min', 'max',
]);

/** True when `op` is in the safe subset. */
export function isSafeOperator(op: string): boolean {
  return SAFE_OPERATORS.includes(op);
}
