/**
 * Personal data (docs/contracts.md, "Personal data", December 2026): a question marked
 * `"personal": true` identifies a person or an association (a name, an RNA number, an e-mail,
 * a free comment). Its answers never appear in results or public data, exports give them only
 * to a token with the `export-personal` right, and retention may purge them first.
 *
 * Several versions of one questionnaire may disagree (an older version, compiled before the
 * mark existed, lacks it): a question marked personal in any version given is personal in
 * all of them, so that answers kept under an older version are protected as well.
 */
import type { CompiledQuestion, CompiledQuestionnaire } from './compiled.js';
import { otherKey } from './other.js';

/** True when a question is marked as personal data. */
export function isPersonal(question: Pick<CompiledQuestion, 'personal'>): boolean {
  return question.personal === true;
}

/** The ids of the questions marked personal in any of `versions`. */
export function personalQuestionIds(versions: readonly CompiledQuestionnaire[]): Set<string> {
  const out = new Set<string>();
  for (const version of versions) {
    for (const section of version.sections) for (const q of section.questions) if (isPersonal(q)) out.add(q.id);
  }
  return out;
}

/**
 * A copy of `answers` without the answers of the personal questions `ids` (their value and
 * their "other, please specify" text); `answers` itself when none is there.
 */
export function withoutPersonalAnswers<T extends Record<string, unknown>>(answers: T, ids: ReadonlySet<string>): T {
  if (ids.size === 0) return answers;
  let out: Record<string, unknown> | null = null;
  for (const id of ids) {
    for (const key of [id, otherKey(id)]) {
      if (!Object.prototype.hasOwnProperty.call(answers, key)) continue;
      out ??= { ...answers };
      delete out[key];
    }
  }
  return (out ?? answers) as T;
}
