import type { LintRule, Finding, Bilingual } from './rule.js';
import { finding, q, redeclaredCoreQuestions } from './rule.js';
import { childPointer, sameJson } from '@olva/schema';

/** What a redefinition of a core question would change, for a precise message. */
function changes(core: Record<string, unknown>, ext: Record<string, unknown>): Bilingual {
  const fr: string[] = [];
  const en: string[] = [];
  if (!sameJson(core.label, ext.label) || !sameJson(core.help, ext.help)) { fr.push('la reformuler'); en.push('reword it'); }
  if (core.type !== ext.type) { fr.push('changer son type'); en.push('change its type'); }
  const codes = (x: unknown) => (Array.isArray(x) ? x.map((c) => (c as { code?: unknown } | null)?.code) : []);
  const before = codes(core.choices);
  const after = codes(ext.choices);
  if (after.some((c) => !before.includes(c))) { fr.push('lui ajouter des choix'); en.push('add choices to it'); }
  if (before.some((c) => !after.includes(c))) { fr.push('lui retirer des choix'); en.push('remove choices from it'); }
  if (!sameJson(core.choices, ext.choices) && after.every((c) => before.includes(c)) && before.every((c) => after.includes(c))) {
    fr.push('recoder ou réordonner ses choix'); en.push('recode or reorder its choices');
  }
  if (!sameJson(core.rows, ext.rows)) { fr.push('changer ses lignes'); en.push('change its rows'); }
  if (!sameJson(core.visibleWhen, ext.visibleWhen)) { fr.push('la masquer'); en.push('hide it'); }
  if (!sameJson(core.required, ext.required)) { fr.push('changer son caractère obligatoire'); en.push('change its requiredness'); }
  if (fr.length === 0) { fr.push('la déplacer ou la dupliquer'); en.push('move or duplicate it'); }
  return { fr: fr.join(', '), en: en.join(', ') };
}

/**
 * An extension only adds. Reusing a core id — for a question, a section or a check — would
 * remove, reword, recode, reorder or add choices to what every territory compares.
 */
export const extensionRedefinesCore: LintRule = {
  name: 'extension-redefines-core',
  severity: 'error',
  description: { fr: 'L’extension redéfinit une question, une section ou un contrôle du tronc commun.', en: 'The extension redefines a core question, section or check.' },
  check(ctx) {
    const out: Finding[] = [];
    for (const { extension: e, core } of redeclaredCoreQuestions(ctx)) {
      const what = changes(core.question as unknown as Record<string, unknown>, e.question as unknown as Record<string, unknown>);
      out.push(finding('extension', childPointer(e.pointer, 'id'),
        [`${q(e.id)} est une question du tronc commun (${core.pointer}) : une extension ne fait qu’ajouter, elle ne peut pas ${what.fr}`, `${q(e.id)} is a core question (${core.pointer}): an extension only adds: it cannot ${what.en}`],
        [`retirez cette question, ou ajoutez une question nouvelle dans l’espace de noms (par ex. "${ctx.extension?.namespace}.${e.id}") ; pour changer le tronc commun, proposez une nouvelle version au réseau`, `remove this question, or add a new one in the namespace (e.g. "${ctx.extension?.namespace}.${e.id}"); to change the core, propose a new core version to the network`]));
    }
    // Sections and checks, and questions reusing a core section or check id: any reuse of a
    // core id is a redefinition (extension-outside-namespace leaves exactly these to this rule).
    const coreIds = new Map<string, string>();
    for (const [kind, entries] of [['section', ctx.sections], ['check', ctx.checks], ['question', ctx.questions]] as const) {
      for (const e of entries) if (e.doc === 'core' && e.id && !coreIds.has(e.id)) coreIds.set(e.id, kind);
    }
    const KIND_FR: Record<string, string> = { section: 'une section', check: 'un contrôle', question: 'une question' };
    const mine: [string, { id: string; doc: string; pointer: string }[]][] = [['section', ctx.sections], ['check', ctx.checks], ['question', ctx.questions]];
    for (const [kind, entries] of mine) {
      for (const e of entries) {
        if (e.doc !== 'extension' || !e.id) continue;
        const theirs = coreIds.get(e.id);
        if (!theirs || (kind === 'question' && ctx.coreQuestions.has(e.id))) continue;
        out.push(finding('extension', childPointer(e.pointer, 'id'),
          [`${q(e.id)} est déjà l’identifiant d’${KIND_FR[theirs]} du tronc commun : une extension ne peut pas le remplacer, le masquer ni le réordonner`, `${q(e.id)} is already the id of a core ${theirs}: an extension cannot replace, hide or reorder it`],
          [`nommez-le dans l’espace de noms de l’extension, par ex. "${ctx.extension?.namespace}.${e.id}"`, `name it in the extension's namespace, e.g. "${ctx.extension?.namespace}.${e.id}"`]));
      }
    }
    return out;
  },
};
