/**
 * Sections, extension points and checks. New sections, points and checks are additions
 * (MINOR). A removed extension point breaks the extensions that insert there (MAJOR); a
 * removed section is reported with its questions (each `question-removed`) and is itself MAJOR.
 * Checks never change stored answers: adding, removing or changing one is MINOR.
 */
import { canonical } from '../model.js';
import type { Change, DiffContext } from '../types.js';

/** `section-added` / `section-removed` / `section-reordered`. */
export function sectionsChanged(ctx: DiffContext): Change[] {
  const out: Change[] = [];
  for (const [id, s] of ctx.after.sections) {
    if (!ctx.before.sections.has(id)) out.push({ kind: 'minor', pointer: s.pointer, rule: 'section-added', message: `section "${id}" was added` });
  }
  for (const [id, s] of ctx.before.sections) {
    if (!ctx.after.sections.has(id)) out.push({ kind: 'major', pointer: s.pointer, rule: 'section-removed', message: `section "${id}" was removed` });
  }
  const kept = [...ctx.after.sections.keys()].filter((id) => ctx.before.sections.has(id));
  const keptBefore = [...ctx.before.sections.keys()].filter((id) => ctx.after.sections.has(id));
  if (kept.join() !== keptBefore.join()) out.push({ kind: 'minor', pointer: '/sections', rule: 'section-reordered', message: 'sections were reordered' });
  return out;
}

/** `extension-point-added` / `extension-point-removed` / `extension-point-moved`. */
export function extensionPointsChanged(ctx: DiffContext): Change[] {
  const out: Change[] = [];
  for (const [name, p] of ctx.after.extensionPoints) {
    const old = ctx.before.extensionPoints.get(name);
    if (!old) out.push({ kind: 'minor', pointer: p.pointer, rule: 'extension-point-added', message: `extension point "${name}" was added` });
    else if (old.section !== p.section) out.push({ kind: 'minor', pointer: p.pointer, rule: 'extension-point-moved', message: `extension point "${name}" moved to section "${p.section}"` });
  }
  for (const [name, p] of ctx.before.extensionPoints) {
    if (!ctx.after.extensionPoints.has(name)) {
      out.push({ kind: 'major', pointer: p.pointer, rule: 'extension-point-removed', message: `extension point "${name}" was removed: extensions inserting there no longer compile` });
    }
  }
  return out;
}

/** `check-added` / `check-removed` / `check-changed`. */
export function checksChanged(ctx: DiffContext): Change[] {
  const out: Change[] = [];
  for (const [id, c] of ctx.after.checks) {
    const old = ctx.before.checks.get(id);
    if (!old) { out.push({ kind: 'minor', pointer: c.pointer, rule: 'check-added', message: `check "${id}" was added` }); continue; }
    const { message: _m1, ...a } = c.check;
    const { message: _m2, ...b } = old.check;
    if (canonical(a) !== canonical(b)) out.push({ kind: 'minor', pointer: c.pointer, rule: 'check-changed', message: `check "${id}" changed (condition, level or questions)` });
  }
  for (const [id, c] of ctx.before.checks) {
    if (!ctx.after.checks.has(id)) out.push({ kind: 'minor', pointer: c.pointer, rule: 'check-removed', message: `check "${id}" was removed` });
  }
  return out;
}

/** `questionnaire-id-changed`: another questionnaire altogether. */
export function identityChanged(ctx: DiffContext): Change[] {
  const b = ctx.before.definition.id;
  const a = ctx.after.definition.id;
  return b === a ? [] : [{ kind: 'major', pointer: '/id', rule: 'questionnaire-id-changed', message: `questionnaire id changed from "${b}" to "${a}"` }];
}
