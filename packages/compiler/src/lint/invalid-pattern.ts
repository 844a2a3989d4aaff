import type { LintRule, Finding } from './rule.js';
import { finding, q } from './rule.js';
import { childPointer } from '@olva/schema';

/** A `pattern` is compiled by every browser (with the `u` flag, as ajv and HTML do): it must be a valid regular expression. */
export const invalidPattern: LintRule = {
  name: 'invalid-pattern',
  severity: 'error',
  description: { fr: 'Un motif (pattern) n’est pas une expression régulière valide.', en: 'A pattern is not a valid regular expression.' },
  check(ctx) {
    const out: Finding[] = [];
    for (const e of ctx.questions) {
      const pattern = (e.question as { pattern?: unknown }).pattern;
      if (typeof pattern !== 'string') continue;
      try {
        new RegExp(pattern, 'u');
      } catch (error) {
        out.push(finding(e.doc, childPointer(e.pointer, 'pattern'),
          [`le motif ${q(pattern)} n’est pas une expression régulière valide (${(error as Error).message})`, `pattern ${q(pattern)} is not a valid regular expression (${(error as Error).message})`],
          ['corrigez l’expression (syntaxe JavaScript, drapeau u)', 'fix the expression (JavaScript syntax, u flag)']));
      }
    }
    return out;
  },
};
