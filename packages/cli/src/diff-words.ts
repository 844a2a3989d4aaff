/**
 * `olva diff` in words: each change a statistician cares about (reworded, added, removed,
 * renamed, recoded, split, merged…) as a phrase in French or English.
 */
import type { QuestionVerdict, StatisticalChange } from '@olva/compiler';
import type { Lang } from './io.js';

/** The size of a change in words. */
export const KIND_WORDS: Record<Lang, Record<string, string>> = {
  fr: { none: 'aucun', patch: 'correctif', minor: 'mineure', major: 'majeure', invalid: 'invalide' },
  en: { none: 'none', patch: 'patch', minor: 'minor', major: 'major', invalid: 'invalid' },
};

const q = (lang: Lang, code: string) => (lang === 'fr' ? `« ${code} »` : `"${code}"`);
const list = (lang: Lang, codes: readonly string[]) => codes.map((c) => q(lang, c)).join(', ');

/** One statistical change as a phrase. */
export function changeWords(c: StatisticalChange, lang: Lang): string {
  const fr = lang === 'fr';
  switch (c.what) {
    case 'reworded': return fr ? 'reformulée' : 'reworded';
    case 'added': return fr ? 'ajoutée' : 'added';
    case 'removed': return fr ? 'retirée (plus de colonne pour les réponses antérieures)' : 'removed (earlier answers lose their column)';
    case 'renamed': return fr ? `renommée (était ${q(lang, c.from)})` : `renamed (was ${q(lang, c.from)})`;
    case 'recoded': return fr ? `code ${q(lang, c.from)} recodé ${q(lang, c.to)}` : `code ${q(lang, c.from)} recoded ${q(lang, c.to)}`;
    case 'split': return fr ? `choix ${q(lang, c.from)} scindé en ${list(lang, c.to)}` : `choice ${q(lang, c.from)} split into ${list(lang, c.to)}`;
    case 'merged': return fr ? `choix ${list(lang, c.from)} fusionnés en ${q(lang, c.to)}` : `choices ${list(lang, c.from)} merged into ${q(lang, c.to)}`;
    case 'code-added': return fr ? `choix ${q(lang, c.code)} ajouté` : `choice ${q(lang, c.code)} added`;
    case 'code-removed': return fr ? `choix ${q(lang, c.code)} retiré` : `choice ${q(lang, c.code)} removed`;
    case 'not-comparable': return fr ? `non comparable avec la version précédente : ${c.reason.fr}` : `not comparable with the previous version: ${c.reason.en ?? c.reason.fr}`;
    case 'changed': return fr ? `autres changements (${c.rules.join(', ')})` : `other changes (${c.rules.join(', ')})`;
  }
}

/** One line per question: `  id [majeure] : reformulée ; choix « a » scindé en « b », « c »`. */
export function verdictLines(verdicts: readonly QuestionVerdict[], lang: Lang): string[] {
  return verdicts.map((v) => `  ${v.question} [${KIND_WORDS[lang][v.kind]}]${lang === 'fr' ? ' :' : ':'} ${v.changes.map((c) => changeWords(c, lang)).join(lang === 'fr' ? ' ; ' : '; ') || (lang === 'fr' ? 'table de passage déclarée' : 'crosswalk declared')}`);
}
