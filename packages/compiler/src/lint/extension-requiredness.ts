import type { LintRule, Finding } from './rule.js';
import { finding, q, redeclaredCoreQuestions } from './rule.js';
import { childPointer, sameJson } from '@olva/schema';

/**
 * An extension cannot make a core question required or optional: response rates would stop
 * being comparable between territories.
 */
export const extensionRequiredness: LintRule = {
  name: 'extension-requiredness',
  severity: 'error',
  description: { fr: 'L’extension change le caractère obligatoire d’une question du tronc commun.', en: 'The extension changes whether a core question is required.' },
  check(ctx) {
    const out: Finding[] = [];
    for (const { extension: e, core } of redeclaredCoreQuestions(ctx)) {
      const norm = (x: unknown) => (x === undefined ? false : x);
      const mine = (e.question as { required?: unknown }).required;
      const theirs = (core.question as { required?: unknown }).required;
      if (sameJson(norm(mine), norm(theirs))) continue;
      out.push(finding('extension', mine === undefined ? e.pointer : childPointer(e.pointer, 'required'),
        [`l’extension change le caractère obligatoire de la question ${q(e.id)} du tronc commun`, `the extension changes whether core question ${q(e.id)} is required`],
        ['une extension ne peut pas rendre obligatoire ou facultative une question du tronc commun : retirez cette redéfinition (un contrôle de niveau warning peut inviter à répondre)', 'an extension cannot make a core question required or optional: remove this redefinition (a warning check may encourage an answer)']));
    }
    return out;
  },
};
