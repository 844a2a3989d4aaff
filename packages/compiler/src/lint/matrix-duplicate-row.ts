import type { LintRule, Finding } from './rule.js';
import { finding, q } from './rule.js';
import { childPointer } from '@olva/schema';

/** A matrix answer is `{rowCode: choiceCode}`: two rows with one code would overwrite each other. */
export const matrixDuplicateRow: LintRule = {
  name: 'matrix-duplicate-row',
  severity: 'error',
  description: { fr: 'Deux lignes d’une grille ont le même code.', en: 'Two rows of a matrix share a code.' },
  check(ctx) {
    const out: Finding[] = [];
    for (const e of ctx.questions) {
      const rows = (e.question as { rows?: unknown }).rows;
      if (!Array.isArray(rows)) continue;
      const seen = new Map<unknown, number>();
      rows.forEach((r, i) => {
        const code = (r as { code?: unknown } | null)?.code;
        if (code === undefined) return;
        if (seen.has(code)) {
          out.push(finding(e.doc, childPointer(e.pointer, 'rows', i, 'code'),
            [`le code ${q(code)} de la ligne ${i + 1} est déjà celui de la ligne ${seen.get(code)! + 1}`, `code ${q(code)} of row ${i + 1} is already the code of row ${seen.get(code)! + 1}`],
            ['donnez à chaque ligne un code distinct', 'give every row a code of its own']));
        } else seen.set(code, i);
      });
    }
    return out;
  },
};
