/** Questions added (MINOR) and removed (MAJOR: earlier answers lose their column). */
import { change } from '../model.js';
import type { Change, DiffContext } from '../types.js';

/** `question-removed`: a question of the old version is gone. */
export function questionRemoved(ctx: DiffContext): Change[] {
  return [...ctx.before.questions].filter(([id]) => !ctx.after.questions.has(id)).map(([id, q]) => change(
    'major', q.pointer, 'question-removed', `question "${id}" was removed`, `la question « ${id} » a été retirée`, id,
  ));
}

/** `question-added`: a new question. */
export function questionAdded(ctx: DiffContext): Change[] {
  return [...ctx.after.questions].filter(([id]) => !ctx.before.questions.has(id)).map(([id, q]) => change(
    'minor', q.pointer, 'question-added', `question "${id}" was added`, `la question « ${id} » a été ajoutée`, id,
  ));
}
