/**
 * Bounds on answers: min, max, maxLength, minSelected, maxSelected, pattern. Narrowing (a
 * bound added or tightened, a pattern added or changed) makes earlier answers possibly
 * invalid now: MAJOR. Widening (a bound loosened or removed): MINOR.
 */
import { commonQuestions } from '../model.js';
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
        ? { kind: 'minor', pointer, rule: 'bound-widened', message: `${name} of question "${p.id}" widened (${old ?? 'none'} → ${now ?? 'none'})` }
        : { kind: 'major', pointer, rule: 'bound-narrowed', message: `${name} of question "${p.id}" narrowed (${old ?? 'none'} → ${now}): earlier answers may fall outside` });
    }
    if (b.pattern !== a.pattern) {
      const removed = a.pattern === undefined;
      out.push({
        kind: removed ? 'minor' : 'major', pointer: `${p.after.pointer}/pattern`, rule: removed ? 'bound-widened' : 'pattern-changed',
        message: removed ? `pattern of question "${p.id}" removed` : `pattern of question "${p.id}" added or changed`,
      });
    }
  }
  return out;
}
