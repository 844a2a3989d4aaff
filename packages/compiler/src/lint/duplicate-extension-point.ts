import type { LintRule, Finding } from './rule.js';
import { finding, q } from './rule.js';
import { isPoint } from './context.js';
import { childPointer } from '@olva/schema';

/** An extension names the point where it inserts: a name declared twice is ambiguous. */
export const duplicateExtensionPoint: LintRule = {
  name: 'duplicate-extension-point',
  severity: 'error',
  description: { fr: 'Un point d’extension est déclaré deux fois.', en: 'An extension point is declared twice.' },
  check(ctx) {
    const out: Finding[] = [];
    for (const s of ctx.sections) {
      if (s.doc !== 'core') continue;
      s.items.forEach((item, j) => {
        if (!isPoint(item) || typeof item.extensionPoint !== 'string') return;
        const first = ctx.extensionPoints.get(item.extensionPoint);
        const here = childPointer(s.pointer, 'items', j);
        if (first === undefined || first === here) return;
        out.push(finding('core', childPointer(here, 'extensionPoint'),
          [`le point d’extension ${q(item.extensionPoint)} est déjà déclaré en ${first}`, `extension point ${q(item.extensionPoint)} is already declared at ${first}`],
          ['donnez à chaque point un nom unique', 'give every point a name of its own']));
      });
    }
    return out;
  },
};
