/** Questions added (MINOR) and removed (MAJOR: earlier answers lose their column). */
import type { Change, DiffContext } from '../types.js';

/** `question-removed`: a question of the old version is gone. */
export function questionRemoved(ctx: DiffContext): Change[] {
  return [...ctx.before.questions].filter(([id]) => !ctx.after.questions.has(id)).map(([id, q]) => ({
    kind: 'major', pointer: q.pointer, rule: 'question-removed', message: `question "${id}" was removed`,
  }));
}

/** `question-added`: a new question. */
export function questionAdded(ctx: DiffContext): Change[] {
  return [...ctx.after.questions].filter(([id]) => !ctx.before.questions.has(id)).map(([id, q]) => ({
    kind: 'minor', pointer: q.pointer, rule: 'question-added', message: `question "${id}" was added`,
  }));
}
