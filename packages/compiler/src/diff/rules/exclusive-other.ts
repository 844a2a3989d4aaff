/**
 * Exclusive codes and "other, please specify". Making a code exclusive forbids earlier
 * combinations (MAJOR); freeing one widens (MINOR). Adding an "other" text adds a column
 * (MINOR); removing it drops one (MAJOR).
 */
import { change, commonQuestions } from '../model.js';
import type { Change, DiffContext } from '../types.js';

/** `exclusive-added` / `exclusive-removed`. */
export function exclusiveChanged(ctx: DiffContext): Change[] {
  const out: Change[] = [];
  for (const p of commonQuestions(ctx)) {
    const b = ((p.before.question as { exclusive?: string[] }).exclusive ?? []);
    const a = ((p.after.question as { exclusive?: string[] }).exclusive ?? []);
    for (const c of a.filter((x) => !b.includes(x))) {
      out.push(change('major', `${p.after.pointer}/exclusive`, 'exclusive-added', `choice "${c}" of question "${p.id}" became exclusive`,
        `le choix « ${c} » de la question « ${p.id} » est devenu exclusif`, p.id));
    }
    for (const c of b.filter((x) => !a.includes(x))) {
      out.push(change('minor', `${p.after.pointer}/exclusive`, 'exclusive-removed', `choice "${c}" of question "${p.id}" is no longer exclusive`,
        `le choix « ${c} » de la question « ${p.id} » n’est plus exclusif`, p.id));
    }
  }
  return out;
}

/** `other-added` / `other-removed`. */
export function otherChanged(ctx: DiffContext): Change[] {
  const out: Change[] = [];
  for (const p of commonQuestions(ctx)) {
    const b = 'other' in p.before.question && p.before.question.other !== undefined;
    const a = 'other' in p.after.question && p.after.question.other !== undefined;
    if (a && !b) {
      out.push(change('minor', `${p.after.pointer}/other`, 'other-added', `question "${p.id}" gained an "other, please specify" text`,
        `la question « ${p.id} » gagne un texte « autre, précisez »`, p.id));
    }
    if (b && !a) {
      out.push(change('major', `${p.before.pointer}/other`, 'other-removed', `question "${p.id}" lost its "other, please specify" text (${p.id}_other)`,
        `la question « ${p.id} » perd son texte « autre, précisez » (${p.id}_other)`, p.id));
    }
  }
  return out;
}
