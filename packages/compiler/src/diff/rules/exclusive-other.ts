/**
 * Exclusive codes and "other, please specify". Making a code exclusive forbids earlier
 * combinations (MAJOR); freeing one widens (MINOR). Adding an "other" text adds a column
 * (MINOR); removing it drops one (MAJOR).
 */
import { commonQuestions } from '../model.js';
import type { Change, DiffContext } from '../types.js';

/** `exclusive-added` / `exclusive-removed`. */
export function exclusiveChanged(ctx: DiffContext): Change[] {
  const out: Change[] = [];
  for (const p of commonQuestions(ctx)) {
    const b = ((p.before.question as { exclusive?: string[] }).exclusive ?? []);
    const a = ((p.after.question as { exclusive?: string[] }).exclusive ?? []);
    for (const c of a.filter((x) => !b.includes(x))) {
      out.push({ kind: 'major', pointer: `${p.after.pointer}/exclusive`, rule: 'exclusive-added', message: `choice "${c}" of question "${p.id}" became exclusive` });
    }
    for (const c of b.filter((x) => !a.includes(x))) {
      out.push({ kind: 'minor', pointer: `${p.after.pointer}/exclusive`, rule: 'exclusive-removed', message: `choice "${c}" of question "${p.id}" is no longer exclusive` });
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
    if (a && !b) out.push({ kind: 'minor', pointer: `${p.after.pointer}/other`, rule: 'other-added', message: `question "${p.id}" gained an "other, please specify" text` });
    if (b && !a) out.push({ kind: 'major', pointer: `${p.before.pointer}/other`, rule: 'other-removed', message: `question "${p.id}" lost its "other, please specify" text (${p.id}_other)` });
  }
  return out;
}
