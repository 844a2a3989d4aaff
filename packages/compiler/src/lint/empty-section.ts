import type { LintRule, Finding } from './rule.js';
import { finding, q } from './rule.js';
import { isPoint } from './context.js';
import { childPointer } from '@olva/schema';

/**
 * A section is one page: a section holding only extension points would be an empty page for
 * every territory that does not fill them (and for the bare core).
 */
export const emptySection: LintRule = {
  name: 'empty-section',
  severity: 'error',
  description: { fr: 'Une section ne contient aucune question.', en: 'A section holds no question.' },
  check(ctx) {
    const out: Finding[] = [];
    for (const s of ctx.sections) {
      if (s.items.some((item) => typeof item === 'object' && item !== null && !isPoint(item))) continue;
      out.push(finding(s.doc, childPointer(s.pointer, 'items'),
        [`la section ${q(s.id)} ne contient aucune question`, `section ${q(s.id)} holds no question`],
        ['ajoutez-y au moins une question, ou supprimez la section', 'add at least one question to it, or remove the section']));
    }
    return out;
  },
};
