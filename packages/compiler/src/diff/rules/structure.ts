/**
 * Sections, extension points and checks. New sections, points and checks are additions
 * (MINOR). A removed extension point breaks the extensions that insert there (MAJOR); a
 * removed section is reported with its questions (each `question-removed`) and is itself MAJOR.
 * Checks never change stored answers: adding, removing or changing one is MINOR.
 */
import { canonical, change } from '../model.js';
import type { Change, DiffContext } from '../types.js';

/** `section-added` / `section-removed` / `section-reordered`. */
export function sectionsChanged(ctx: DiffContext): Change[] {
  const out: Change[] = [];
  for (const [id, s] of ctx.after.sections) {
    if (!ctx.before.sections.has(id)) out.push(change('minor', s.pointer, 'section-added', `section "${id}" was added`, `la section « ${id} » a été ajoutée`));
  }
  for (const [id, s] of ctx.before.sections) {
    if (!ctx.after.sections.has(id)) out.push(change('major', s.pointer, 'section-removed', `section "${id}" was removed`, `la section « ${id} » a été retirée`));
  }
  const kept = [...ctx.after.sections.keys()].filter((id) => ctx.before.sections.has(id));
  const keptBefore = [...ctx.before.sections.keys()].filter((id) => ctx.after.sections.has(id));
  if (kept.join() !== keptBefore.join()) out.push(change('minor', '/sections', 'section-reordered', 'sections were reordered', 'les sections ont changé d’ordre'));
  return out;
}

/** `extension-point-added` / `extension-point-removed` / `extension-point-moved`. */
export function extensionPointsChanged(ctx: DiffContext): Change[] {
  const out: Change[] = [];
  for (const [name, p] of ctx.after.extensionPoints) {
    const old = ctx.before.extensionPoints.get(name);
    if (!old) out.push(change('minor', p.pointer, 'extension-point-added', `extension point "${name}" was added`, `le point d’extension « ${name} » a été ajouté`));
    else if (old.section !== p.section) {
      out.push(change('minor', p.pointer, 'extension-point-moved', `extension point "${name}" moved to section "${p.section}"`,
        `le point d’extension « ${name} » passe dans la section « ${p.section} »`));
    }
  }
  for (const [name, p] of ctx.before.extensionPoints) {
    if (!ctx.after.extensionPoints.has(name)) {
      out.push(change('major', p.pointer, 'extension-point-removed', `extension point "${name}" was removed: extensions inserting there no longer compile`,
        `le point d’extension « ${name} » a été retiré : les extensions qui s’y insèrent ne compilent plus`));
    }
  }
  return out;
}

/** `check-added` / `check-removed` / `check-changed`. */
export function checksChanged(ctx: DiffContext): Change[] {
  const out: Change[] = [];
  for (const [id, c] of ctx.after.checks) {
    const old = ctx.before.checks.get(id);
    if (!old) { out.push(change('minor', c.pointer, 'check-added', `check "${id}" was added`, `le contrôle « ${id} » a été ajouté`)); continue; }
    const { message: _m1, ...a } = c.check;
    const { message: _m2, ...b } = old.check;
    if (canonical(a) !== canonical(b)) {
      out.push(change('minor', c.pointer, 'check-changed', `check "${id}" changed (condition, level or questions)`,
        `le contrôle « ${id} » a changé (condition, niveau ou questions)`));
    }
  }
  for (const [id, c] of ctx.before.checks) {
    if (!ctx.after.checks.has(id)) out.push(change('minor', c.pointer, 'check-removed', `check "${id}" was removed`, `le contrôle « ${id} » a été retiré`));
  }
  return out;
}

/** `questionnaire-id-changed`: another questionnaire altogether. */
export function identityChanged(ctx: DiffContext): Change[] {
  const b = ctx.before.definition.id;
  const a = ctx.after.definition.id;
  return b === a ? [] : [change('major', '/id', 'questionnaire-id-changed', `questionnaire id changed from "${b}" to "${a}"`,
    `l’identifiant du questionnaire passe de « ${b} » à « ${a} »`)];
}
