import type { LintRule, Finding } from './rule.js';
import { finding, q } from './rule.js';
import { didYouMean } from './suggest.js';
import { childPointer } from '@olva/schema';

/** A check's message is shown next to the questions it names: they must exist. */
export const checkUnknownQuestion: LintRule = {
  name: 'check-unknown-question',
  severity: 'error',
  description: { fr: 'Un contrôle désigne une question qui n’existe pas.', en: 'A check points at a question that does not exist.' },
  check(ctx) {
    const out: Finding[] = [];
    for (const c of ctx.checks) {
      const list = c.check.questions;
      if (!Array.isArray(list)) continue;
      const known = new Set(ctx.questions.filter((e) => c.doc === 'extension' || e.doc === 'core').map((e) => e.id));
      list.forEach((id, i) => {
        if (typeof id === 'string' && known.has(id)) return;
        if (typeof id === 'string' && c.doc === 'extension' && ctx.namespaceFixes.has(id)) return;
        const [frGuess, enGuess] = didYouMean(id, known);
        out.push(finding(c.doc, childPointer(c.pointer, 'questions', i),
          [`le contrôle ${q(c.id)} désigne ${q(id)}, qui n’est l’identifiant d’aucune question`, `check ${q(c.id)} points at ${q(id)}, which is no question's id`],
          [`${frGuess}utilisez l’identifiant exact d’une question du questionnaire`, `${enGuess}use the exact id of a question of the questionnaire`]));
      });
    }
    return out;
  },
};
