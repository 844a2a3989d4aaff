import type { LintRule, Finding } from './rule.js';
import { finding, q } from './rule.js';
import { childPointer, counted, plural } from '@olva/schema';
import { namespacedId } from './context.js';

/**
 * Every id an extension adds is `<namespace>.<id>`, so that two territories never collide in
 * the national data and a core id is never shadowed. Reusing a core id is reported by
 * `extension-redefines-core` instead.
 */
export const extensionOutsideNamespace: LintRule = {
  name: 'extension-outside-namespace',
  severity: 'error',
  description: { fr: 'Un identifiant de l’extension n’est pas dans son espace de noms.', en: 'An extension id is outside its namespace.' },
  check(ctx) {
    const ext = ctx.extension;
    if (!ext || typeof ext.namespace !== 'string') return [];
    const coreIds = new Set([...ctx.questions, ...ctx.sections, ...ctx.checks].filter((e) => e.doc === 'core').map((e) => e.id));
    const out: Finding[] = [];
    const kinds: [string, string, { id: string; doc: string; pointer: string }[]][] = [
      ['la question', 'question', ctx.questions],
      ['la section', 'section', ctx.sections],
      ['le contrôle', 'check', ctx.checks],
    ];
    for (const [fr, en, entries] of kinds) {
      for (const e of entries) {
        const fixed = e.doc === 'extension' && e.id && !coreIds.has(e.id) ? namespacedId(e.id, ext.namespace) : undefined;
        if (!fixed) continue;
        // Conditions and checks that already read the right id are waiting for this rename.
        const readers = ctx.namespaceFixes.get(fixed) === e
          ? ctx.conditions.filter((c) => c.doc === 'extension' && c.scan.reads.some((r) => r.name === fixed)).length
            + ctx.checks.filter((c) => c.doc === 'extension' && Array.isArray(c.check.questions) && c.check.questions.includes(fixed)).length
          : 0;
        const waiting: [string, string] = readers
          ? [` ; ${counted('fr', readers, 'condition ou contrôle lit', 'conditions ou contrôles lisent')} déjà ${q(fixed)} et la ${plural('fr', readers, 'trouvera', 'trouveront')} une fois renommée`, `; ${counted('en', readers, 'condition or check already reads', 'conditions or checks already read')} ${q(fixed)} and will find it once renamed`]
          : ['', ''];
        out.push(finding('extension', childPointer(e.pointer, 'id'),
          [`${fr} ${q(e.id)} n’est pas dans l’espace de noms ${q(ext.namespace)}${waiting[0]}`, `${en} id ${q(e.id)} is outside the namespace ${q(ext.namespace)}${waiting[1]}`],
          [`écrivez ${q(fixed)}`, `write ${q(fixed)}`]));
      }
    }
    return out;
  },
};
