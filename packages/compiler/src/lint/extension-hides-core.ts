import type { LintRule, Finding } from './rule.js';
import { finding, q, redeclaredCoreQuestions } from './rule.js';
import { childPointer, sameJson } from '@olva/schema';

/**
 * An extension cannot change when a core question is shown: the national data must mean the
 * same thing in every territory. The only way to try is to redeclare the question with another
 * `visibleWhen`; this rule names that exact property.
 */
export const extensionHidesCore: LintRule = {
  name: 'extension-hides-core',
  severity: 'error',
  description: { fr: 'L’extension change l’affichage d’une question du tronc commun.', en: 'The extension changes the visibility of a core question.' },
  check(ctx) {
    const out: Finding[] = [];
    for (const { extension: e, core } of redeclaredCoreQuestions(ctx)) {
      const mine = (e.question as { visibleWhen?: unknown }).visibleWhen;
      const theirs = (core.question as { visibleWhen?: unknown }).visibleWhen;
      if (sameJson(mine, theirs)) continue;
      out.push(finding('extension', mine === undefined ? e.pointer : childPointer(e.pointer, 'visibleWhen'),
        [`l’extension change la condition d’affichage de la question ${q(e.id)} du tronc commun`, `the extension changes when core question ${q(e.id)} is shown`],
        ['une extension ne peut ni masquer ni afficher autrement une question du tronc commun : retirez cette redéfinition', 'an extension can neither hide a core question nor show it differently: remove this redefinition']));
    }
    return out;
  },
};
