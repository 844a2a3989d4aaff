import type { LintRule, Finding } from './rule.js';
import { finding, q } from './rule.js';
import { childPointer } from '@olva/schema';

/**
 * An extension's check may only warn: an `error` would block submissions that the core
 * accepts, which amounts to changing the requiredness of core questions.
 */
export const extensionCheckLevel: LintRule = {
  name: 'extension-check-level',
  severity: 'error',
  description: { fr: 'Un contrôle d’extension n’est pas un avertissement.', en: 'An extension check is not a warning.' },
  check(ctx) {
    const out: Finding[] = [];
    for (const c of ctx.checks) {
      if (c.doc !== 'extension') continue;
      const level = c.check.level;
      if (level === undefined || level === 'warning') continue;
      out.push(finding('extension', childPointer(c.pointer, 'level'),
        [`le contrôle ${q(c.id)} est de niveau ${q(level)} ; une extension ne peut ajouter que des avertissements, car une erreur bloquerait l’envoi de réponses que le tronc commun accepte (et les comparaisons entre territoires)`,
          `check ${q(c.id)} has level ${q(level)}; an extension may only add warnings, since an error would block responses that the core accepts (and comparisons between territories)`],
        ['écrivez "level": "warning" : la personne est avertie et peut confirmer sa réponse', 'write "level": "warning": the respondent is warned and can confirm the answer']));
    }
    return out;
  },
};
