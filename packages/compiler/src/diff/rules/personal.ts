/**
 * Personal data (docs/contracts.md, "Personal data"): marking a question `personal` or unmarking it
 * is PATCH. The answers keep their shape and meaning; what changes is who may export them and
 * that results leave the question out (a question personal in any version is aggregated in
 * none), so the change is named for the statistician but never breaks comparison.
 */
import { change, commonQuestions } from '../model.js';
import type { Change, DiffContext } from '../types.js';

/** `personal-changed`: `personal` added, removed or switched on a question kept by both versions. */
export function personalChanged(ctx: DiffContext): Change[] {
  const out: Change[] = [];
  for (const p of commonQuestions(ctx)) {
    const was = p.before.question.personal === true;
    const is = p.after.question.personal === true;
    if (was === is) continue;
    out.push(change('patch', `${p.after.pointer}/personal`, 'personal-changed',
      is ? `question "${p.id}" marked as personal data (left out of results; exported only with the export-personal right)` : `question "${p.id}" no longer marked as personal data`,
      is ? `question « ${p.id} » marquée comme donnée personnelle (absente des résultats ; exportée seulement avec le droit export-personal)` : `question « ${p.id} » n’est plus marquée comme donnée personnelle`,
      p.id));
  }
  return out;
}
