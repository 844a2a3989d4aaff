import type { LintRule, Finding } from './rule.js';
import { finding, q } from './rule.js';
import { didYouMean } from './suggest.js';
import { childPointer } from '@olva/schema';

/** An extension may insert questions only where the core declares an extension point. */
export const extensionUnknownPoint: LintRule = {
  name: 'extension-unknown-point',
  severity: 'error',
  description: { fr: 'L’extension insère à un point d’extension que le tronc commun ne déclare pas.', en: 'The extension inserts at an extension point the core does not declare.' },
  check(ctx) {
    const list = ctx.extension?.insert;
    if (!Array.isArray(list)) return [];
    const points = [...ctx.extensionPoints.keys()].map((p) => q(p)).join(', ') || '—';
    const out: Finding[] = [];
    list.forEach((ins, i) => {
      const at = (ins as { at?: unknown } | null)?.at;
      if (typeof at === 'string' && ctx.extensionPoints.has(at)) return;
      const [frGuess, enGuess] = didYouMean(at, ctx.extensionPoints.keys());
      out.push(finding('extension', childPointer('', 'insert', i, 'at'),
        [`le tronc commun ne déclare pas de point d’extension ${q(at)}`, `the core declares no extension point ${q(at)}`],
        [`${frGuess}utilisez un des points déclarés : ${points} ; ou ajoutez une section à la fin (sections)`, `${enGuess}use one of the declared points: ${points}; or add a section at the end (sections)`]));
    });
    return out;
  },
};
