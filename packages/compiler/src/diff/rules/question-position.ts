/**
 * A question moved. Answers stay comparable, but the paper numbering changes: MINOR, whether
 * it moved to another section or within its section.
 */
import { change, commonQuestions } from '../model.js';
import type { Change, DiffContext } from '../types.js';

/** `question-moved`: the question now sits in another section. */
export function questionMoved(ctx: DiffContext): Change[] {
  return commonQuestions(ctx).filter((p) => p.before.section !== p.after.section).map((p) => change(
    'minor', p.after.pointer, 'question-moved',
    `question "${p.id}" moved from section "${p.before.section}" to "${p.after.section}"`,
    `la question « ${p.id} » passe de la section « ${p.before.section} » à « ${p.after.section} »`, p.id,
  ));
}

/** `question-reordered`: same section, but its order relative to the other kept questions changed. */
export function questionReordered(ctx: DiffContext): Change[] {
  const pairs = commonQuestions(ctx).filter((p) => p.before.section === p.after.section);
  const changes: Change[] = [];
  const bySection = new Map<string, typeof pairs>();
  for (const p of pairs) bySection.set(p.after.section, [...(bySection.get(p.after.section) ?? []), p]);
  for (const [section, list] of bySection) {
    const oldOrder = [...list].sort((a, b) => a.before.index - b.before.index).map((p) => p.id);
    const newOrder = [...list].sort((a, b) => a.after.index - b.after.index).map((p) => p.id);
    if (oldOrder.join() !== newOrder.join()) {
      changes.push(change('minor', ctx.after.sections.get(section)!.pointer, 'question-reordered',
        `questions of section "${section}" were reordered`, `les questions de la section « ${section} » ont changé d’ordre`));
    }
  }
  return changes;
}
