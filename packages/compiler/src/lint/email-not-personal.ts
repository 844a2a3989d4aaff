import type { LintRule, Finding } from './rule.js';
import { finding, q } from './rule.js';
import { childPointer } from '@olva/schema';

/**
 * An e-mail address always identifies a person (docs/contracts.md, "Personal data"): a question of
 * type `email` without `"personal": true` would be exported to every token with the `export`
 * right. A warning, not an error: the build goes on, the maintainer decides.
 */
export const emailNotPersonal: LintRule = {
  name: 'email-not-personal',
  severity: 'warning',
  description: { fr: 'Une question de courriel n’est pas marquée comme donnée personnelle.', en: 'An e-mail question is not marked as personal data.' },
  check(ctx) {
    const out: Finding[] = [];
    for (const e of ctx.questions) {
      const { type, personal } = e.question as { type?: unknown; personal?: unknown };
      if (type !== 'email' || personal === true) continue;
      out.push(finding(e.doc, childPointer(e.pointer, 'personal'),
        [`la question de courriel ${q(e.id)} n’est pas marquée comme donnée personnelle`, `e-mail question ${q(e.id)} is not marked as personal data`],
        ['ajoutez "personal": true : ses réponses ne seront exportées qu’avec le droit export-personal', 'add "personal": true: its answers will then be exported only with the export-personal right']));
    }
    return out;
  },
};
