/**
 * Bounds on answers: min, max, maxLength, minSelected, maxSelected, pattern. Narrowing (a
 * bound added or tightened, a pattern added or changed) makes earlier answers possibly
 * invalid now: MAJOR. Widening (a bound loosened or removed): MINOR.
 */
import { change, commonQuestions } from '../model.js';
import type { Change, DiffContext } from '../types.js';

/** For each bound, whether a larger value is the looser one. */
const BOUNDS: Record<string, 'upper' | 'lower'> = {
  min: 'lower', max: 'upper', maxLength: 'upper', minSelected: 'lower', maxSelected: 'upper',
};

/** `bound-narrowed` / `bound-widened` / `pattern-changed`. */
export function boundsChanged(ctx: DiffContext): Change[] {
  const out: Change[] = [];
  for (const p of commonQuestions(ctx)) {
    if (p.before.question.type !== p.after.question.type) continue;
    const b = p.before.question as Record<string, unknown>;
    const a = p.after.question as Record<string, unknown>;
    for (const [name, side] of Object.entries(BOUNDS)) {
      const old = b[name] as number | undefined;
      const now = a[name] as number | undefined;
      if (old === now) continue;
      const pointer = `${p.after.pointer}/${name}`;
      const looser = now === undefined || (old !== undefined && (side === 'upper' ? now > old : now < old));
      out.push(looser
        ? change('minor', pointer, 'bound-widened', `${name} of question "${p.id}" widened (${old ?? 'none'} → ${now ?? 'none'})`,
          `${name} de la question « ${p.id} » élargi (${old ?? 'aucun'} → ${now ?? 'aucun'})`, p.id)
        : change('major', pointer, 'bound-narrowed', `${name} of question "${p.id}" narrowed (${old ?? 'none'} → ${now}): earlier answers may fall outside`,
          `${name} de la question « ${p.id} » resserré (${old ?? 'aucun'} → ${now}) : des réponses antérieures peuvent en sortir`, p.id));
    }
    if (b.pattern !== a.pattern) {
      const removed = a.pattern === undefined;
      out.push(removed
        ? change('minor', `${p.after.pointer}/pattern`, 'bound-widened', `pattern of question "${p.id}" removed`, `motif (pattern) de la question « ${p.id} » retiré`, p.id)
        : change('major', `${p.after.pointer}/pattern`, 'pattern-changed', `pattern of question "${p.id}" added or changed`, `motif (pattern) de la question « ${p.id} » ajouté ou modifié`, p.id));
    }
  }
  return out;
}
