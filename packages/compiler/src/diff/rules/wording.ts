/**
 * Wording: labels, help texts, titles, descriptions and messages. PATCH, on the promise of
 * the version contract that wording fixes keep the meaning (a reworded question that asks
 * something else must get a new id).
 */
import type { LocalizedText } from '@olva/schema';
import { change, commonQuestions } from '../model.js';
import type { Change, DiffContext } from '../types.js';

function differs(a: LocalizedText | undefined, b: LocalizedText | undefined): boolean {
  return (a?.fr ?? '') !== (b?.fr ?? '') || (a?.en ?? '') !== (b?.en ?? '');
}

function patch(pointer: string, en: string, fr: string, question?: string): Change {
  return change('patch', pointer, 'wording-changed', en, fr, question);
}

/** `wording-changed`: any human text changed. */
export function wordingChanged(ctx: DiffContext): Change[] {
  const out: Change[] = [];
  const b = ctx.before.definition;
  const a = ctx.after.definition;
  if (differs(b.title, a.title)) out.push(patch('/title', 'questionnaire title reworded', 'titre du questionnaire reformulé'));
  if (differs(b.description, a.description)) out.push(patch('/description', 'questionnaire description reworded', 'description du questionnaire reformulée'));
  for (const [id, s] of ctx.after.sections) {
    const old = ctx.before.sections.get(id);
    if (!old) continue;
    if (differs(old.section.title, s.section.title)) out.push(patch(`${s.pointer}/title`, `title of section "${id}" reworded`, `titre de la section « ${id} » reformulé`));
    if (differs(old.section.description, s.section.description)) out.push(patch(`${s.pointer}/description`, `description of section "${id}" reworded`, `description de la section « ${id} » reformulée`));
  }
  for (const p of commonQuestions(ctx)) {
    const qb = p.before.question as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const qa = p.after.question as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    if (differs(qb.label, qa.label)) out.push(patch(`${p.after.pointer}/label`, `label of question "${p.id}" reworded`, `libellé de la question « ${p.id} » reformulé`, p.id));
    if (differs(qb.unit, qa.unit)) out.push(patch(`${p.after.pointer}/unit`, `unit of question "${p.id}" reworded`, `unité de la question « ${p.id} » reformulée`, p.id));
    if (differs(qb.help, qa.help)) out.push(patch(`${p.after.pointer}/help`, `help of question "${p.id}" reworded`, `aide de la question « ${p.id} » reformulée`, p.id));
    if (qb.other && qa.other && differs(qb.other.label, qa.other.label)) out.push(patch(`${p.after.pointer}/other/label`, `"other" label of question "${p.id}" reworded`, `libellé « autre » de la question « ${p.id} » reformulé`, p.id));
    for (const list of ['choices', 'rows'] as const) {
      const olds = new Map<string, LocalizedText>((qb[list] ?? []).map((c: { code: string; label: LocalizedText }) => [c.code, c.label]));
      (qa[list] ?? []).forEach((c: { code: string; label: LocalizedText }, i: number) => {
        if (olds.has(c.code) && differs(olds.get(c.code), c.label)) {
          out.push(patch(`${p.after.pointer}/${list}/${i}/label`, `label of ${list === 'rows' ? 'row' : 'choice'} "${c.code}" of question "${p.id}" reworded`,
            `libellé ${list === 'rows' ? 'de la ligne' : 'du choix'} « ${c.code} » de la question « ${p.id} » reformulé`, p.id));
        }
      });
    }
  }
  for (const [id, c] of ctx.after.checks) {
    const old = ctx.before.checks.get(id);
    if (old && differs(old.check.message, c.check.message)) out.push(patch(`${c.pointer}/message`, `message of check "${id}" reworded`, `message du contrôle « ${id} » reformulé`));
  }
  return out;
}
