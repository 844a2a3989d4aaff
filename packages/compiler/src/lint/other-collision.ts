import type { LintRule, Finding } from './rule.js';
import { finding, q } from './rule.js';
import { childPointer } from '@olva/schema';

/** The "other, please specify" text travels under `<id>_other`: no question may have that id. */
export const otherCollision: LintRule = {
  name: 'other-collision',
  severity: 'error',
  description: { fr: 'La clé <id>_other d’un choix « autre » est aussi l’identifiant d’une question.', en: 'The <id>_other key of an "other" choice is also a question id.' },
  check(ctx) {
    const out: Finding[] = [];
    const ids = new Set(ctx.questions.map((e) => e.id));
    for (const e of ctx.questions) {
      const other = (e.question as { other?: unknown }).other;
      if (other === undefined || !e.id) continue;
      const key = `${e.id}_other`;
      if (!ids.has(key)) continue;
      out.push(finding(e.doc, childPointer(e.pointer, 'other'),
        [`le texte « autre » de ${q(e.id)} serait envoyé sous ${q(key)}, qui est aussi l’identifiant d’une question`, `the "other" text of ${q(e.id)} would be sent as ${q(key)}, which is also a question id`],
        [`renommez la question ${q(key)}`, `rename question ${q(key)}`]));
    }
    return out;
  },
};
