import type { LintRule, Finding } from './rule.js';
import { finding, q } from './rule.js';
import { childPointer } from '@olva/schema';

/** Two choices with one code could not be told apart in the answers. */
export const duplicateChoiceCode: LintRule = {
  name: 'duplicate-choice-code',
  severity: 'error',
  description: { fr: 'Deux choix d’une question ont le même code.', en: 'Two choices of a question share a code.' },
  check(ctx) {
    const out: Finding[] = [];
    for (const e of ctx.questions) {
      const choices = (e.question as { choices?: unknown }).choices;
      if (!Array.isArray(choices)) continue;
      const seen = new Map<unknown, number>();
      choices.forEach((c, i) => {
        const code = (c as { code?: unknown } | null)?.code;
        if (code === undefined) return;
        if (seen.has(code)) {
          out.push(finding(e.doc, childPointer(e.pointer, 'choices', i, 'code'),
            [`le code ${q(code)} du choix ${i + 1} est déjà celui du choix ${seen.get(code)! + 1}`, `code ${q(code)} of choice ${i + 1} is already the code of choice ${seen.get(code)! + 1}`],
            ['donnez à chaque choix un code distinct', 'give every choice a code of its own']));
        } else seen.set(code, i);
      });
    }
    return out;
  },
};
