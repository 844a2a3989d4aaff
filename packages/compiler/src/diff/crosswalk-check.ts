/**
 * The crosswalk a new version declares, checked against the two versions compared: every
 * entry names a question of the new version, a mapping's `from` a question of the old one, its
 * codes existing codes, and every code the new version dropped is mapped somewhere (or the
 * question declared not comparable). A MAJOR change to a question needs an entry: otherwise
 * nobody has said how earlier answers compare (issue 14, "Crosswalks between versions").
 */
import {
  crosswalkVersionOf, isNotComparable, type CrosswalkQuestion, type QuestionnaireDefinition,
} from '@olva/schema';
import type { CompilerProblem } from '../problems.js';
import type { Change } from './types.js';

/** The file names problems are reported against. */
export interface DiffFiles { old: string; new: string }

function problem(file: string, pointer: string, rule: string, en: [string, string], fr: [string, string], severity: 'error' | 'warning' = 'error'): CompilerProblem {
  return { file, pointer, rule, severity, message: en[0], hint: en[1], fr: { message: fr[0], hint: fr[1] } };
}

const codesOf = (q: CrosswalkQuestion | undefined) => new Set((q?.choices ?? []).map((c) => c.code));

/** Problems of the crosswalk of `after` read against `before` (both as given, not renamed). */
export function crosswalkProblems(before: QuestionnaireDefinition, after: QuestionnaireDefinition, files: DiffFiles): CompilerProblem[] {
  const crosswalk = after.crosswalk;
  if (!crosswalk) return [];
  const out: CompilerProblem[] = [];
  const oldQs = new Map(crosswalkVersionOf(before).questions.map((q) => [q.id, q]));
  const newQs = new Map(crosswalkVersionOf(after).questions.map((q) => [q.id, q]));
  if (crosswalk.from !== before.version) {
    out.push(problem(files.new, '/crosswalk/from', 'crosswalk/from-version',
      [`the crosswalk maps from version ${crosswalk.from}, compared here with ${before.version}`, 'compare with the version the crosswalk names, or update `from`'],
      [`la table de passage part de la version ${crosswalk.from}, comparée ici à la ${before.version}`, 'comparez avec la version qu’elle nomme, ou corrigez `from`'], 'warning'));
  }
  const seen = new Set<string>();
  crosswalk.questions.forEach((entry, i) => {
    const at = `/crosswalk/questions/${i}`;
    if (seen.has(entry.question)) {
      out.push(problem(files.new, `${at}/question`, 'crosswalk/duplicate-question',
        [`question "${entry.question}" has two crosswalk entries`, 'keep one entry per question'],
        [`la question « ${entry.question} » a deux entrées dans la table de passage`, 'gardez une entrée par question']));
    }
    seen.add(entry.question);
    const now = newQs.get(entry.question);
    if (!now) {
      out.push(problem(files.new, `${at}/question`, 'crosswalk/unknown-question',
        [`the crosswalk names question "${entry.question}", which is not in version ${after.version}`, '`question` is the id in the new version'],
        [`la table de passage nomme la question « ${entry.question} », absente de la version ${after.version}`, '`question` est l’identifiant dans la nouvelle version']));
      return;
    }
    if (isNotComparable(entry)) return;
    const was = oldQs.get(entry.from);
    if (!was) {
      out.push(problem(files.new, `${at}/from`, 'crosswalk/unknown-source',
        [`the crosswalk maps question "${entry.question}" from "${entry.from}", which is not in version ${before.version}`, '`from` is the id in the previous version'],
        [`la table de passage fait venir « ${entry.question} » de « ${entry.from} », absente de la version ${before.version}`, '`from` est l’identifiant dans la version précédente']));
      return;
    }
    const oldCodes = codesOf(was);
    const newCodes = codesOf(now);
    for (const [from, to] of Object.entries(entry.codes ?? {})) {
      if (!oldCodes.has(from)) {
        out.push(problem(files.new, `${at}/codes/${from}`, 'crosswalk/unknown-code',
          [`"${from}" is not a code of question "${entry.from}" in version ${before.version}`, `its codes: ${[...oldCodes].join(', ') || 'none'}`],
          [`« ${from} » n’est pas un code de la question « ${entry.from} » dans la version ${before.version}`, `ses codes : ${[...oldCodes].join(', ') || 'aucun'}`]));
      }
      to.forEach((code, j) => {
        if (!newCodes.has(code)) {
          out.push(problem(files.new, `${at}/codes/${from}/${j}`, 'crosswalk/unknown-code',
            [`"${code}" is not a code of question "${entry.question}" in version ${after.version}`, `its codes: ${[...newCodes].join(', ') || 'none'}`],
            [`« ${code} » n’est pas un code de la question « ${entry.question} » dans la version ${after.version}`, `ses codes : ${[...newCodes].join(', ') || 'aucun'}`]));
        }
      });
    }
    for (const code of oldCodes) {
      if (!newCodes.has(code) && !(entry.codes && code in entry.codes)) {
        out.push(problem(files.new, `${at}/codes`, 'crosswalk/unmapped-code',
          [`code "${code}" of question "${entry.from}" is gone in version ${after.version} and the crosswalk does not say what it became`,
            'map it to its new code(s), or declare the question notComparable'],
          [`le code « ${code} » de la question « ${entry.from} » disparaît dans la version ${after.version} sans que la table de passage dise ce qu’il devient`,
            'associez-le à son ou ses nouveaux codes, ou déclarez la question notComparable']));
      }
    }
  });
  return out;
}

/**
 * One `crosswalk/missing` error per question that a MAJOR change touches and that has no
 * crosswalk entry (a removed question needs none: it has no column to compare with).
 */
export function missingEntries(changes: readonly Change[], after: QuestionnaireDefinition, files: DiffFiles): CompilerProblem[] {
  const declared = new Set((after.crosswalk?.questions ?? []).map((e) => e.question));
  const byQuestion = new Map<string, Change[]>();
  for (const c of changes) {
    if (c.kind !== 'major' || !c.question || c.rule === 'question-removed' || declared.has(c.question)) continue;
    byQuestion.set(c.question, [...(byQuestion.get(c.question) ?? []), c]);
  }
  return [...byQuestion].map(([id, cs]) => problem(files.new, cs[0]!.pointer, 'crosswalk/missing',
    [`question "${id}" changes in a way that breaks comparison (${cs.map((c) => c.rule).join(', ')}) and the crosswalk says nothing about it`,
      `add to "crosswalk.questions" { "question": "${id}", "from": "${id}", "codes": { … } }, or { "question": "${id}", "notComparable": { "fr": "…", "en": "…" } }`],
    [`la question « ${id} » change d’une façon qui rompt la comparaison (${cs.map((c) => c.rule).join(', ')}) et la table de passage n’en dit rien`,
      `ajoutez à « crosswalk.questions » { "question": "${id}", "from": "${id}", "codes": { … } }, ou { "question": "${id}", "notComparable": { "fr": "…", "en": "…" } }`]));
}
