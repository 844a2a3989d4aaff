/**
 * `diff`: compares two versions of a questionnaire definition and classifies every change as
 * PATCH, MINOR or MAJOR (CONTRACTS.md, "Versions and waves"), so that the network sees what
 * stays comparable across waves, and checks that the declared version bump is big enough.
 * Rules are in `rules/`, one kind of change each; README.md lists them.
 */
import semver from 'semver';
import type { QuestionnaireDefinition } from '@olva/schema';
import { indexDefinition } from './model.js';
import { DIFF_RULES } from './rules/index.js';
import type { Change, ChangeKind, DiffResult } from './types.js';

export type { Change, ChangeKind, DiffResult } from './types.js';
export { DIFF_RULES } from './rules/index.js';

const RANK: Record<'none' | ChangeKind, number> = { none: 0, patch: 1, minor: 2, major: 3 };

/** The largest kind among the changes. */
export function requiredBump(changes: readonly Change[]): 'none' | ChangeKind {
  let best: 'none' | ChangeKind = 'none';
  for (const c of changes) if (RANK[c.kind] > RANK[best]) best = c.kind;
  return best;
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
 * Classifies every change from `oldDef` to `newDef`. Pure: never mutates its inputs.
 * `ok` is false when the declared bump (from the two `version` fields) is smaller than the
 * one the changes require, or when the new version is not greater than the old one.
 */
export function diffQuestionnaires(oldDef: QuestionnaireDefinition, newDef: QuestionnaireDefinition): DiffResult {
  const ctx = { before: indexDefinition(oldDef), after: indexDefinition(newDef) };
  const changes = DIFF_RULES.flatMap((rule) => rule(ctx));
  const required = requiredBump(changes);
  const declared = declaredBump(oldDef.version, newDef.version);
  const ok = declared !== 'invalid' && RANK[declared] >= RANK[required];
  return { changes, required, declared, ok };
}
