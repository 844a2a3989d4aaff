import type { LintRule, Finding } from './rule.js';
import { finding, q } from './rule.js';
import type { QuestionEntry } from './context.js';

/**
 * Respondents (and people typing in paper forms) go through the questionnaire in order: a
 * question whose visibility or requiredness depends on a later answer would appear or
 * disappear behind their back. Checks may read any question, as they run on the whole.
 */
export const forwardReference: LintRule = {
  name: 'forward-reference',
  severity: 'error',
  description: { fr: 'Une condition d’affichage ou d’obligation lit une question placée après.', en: 'A visibility or requiredness condition reads a question placed after it.' },
  check(ctx) {
    const out: Finding[] = [];
    for (const c of ctx.conditions) {
      if (c.role === 'when') continue;
      const owner = c.owner as QuestionEntry;
      if (owner.position === null) continue;
      for (const read of c.scan.reads) {
        if (typeof read.name !== 'string') continue;
        const target = ctx.questionOf(read.name, c.doc);
        if (!target || target === owner || target.position === null || target.position <= owner.position) continue;
        const what = c.role === 'visibleWhen' ? ['l’affichage', 'visibility'] : ['l’obligation', 'requiredness'];
        out.push(finding(c.doc, read.pointer,
          [`${what[0]} de ${q(owner.id)} dépend de ${q(read.name)}, qui est posée après (question ${target.position + 1} contre ${owner.position + 1})`,
            `the ${what[1]} of ${q(owner.id)} depends on ${q(read.name)}, which is asked after it (question ${target.position + 1} vs ${owner.position + 1})`],
          [`placez ${q(target.id)} avant ${q(owner.id)}, ou faites de cette condition un contrôle (checks)`, `move ${q(target.id)} before ${q(owner.id)}, or express this as a check`]));
      }
    }
    return out;
  },
};
