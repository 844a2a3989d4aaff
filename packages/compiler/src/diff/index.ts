/**
 * `diff`: compares two versions of a questionnaire definition and classifies every change as
 * PATCH, MINOR or MAJOR (docs/contracts.md, "Versions and waves"), so that the network sees what
 * stays comparable across waves, and checks that the declared version bump is big enough.
 * Rules are in `rules/`, one kind of change each; README.md lists them.
 */
import semver from 'semver';
import type { QuestionnaireDefinition, TerritorialExtension } from '@olva/schema';
import { hasErrors } from '../problems.js';
import { change, indexDefinition } from './model.js';
import { DIFF_RULES } from './rules/index.js';
import { renamesOf, withRenames } from './renames.js';
import { crosswalkProblems, missingEntries, type DiffFiles } from './crosswalk-check.js';
import { questionVerdicts } from './statistics.js';
import { extensionAsDefinition, extensionIdentityChanges } from './extension.js';
import type { Change, ChangeKind, DiffResult } from './types.js';

export type { Change, ChangeKind, DiffResult } from './types.js';
export type { QuestionVerdict, StatisticalChange } from './statistics.js';
export type { DiffFiles } from './crosswalk-check.js';
export { DIFF_RULES } from './rules/index.js';
export { extensionImpact, widenedRange, type ExtensionImpact } from './impact.js';

const RANK: Record<'none' | ChangeKind, number> = { none: 0, patch: 1, minor: 2, major: 3 };

/** The largest kind among the changes. */
export function requiredBump(changes: readonly Change[]): 'none' | ChangeKind {
  let best: 'none' | ChangeKind = 'none';
  for (const c of changes) if (RANK[c.kind] > RANK[best]) best = c.kind;
  return best;
}

/** Whether the declared bump is at least the one the changes require (`invalid` never is). */
export function bumpCovers(declared: DiffResult['declared'], required: 'none' | ChangeKind): boolean {
  return declared !== 'invalid' && RANK[declared] >= RANK[required];
}

/** The bump from one version to the next; `invalid` when not semver or not increasing. */
export function declaredBump(oldVersion: string, newVersion: string): DiffResult['declared'] {
  if (!semver.valid(oldVersion) || !semver.valid(newVersion)) return 'invalid';
  if (semver.eq(oldVersion, newVersion)) return 'none';
  if (semver.lt(newVersion, oldVersion)) return 'invalid';
  const d = semver.diff(oldVersion, newVersion);
  if (d === 'major' || d === 'premajor') return 'major';
  if (d === 'minor' || d === 'preminor') return 'minor';
  return 'patch';
}

/**
 * The version that follows `version` for a change of that size (semver: a MAJOR change of core
 * 2026.2.0 gives 2027.0.0); the same version when nothing changed, null when not semver.
 */
export function nextVersion(version: string, required: 'none' | ChangeKind): string | null {
  if (!semver.valid(version)) return null;
  return required === 'none' ? version : semver.inc(version, required);
}

/**
 * Classifies every change from `oldDef` to `newDef`. Pure: never mutates its inputs.
 * Questions that the new version's crosswalk renames (`from` ≠ `question`) are compared with
 * what they were, and reported as `question-renamed`. `ok` is false when the declared bump
 * (from the two `version` fields) is smaller than the one the changes require, when the new
 * version is not greater than the old one, or when the crosswalk has errors (`problems`: an
 * entry naming unknown questions or codes, a dropped code left unmapped, or a MAJOR change to
 * a question without any entry).
 */
export function diffQuestionnaires(
  oldDef: QuestionnaireDefinition,
  newDef: QuestionnaireDefinition,
  files: DiffFiles = { old: 'old', new: 'new' },
): DiffResult {
  const renames = renamesOf(newDef.crosswalk);
  const renamed = withRenames(oldDef, renames);
  const ctx = { before: indexDefinition(renamed), after: indexDefinition(newDef) };
  const changes = DIFF_RULES.flatMap((rule) => rule(ctx));
  for (const [from, to] of renames) {
    const placed = ctx.after.questions.get(to);
    if (placed && ctx.before.questions.has(to)) {
      changes.push(change('major', placed.pointer, 'question-renamed', `question "${from}" was renamed "${to}" (crosswalk)`,
        `la question « ${from} » est renommée « ${to} » (table de passage)`, to));
    }
  }
  const required = requiredBump(changes);
  const declared = declaredBump(oldDef.version, newDef.version);
  const problems = [...crosswalkProblems(oldDef, newDef, files), ...missingEntries(changes, newDef, files)];
  const ok = bumpCovers(declared, required) && !hasErrors(problems);
  return {
    changes, required, declared, ok,
    next: nextVersion(oldDef.version, required),
    questions: questionVerdicts(changes, oldDef, newDef),
    problems,
  };
}

/**
 * Classifies every change between two versions of a territorial extension: its questions,
 * sections and checks as for a core (insertions read as sections named `@<point>`), plus its
 * namespace, territory and core range. Same result and rules of `ok` as `diffQuestionnaires`.
 */
export function diffExtensions(
  oldExt: TerritorialExtension,
  newExt: TerritorialExtension,
  files: DiffFiles = { old: 'old', new: 'new' },
): DiffResult {
  const result = diffQuestionnaires(extensionAsDefinition(oldExt), extensionAsDefinition(newExt), files);
  const changes = [...extensionIdentityChanges(oldExt, newExt), ...result.changes];
  const required = requiredBump(changes);
  const ok = bumpCovers(result.declared, required) && !hasErrors(result.problems);
  return { ...result, changes, required, ok, next: nextVersion(oldExt.version, required) };
}
