/**
 * A question's type changed. MAJOR (the answers no longer have the same shape or meaning),
 * except text ↔ textarea, which only changes the size of the field: MINOR.
 */
import { change, commonQuestions } from '../model.js';
import type { Change, DiffContext } from '../types.js';

const SAME_ANSWER = new Set(['text>textarea', 'textarea>text']);

/** `type-changed`. */
export function typeChanged(ctx: DiffContext): Change[] {
  return commonQuestions(ctx).filter((p) => p.before.question.type !== p.after.question.type).map((p) => {
    const key = `${p.before.question.type}>${p.after.question.type}`;
    return change(SAME_ANSWER.has(key) ? 'minor' : 'major', `${p.after.pointer}/type`, 'type-changed',
      `question "${p.id}" changed type from ${p.before.question.type} to ${p.after.question.type}`,
      `la question « ${p.id} » change de type : ${p.before.question.type} → ${p.after.question.type}`, p.id);
  });
}
