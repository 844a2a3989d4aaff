import type { LintRule, Finding } from './rule.js';
import { finding, q } from './rule.js';
import { childPointer } from '@olva/schema';

/** Bounds that cannot all hold make a question impossible to answer. */
export const minMaxOrder: LintRule = {
  name: 'min-max-order',
  severity: 'error',
  description: { fr: 'Des bornes (min/max, minSelected/maxSelected) sont incompatibles.', en: 'Bounds (min/max, minSelected/maxSelected) cannot all hold.' },
  check(ctx) {
    const out: Finding[] = [];
    for (const e of ctx.questions) {
      const x = e.question as { min?: unknown; max?: unknown; minSelected?: unknown; maxSelected?: unknown; choices?: unknown };
      if (typeof x.min === 'number' && typeof x.max === 'number' && x.min > x.max) {
        out.push(finding(e.doc, childPointer(e.pointer, 'max'),
          [`max (${x.max}) est inférieur à min (${x.min})`, `max (${x.max}) is below min (${x.min})`],
          ['échangez les bornes ou corrigez-les', 'swap or correct the bounds']));
      }
      const n = Array.isArray(x.choices) ? x.choices.length : undefined;
      if (typeof x.minSelected === 'number' && typeof x.maxSelected === 'number' && x.minSelected > x.maxSelected) {
        out.push(finding(e.doc, childPointer(e.pointer, 'maxSelected'),
          [`maxSelected (${x.maxSelected}) est inférieur à minSelected (${x.minSelected})`, `maxSelected (${x.maxSelected}) is below minSelected (${x.minSelected})`],
          ['échangez les bornes ou corrigez-les', 'swap or correct the bounds']));
      } else if (n !== undefined && typeof x.minSelected === 'number' && x.minSelected > n) {
        out.push(finding(e.doc, childPointer(e.pointer, 'minSelected'),
          [`minSelected (${x.minSelected}) dépasse le nombre de choix de ${q(e.id)} (${n})`, `minSelected (${x.minSelected}) exceeds the number of choices of ${q(e.id)} (${n})`],
          [`abaissez minSelected à ${n} au plus`, `lower minSelected to ${n} at most`]));
      }
    }
    return out;
  },
};
