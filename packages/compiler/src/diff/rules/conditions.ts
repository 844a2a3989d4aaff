/**
 * Routing and requiredness. Who is asked a question, or who must answer it, decides what its
 * answers mean (the population behind the figures): any change is MAJOR.
 */
import { canonical, change, commonQuestions } from '../model.js';
import type { Change, DiffContext } from '../types.js';

/** `condition-changed`: `visibleWhen` added, removed or changed. */
export function conditionChanged(ctx: DiffContext): Change[] {
  return commonQuestions(ctx)
    .filter((p) => canonical(p.before.question.visibleWhen) !== canonical(p.after.question.visibleWhen))
    .map((p) => change('major', `${p.after.pointer}/visibleWhen`, 'condition-changed',
      `visibility condition of question "${p.id}" changed`, `condition d’affichage de la question « ${p.id} » modifiée`, p.id));
}

/** `required-changed`: `required` changed (true, false, absent or a condition). */
export function requiredChanged(ctx: DiffContext): Change[] {
  const norm = (r: unknown): string => canonical(r === undefined ? false : r);
  return commonQuestions(ctx)
    .filter((p) => norm(p.before.question.required) !== norm(p.after.question.required))
    .map((p) => change('major', `${p.after.pointer}/required`, 'required-changed',
      `requiredness of question "${p.id}" changed`, `caractère obligatoire de la question « ${p.id} » modifié`, p.id));
}
