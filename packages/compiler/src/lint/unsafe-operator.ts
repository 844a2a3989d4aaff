import { SAFE_OPERATORS, childPointer, isSafeOperator } from '@olva/schema';
import type { LintRule, Finding } from './rule.js';
import { finding, q } from './rule.js';

/**
 * Conditions run in every browser and in the collector: only the safe JsonLogic subset is
 * allowed (json-logic-js also has `method`, `log`, `map`…, which could reach object methods).
 * An object with several keys is not an operation at all.
 */
export const unsafeOperator: LintRule = {
  name: 'unsafe-operator',
  severity: 'error',
  description: { fr: 'Une condition utilise un opérateur hors du sous-ensemble sûr.', en: 'A condition uses an operator outside the safe subset.' },
  check(ctx) {
    const out: Finding[] = [];
    const allowed = SAFE_OPERATORS.join(', ');
    for (const c of ctx.conditions) {
      for (const op of c.scan.operations) {
        if (isSafeOperator(op.operator)) continue;
        out.push(finding(c.doc, childPointer(op.pointer, op.operator),
          [`l’opérateur ${q(op.operator)} n’est pas permis dans une condition`, `operator ${q(op.operator)} is not allowed in a condition`],
          [`utilisez seulement : ${allowed}`, `use only: ${allowed}`]));
      }
      for (const m of c.scan.malformed) {
        out.push(finding(c.doc, m.pointer,
          [`cet objet n’est pas une opération JsonLogic (clés : ${m.keys.map((k) => q(k)).join(', ') || 'aucune'})`, `this object is not a JsonLogic operation (keys: ${m.keys.map((k) => q(k)).join(', ') || 'none'})`],
          ['une opération a exactement une clé, l’opérateur ; combinez-en plusieurs avec "and" ou "or"', 'an operation has exactly one key, its operator; combine several with "and" or "or"']));
      }
    }
    return out;
  },
};
