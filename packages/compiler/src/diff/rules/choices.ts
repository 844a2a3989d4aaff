/**
 * Choices and matrix rows. Codes are stable across versions: new codes may only be added at
 * the end (MINOR). Removing, reordering or inserting a code anywhere else is MAJOR. A scale is
 * answered by the position of its point (1..n), so any change to its points is MAJOR.
 */
import { change, commonQuestions } from '../model.js';
import type { Change, DiffContext } from '../types.js';

function codes(q: object, list: 'choices' | 'rows'): string[] | undefined {
  const items = (q as Record<string, unknown>)[list];
  return Array.isArray(items) ? items.map((c: { code: string }) => c.code) : undefined;
}

/** The codes the new version's crosswalk maps old codes onto, for one question (a split's or a merge's targets). */
function mappedTargets(ctx: DiffContext, questionId: string): Set<string> {
  const entry = ctx.after.definition.crosswalk?.questions.find((e) => e.question === questionId);
  return new Set(entry && 'codes' in entry ? Object.values(entry.codes ?? {}).flat() : []);
}

/** `choice-removed`, `choice-reordered`, `choice-inserted`, `choice-added`, `scale-changed` (and the same for rows). */
export function choicesChanged(ctx: DiffContext): Change[] {
  const out: Change[] = [];
  for (const p of commonQuestions(ctx)) {
    if (p.before.question.type !== p.after.question.type) continue;
    for (const list of ['choices', 'rows'] as const) {
      const before = codes(p.before.question, list);
      const after = codes(p.after.question, list);
      if (!before || !after) continue;
      const what = list === 'rows' ? 'row' : 'choice';
      const quoi = list === 'rows' ? 'la ligne' : 'le choix';
      const base = `${p.after.pointer}/${list}`;
      if (p.after.question.type === 'scale' && before.join() !== after.join()) {
        out.push(change('major', base, 'scale-changed', `points of scale "${p.id}" changed: answers are positions 1..n`,
          `les points de l’échelle « ${p.id} » ont changé : les réponses sont des positions 1..n`, p.id));
        continue;
      }
      const removed = before.filter((c) => !after.includes(c));
      for (const c of removed) {
        out.push(change('major', `${p.before.pointer}/${list}`, `${what}-removed`, `${what} "${c}" of question "${p.id}" was removed`,
          `${quoi} « ${c} » de la question « ${p.id} » a été retiré${what === 'row' ? 'e' : ''}`, p.id));
      }
      const kept = after.filter((c) => before.includes(c));
      const keptBefore = before.filter((c) => after.includes(c));
      if (kept.join() !== keptBefore.join()) {
        out.push(change('major', base, `${what}-reordered`, `${what}s of question "${p.id}" were reordered`,
          `${what === 'row' ? 'les lignes' : 'les choix'} de la question « ${p.id} » ont changé d’ordre`, p.id));
      }
      // New codes are fine only after every code that already existed.
      const lastOld = Math.max(-1, ...kept.map((c) => after.indexOf(c)));
      // A code the crosswalk maps old answers onto (a split's new codes) sits where it belongs: no advice to move it.
      const mapped = list === 'choices' ? mappedTargets(ctx, p.id) : new Set<string>();
      after.forEach((c, i) => {
        if (before.includes(c)) return;
        if (i < lastOld) {
          const [hintEn, hintFr] = mapped.has(c) ? [' (declared in the crosswalk)', ' (déclaré dans la table de passage)'] : [' (add at the end)', ' (ajoutez à la fin)'];
          out.push(change('major', `${base}/${i}`, `${what}-inserted`, `${what} "${c}" of question "${p.id}" was inserted before existing ones${hintEn}`,
            `${quoi} « ${c} » de la question « ${p.id} » a été inséré${what === 'row' ? 'e' : ''} avant des codes existants${hintFr}`, p.id));
        } else {
          out.push(change('minor', `${base}/${i}`, `${what}-added`, `${what} "${c}" was added at the end of question "${p.id}"`,
            `${quoi} « ${c} » a été ajouté${what === 'row' ? 'e' : ''} à la fin de la question « ${p.id} »`, p.id));
        }
      });
    }
  }
  return out;
}
