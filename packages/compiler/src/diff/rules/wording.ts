/**
 * Wording: labels, help texts, titles, descriptions and messages. PATCH, on the promise of
 * the version contract that wording fixes keep the meaning (a reworded question that asks
 * something else must get a new id).
 */
import type { LocalizedText } from '@olva/schema';
import { commonQuestions } from '../model.js';
import type { Change, DiffContext } from '../types.js';

function differs(a: LocalizedText | undefined, b: LocalizedText | undefined): boolean {
  return (a?.fr ?? '') !== (b?.fr ?? '') || (a?.en ?? '') !== (b?.en ?? '');
}

function patch(pointer: string, message: string): Change {
  return { kind: 'patch', pointer, rule: 'wording-changed', message };
}

/** `wording-changed`: any human text changed. */
export function wordingChanged(ctx: DiffContext): Change[] {
  const out: Change[] = [];
  const b = ctx.before.definition;
  const a = ctx.after.definition;
  if (differs(b.title, a.title)) out.push(patch('/title', 'questionnaire title reworded'));
  if (differs(b.description, a.description)) out.push(patch('/description', 'questionnaire description reworded'));
  for (const [id, s] of ctx.after.sections) {
    const old = ctx.before.sections.get(id);
    if (!old) continue;
    if (differs(old.section.title, s.section.title)) out.push(patch(`${s.pointer}/title`, `title of section "${id}" reworded`));
    if (differs(old.section.description, s.section.description)) out.push(patch(`${s.pointer}/description`, `description of section "${id}" reworded`));
  }
  for (const p of commonQuestions(ctx)) {
    const qb = p.before.question as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const qa = p.after.question as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    if (differs(qb.label, qa.label)) out.push(patch(`${p.after.pointer}/label`, `label of question "${p.id}" reworded`));
    if (differs(qb.help, qa.help)) out.push(patch(`${p.after.pointer}/help`, `help of question "${p.id}" reworded`));
    if (qb.other && qa.other && differs(qb.other.label, qa.other.label)) out.push(patch(`${p.after.pointer}/other/label`, `"other" label of question "${p.id}" reworded`));
    for (const list of ['choices', 'rows'] as const) {
      const olds = new Map<string, LocalizedText>((qb[list] ?? []).map((c: { code: string; label: LocalizedText }) => [c.code, c.label]));
      (qa[list] ?? []).forEach((c: { code: string; label: LocalizedText }, i: number) => {
        if (olds.has(c.code) && differs(olds.get(c.code), c.label)) {
          out.push(patch(`${p.after.pointer}/${list}/${i}/label`, `label of ${list === 'rows' ? 'row' : 'choice'} "${c.code}" of question "${p.id}" reworded`));
        }
      });
    }
  }
  for (const [id, c] of ctx.after.checks) {
    const old = ctx.before.checks.get(id);
    if (old && differs(old.check.message, c.check.message)) out.push(patch(`${c.pointer}/message`, `message of check "${id}" reworded`));
  }
  return out;
}
