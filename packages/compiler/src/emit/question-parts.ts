/**
 * The parts of a compiled question the emitters read: its choices, rows and "other" text,
 * and the questionnaire's questions in order. Pure functions of the compiled questionnaire.
 */
import type { CompiledQuestion, CompiledQuestionnaire, Condition, LocalizedText } from '@olva/schema';
import { OTHER_CODE } from '@olva/schema';

/** Every question of the compiled questionnaire, in questionnaire order. */
export function allQuestions(compiled: CompiledQuestionnaire): CompiledQuestion[] {
  return compiled.sections.flatMap((s) => s.questions);
}

/** The key under which the "other, please specify" text of a question travels. */
export { otherKey } from '@olva/schema';

/** The condition under which the `<id>_other` text of a question is asked, and required. */
export function otherChosen(q: CompiledQuestion): Condition {
  return q.type === 'multiple' ? { in: [OTHER_CODE, { var: q.id }] } : { '==': [{ var: q.id }, OTHER_CODE] };
}

/** True when the question declares an "other, please specify" text. */
export function hasOther(q: CompiledQuestion): q is CompiledQuestion & { other: { label: LocalizedText } } {
  return (q.type === 'single' || q.type === 'multiple') && q.other !== undefined;
}

/** The choices of a question (empty for types without choices). */
export function choicesOf(q: CompiledQuestion): { code: string; label: LocalizedText }[] {
  return 'choices' in q && Array.isArray(q.choices) ? q.choices : [];
}

/** The rows of a matrix question (empty for other types). */
export function rowsOf(q: CompiledQuestion): { code: string; label: LocalizedText }[] {
  return q.type === 'matrix' ? q.rows : [];
}
