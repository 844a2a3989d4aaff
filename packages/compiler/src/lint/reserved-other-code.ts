import type { LintRule, Finding } from './rule.js';
import { finding, q } from './rule.js';
import { OTHER_CODE, childPointer } from '@olva/schema';

/**
 * The code `other` is the compiler's: it adds that choice to a question with `other` (docs/contracts.md,
 * decisions of December 2026). A choice declared with it would be a second "other" whose text
 * is never asked, or would clash with the added one.
 */
export const reservedOtherCode: LintRule = {
  name: 'reserved-other-code',
  severity: 'error',
  description: { fr: 'Un choix porte le code réservé « other ».', en: 'A choice has the reserved code "other".' },
  check(ctx) {
    const out: Finding[] = [];
    for (const e of ctx.questions) {
      const choices = (e.question as { choices?: unknown }).choices;
      if (!Array.isArray(choices)) continue;
      choices.forEach((c, i) => {
        if ((c as { code?: unknown } | null)?.code !== OTHER_CODE) return;
        out.push(finding(e.doc, childPointer(e.pointer, 'choices', i, 'code'),
          [`le code ${q(OTHER_CODE)} est réservé au choix « Autre (précisez) » que le compilateur ajoute`, `code ${q(OTHER_CODE)} is reserved for the "Other (please specify)" choice that the compiler adds`],
          [`retirez ce choix et déclarez \`"other": {"label": …}\` sur ${q(e.id)}, ou donnez-lui un autre code (« autre »…)`, `remove this choice and declare \`"other": {"label": …}\` on ${q(e.id)}, or give it another code ("autre"…)`]));
      });
    }
    return out;
  },
};
