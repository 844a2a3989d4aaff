import type { LintRule, Finding } from './rule.js';
import { finding, q } from './rule.js';
import { didYouMean } from './suggest.js';
import type { LintContext, DocKind } from './context.js';
import { readVariable } from './walk.js';
import { childPointer } from '@olva/schema';
import { OTHER_CODE } from '@olva/schema';

const COMPARISONS = new Set(['==', '===', '!=', '!==']);

/** The choice codes of the question an expression reads, when it is `{"var": id}` of a choice question. */
function codesRead(ctx: LintContext, doc: DocKind, node: unknown): { id: string; codes: Set<unknown>; type: string } | null {
  const name = readVariable(node);
  if (name === null) return null;
  const entry = ctx.questionOf(name, doc);
  if (!entry) return null;
  const { type, choices } = entry.question as { type?: unknown; choices?: unknown };
  // One row of a matrix (`grid.row`) holds one of the matrix's choice codes.
  if (type === 'matrix' && name !== entry.id && Array.isArray(choices)) {
    return { id: name, type: 'single', codes: new Set(choices.map((c) => (c as { code?: unknown } | null)?.code)) };
  }
  if (entry.id !== name) return null;
  if ((type !== 'single' && type !== 'multiple') || !Array.isArray(choices)) return null;
  const codes = new Set(choices.map((c) => (c as { code?: unknown } | null)?.code));
  // The compiler adds the choice `other` to a question that declares `other`.
  if ((entry.question as { other?: unknown }).other !== undefined) codes.add(OTHER_CODE);
  return { id: name, type, codes };
}

/**
 * A condition comparing a choice question with a code it does not offer is always false (or
 * always true): usually a typo, or a code renamed in the core.
 */
export const conditionUnknownCode: LintRule = {
  name: 'condition-unknown-code',
  severity: 'error',
  description: { fr: 'Une condition compare une question à choix avec un code qu’elle ne propose pas.', en: 'A condition compares a choice question with a code it does not offer.' },
  check(ctx) {
    const out: Finding[] = [];
    const report = (doc: DocKind, ptr: string, code: unknown, read: { id: string; codes: Set<unknown> }) => {
      const guess = didYouMean(code, read.codes);
      out.push(finding(doc, ptr,
        [`${q(code)} n’est pas un code de choix de ${q(read.id)}`, `${q(code)} is not a choice code of ${q(read.id)}`],
        [`${guess[0]}utilisez un des codes : ${[...read.codes].map((c) => q(c)).join(', ')}`, `${guess[1]}use one of the codes: ${[...read.codes].map((c) => q(c)).join(', ')}`]));
    };
    for (const c of ctx.conditions) {
      for (const op of c.scan.operations) {
        const args = op.args;
        if (!Array.isArray(args) || args.length !== 2) continue;
        const at = childPointer(op.pointer, op.operator);
        if (COMPARISONS.has(op.operator)) {
          for (const [v, other] of [[0, 1], [1, 0]] as const) {
            const read = codesRead(ctx, c.doc, args[v]);
            if (read && read.type === 'single' && typeof args[other] === 'string' && !read.codes.has(args[other])) report(c.doc, childPointer(at, other), args[other], read);
          }
        } else if (op.operator === 'in') {
          // {"in": ["code", {"var": "multiple"}]} or {"in": [{"var": "single"}, ["a", "b"]]}
          const inMultiple = codesRead(ctx, c.doc, args[1]);
          if (inMultiple && typeof args[0] === 'string' && !inMultiple.codes.has(args[0])) report(c.doc, childPointer(at, 0), args[0], inMultiple);
          const single = codesRead(ctx, c.doc, args[0]);
          if (single && single.type === 'single' && Array.isArray(args[1])) {
            args[1].forEach((code, i) => { if (typeof code === 'string' && !single.codes.has(code)) report(c.doc, childPointer(at, 1, i), code, single); });
          }
        }
      }
    }
    return out;
  },
};
