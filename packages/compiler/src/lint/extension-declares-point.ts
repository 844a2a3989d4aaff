import type { LintRule, Finding } from './rule.js';
import { finding, q } from './rule.js';
import { isPoint } from './context.js';
import { childPointer } from '@olva/schema';

/** Extension points are the core's to declare; one inside an extension's section would never be filled. */
export const extensionDeclaresPoint: LintRule = {
  name: 'extension-declares-point',
  severity: 'error',
  description: { fr: 'Une section de l’extension déclare un point d’extension.', en: 'An extension section declares an extension point.' },
  check(ctx) {
    const out: Finding[] = [];
    for (const s of ctx.sections) {
      if (s.doc !== 'extension') continue;
      s.items.forEach((item, j) => {
        if (!isPoint(item)) return;
        out.push(finding('extension', childPointer(s.pointer, 'items', j),
          [`une extension ne peut pas déclarer de point d’extension (${q(item.extensionPoint)})`, `an extension cannot declare an extension point (${q(item.extensionPoint)})`],
          ['supprimez cet élément', 'remove this item']));
      });
    }
    return out;
  },
};
