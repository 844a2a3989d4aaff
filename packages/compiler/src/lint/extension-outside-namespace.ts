import type { LintRule, Finding } from './rule.js';
import { finding, q } from './rule.js';
import { childPointer } from '@olva/schema';

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
    const prefix = `${ext.namespace}.`;
    const coreIds = new Set([...ctx.questions, ...ctx.sections, ...ctx.checks].filter((e) => e.doc === 'core').map((e) => e.id));
    const out: Finding[] = [];
    const kinds: [string, string, { id: string; doc: string; pointer: string }[]][] = [
      ['la question', 'question', ctx.questions],
      ['la section', 'section', ctx.sections],
      ['le contrôle', 'check', ctx.checks],
    ];
    for (const [fr, en, entries] of kinds) {
      for (const e of entries) {
        if (e.doc !== 'extension' || !e.id || e.id.startsWith(prefix) || coreIds.has(e.id)) continue;
        const local = e.id.includes('.') ? e.id.slice(e.id.indexOf('.') + 1) : e.id;
        out.push(finding('extension', childPointer(e.pointer, 'id'),
          [`${fr} ${q(e.id)} n’est pas dans l’espace de noms ${q(ext.namespace)}`, `${en} id ${q(e.id)} is outside the namespace ${q(ext.namespace)}`],
          [`écrivez ${q(prefix + local)}`, `write ${q(prefix + local)}`]));
      }
    }
    return out;
  },
};
