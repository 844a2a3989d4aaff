import type { LintRule, Finding } from './rule.js';
import { finding, q } from './rule.js';
import { childPointer } from '@olva/schema';

/** A scale of one point measures nothing. */
export const scaleTooShort: LintRule = {
  name: 'scale-too-short',
  severity: 'error',
  description: { fr: 'Une échelle a moins de deux points.', en: 'A scale has fewer than two points.' },
  check(ctx) {
    const out: Finding[] = [];
    for (const e of ctx.questions) {
      const { type, choices } = e.question as { type?: unknown; choices?: unknown };
      if (type !== 'scale' || !Array.isArray(choices) || choices.length >= 2) continue;
      out.push(finding(e.doc, childPointer(e.pointer, 'choices'),
        [`l’échelle ${q(e.id)} n’a que ${choices.length} point`, `scale ${q(e.id)} has only ${choices.length} point`],
        ['donnez-lui au moins deux points (habituellement 4 ou 5)', 'give it at least two points (usually 4 or 5)']));
    }
    return out;
  },
};
