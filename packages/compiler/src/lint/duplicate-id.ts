import type { LintRule, Finding } from './rule.js';
import { finding, q } from './rule.js';
import { childPointer } from '@olva/schema';

/**
 * Ids are column names in exports and keys in payloads: two questions (or two sections, or two
 * checks) with one id would mix their answers. Collisions between an extension and the core
 * are `extension-redefines-core`'s business.
 */
export const duplicateId: LintRule = {
  name: 'duplicate-id',
  severity: 'error',
  description: { fr: 'Deux questions, sections ou contrôles portent le même identifiant.', en: 'Two questions, sections or checks share an id.' },
  check(ctx) {
    const out: Finding[] = [];
    const scan = (kind: [fr: string, en: string, defined: string], entries: { id: string; doc: 'core' | 'extension'; pointer: string }[]) => {
      const seen = new Map<string, { doc: string; pointer: string }>();
      for (const e of entries) {
        if (!e.id) continue;
        const first = seen.get(e.id);
        if (!first) { seen.set(e.id, e); continue; }
        if (first.doc !== e.doc) continue;
        out.push(finding(e.doc, childPointer(e.pointer, 'id'),
          [`${kind[0]} ${q(e.id)} est déjà ${kind[2]} en ${first.pointer}`, `${kind[1]} id ${q(e.id)} is already used at ${first.pointer}`],
          ['donnez-lui un identifiant unique', 'give it an id of its own']));
      }
    };
    scan(['la question', 'question', 'définie'], ctx.questions);
    scan(['la section', 'section', 'définie'], ctx.sections);
    scan(['le contrôle', 'check', 'défini'], ctx.checks);
    return out;
  },
};
