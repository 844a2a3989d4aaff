import type { LintRule, Finding } from './rule.js';
import { finding, q } from './rule.js';
import { didYouMean } from './suggest.js';
import { childPointer } from '@olva/schema';

/** `exclusive` names choice codes ("aucun"…); a code that is not a choice would never apply. */
export const exclusiveUnknownCode: LintRule = {
  name: 'exclusive-unknown-code',
  severity: 'error',
  description: { fr: 'Un code exclusif n’est pas un des choix de la question.', en: 'An exclusive code is not one of the question’s choices.' },
  check(ctx) {
    const out: Finding[] = [];
    for (const e of ctx.questions) {
      const { exclusive, choices } = e.question as { exclusive?: unknown; choices?: unknown };
      if (!Array.isArray(exclusive)) continue;
      const codes = new Set(Array.isArray(choices) ? choices.map((c) => (c as { code?: unknown } | null)?.code) : []);
      exclusive.forEach((code, i) => {
        if (codes.has(code)) return;
        const guess = didYouMean(code, codes);
        out.push(finding(e.doc, childPointer(e.pointer, 'exclusive', i),
          [`${q(code)} n’est pas un code de choix de ${q(e.id)}`, `${q(code)} is not a choice code of ${q(e.id)}`],
          [`${guess[0]}utilisez un des codes : ${[...codes].map((c) => q(c)).join(', ')}`, `${guess[1]}use one of the codes: ${[...codes].map((c) => q(c)).join(', ')}`]));
      });
    }
    return out;
  },
};
