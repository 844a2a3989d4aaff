import safeRegex from 'safe-regex2';
import type { LintRule, Finding } from './rule.js';
import { finding, q } from './rule.js';
import { childPointer } from '@olva/schema';

/**
 * A pattern with nested quantifiers (`(a+)+`) can take exponential time on a crafted answer,
 * freezing the respondent's browser or the collector (ReDoS). safe-regex2 flags star height
 * above 1; invalid patterns are `invalid-pattern`'s business.
 */
export const unsafePattern: LintRule = {
  name: 'unsafe-pattern',
  severity: 'error',
  description: { fr: 'Un motif (pattern) peut provoquer un retour arrière catastrophique.', en: 'A pattern can backtrack catastrophically.' },
  check(ctx) {
    const out: Finding[] = [];
    for (const e of ctx.questions) {
      const pattern = (e.question as { pattern?: unknown }).pattern;
      if (typeof pattern !== 'string') continue;
      try { new RegExp(pattern, 'u'); } catch { continue; }
      if (safeRegex(pattern)) continue;
      out.push(finding(e.doc, childPointer(e.pointer, 'pattern'),
        [`le motif ${q(pattern)} peut boucler très longtemps sur certaines réponses (quantificateurs imbriqués)`, `pattern ${q(pattern)} can backtrack catastrophically on some answers (nested quantifiers)`],
        ['évitez les quantificateurs imbriqués comme (a+)+ ou (a|a)* ; préférez une limite de longueur (maxLength)', 'avoid nested quantifiers such as (a+)+ or (a|a)*; prefer a length limit (maxLength)']));
    }
    return out;
  },
};
