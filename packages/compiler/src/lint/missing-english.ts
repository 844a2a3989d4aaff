import type { LintRule, Finding } from './rule.js';
import { finding } from './rule.js';
import type { DocKind } from './context.js';
import { childPointer } from '@olva/schema';

/** Keys whose values are conditions (JsonLogic data, not human text). */
const CONDITION_KEYS = new Set(['visibleWhen', 'required', 'when']);

/**
 * Every human text is French first, English second. A text without English still works (the
 * French is shown), hence a warning: English-speaking respondents and the network's partners
 * would see French.
 */
export const missingEnglish: LintRule = {
  name: 'missing-english',
  severity: 'warning',
  description: { fr: 'Un texte n’a pas de traduction anglaise.', en: 'A text has no English translation.' },
  check(ctx) {
    const out: Finding[] = [];
    const walk = (doc: DocKind, node: unknown, ptr: string): void => {
      if (Array.isArray(node)) { node.forEach((n, i) => walk(doc, n, childPointer(ptr, i))); return; }
      if (typeof node !== 'object' || node === null) return;
      const obj = node as Record<string, unknown>;
      if (typeof obj.fr === 'string' && Object.keys(obj).every((k) => k === 'fr' || k === 'en')) {
        if (typeof obj.en !== 'string') {
          out.push(finding(doc, ptr,
            [`le texte « ${obj.fr.length > 40 ? `${obj.fr.slice(0, 40)}…` : obj.fr} » n’a pas de version anglaise`, `the text "${obj.fr.length > 40 ? `${obj.fr.slice(0, 40)}…` : obj.fr}" has no English version`],
            ['ajoutez "en" à côté de "fr"', 'add "en" next to "fr"']));
        }
        return;
      }
      for (const [k, v] of Object.entries(obj)) if (!CONDITION_KEYS.has(k)) walk(doc, v, childPointer(ptr, k));
    };
    walk('core', ctx.core, '');
    if (ctx.extension) walk('extension', ctx.extension, '');
    return out;
  },
};
