import type { LintRule, Finding } from './rule.js';
import { finding, q } from './rule.js';
import type { QuestionEntry } from './context.js';
import { OTHER_CODE, childPointer } from '@olva/schema';

interface Name { name: string; owner: QuestionEntry; derived: boolean; other: boolean }

/**
 * Every answer becomes export columns (`<id>`, `<id>_other`, `<id>__<code>` for each choice of a
 * multiple question, `<id>__<row>` for each matrix row) and, in SurveyJS, a name where dots
 * become `__`. Two questions whose columns or names meet would mix their data in the export.
 * Plain id duplicates and `<id>_other` collisions have their own rules.
 */
export const columnCollision: LintRule = {
  name: 'column-collision',
  severity: 'error',
  description: { fr: 'Deux questions produiraient la même colonne d’export.', en: 'Two questions would produce the same export column.' },
  check(ctx) {
    const ordered = [...ctx.questions].sort((a, b) => (a.position ?? Infinity) - (b.position ?? Infinity));
    const names: Name[] = [];
    for (const e of ordered) {
      if (!e.id) continue;
      const x = e.question as { type?: unknown; choices?: unknown; rows?: unknown; other?: unknown };
      const codes = (list: unknown) => (Array.isArray(list) ? list.map((c) => (c as { code?: unknown } | null)?.code).filter((c): c is string => typeof c === 'string') : []);
      if (x.type === 'matrix') {
        for (const row of codes(x.rows)) names.push({ name: `${e.id}__${row}`, owner: e, derived: true, other: false });
      } else {
        names.push({ name: e.id, owner: e, derived: false, other: false });
        // A multiple question with `other` also gets the column of the added choice `other`.
        const choiceCodes = x.other !== undefined ? [...new Set([...codes(x.choices), OTHER_CODE])] : codes(x.choices);
        if (x.type === 'multiple') for (const c of choiceCodes) names.push({ name: `${e.id}__${c}`, owner: e, derived: true, other: false });
      }
      if (x.other !== undefined) names.push({ name: `${e.id}_other`, owner: e, derived: true, other: true });
    }
    const out: Finding[] = [];
    const seen = new Map<string, Name>();
    const reported = new Set<QuestionEntry>();
    for (const n of names) {
      const key = n.name.replace(/\./g, '__');
      const first = seen.get(key);
      if (!first) { seen.set(key, n); continue; }
      if (first.owner.id === n.owner.id || reported.has(n.owner)) continue; // same id: duplicate-id, extension-redefines-core
      if (!first.derived && !n.derived && first.name === n.name) continue; // duplicate-id
      if ((first.other && !n.derived) || (n.other && !first.derived)) continue; // other-collision
      reported.add(n.owner);
      out.push(finding(n.owner.doc, childPointer(n.owner.pointer, 'id'),
        [`${q(n.owner.id)} produirait la colonne ${q(n.name)}, qui se confond avec ${q(first.name)} de ${q(first.owner.id)}`, `${q(n.owner.id)} would produce the column ${q(n.name)}, which clashes with ${q(first.name)} of ${q(first.owner.id)}`],
        ['renommez une des deux questions (évitez "__" dans les identifiants)', 'rename one of the two questions (avoid "__" in ids)']));
    }
    return out;
  },
};
