/** Types of the version diff (docs/contracts.md, "Versions and waves"). */
import type { Question, QuestionnaireDefinition, Section, Check } from '@olva/schema';
import type { CompilerProblem } from '../problems.js';
import type { QuestionVerdict } from './statistics.js';

/** How big a change is: PATCH keeps meaning, MINOR adds, MAJOR breaks comparison. */
export type ChangeKind = 'patch' | 'minor' | 'major';

/** One classified change between two versions. */
export interface Change {
  kind: ChangeKind;
  /** JSON pointer in the new definition (in the old one for what was removed). */
  pointer: string;
  /** The rule that classified it, e.g. `choice-inserted`. */
  rule: string;
  /** What changed, in English. */
  message: string;
  /** What changed, in French (the same shape as a compiler problem's `fr`). */
  fr: { message: string };
  /** Id of the question concerned, when the change is to one question (its old id when removed). */
  question?: string;
}

/** The outcome of comparing two versions of a questionnaire definition. */
export interface DiffResult {
  /** Every change, in rule order then document order. */
  changes: Change[];
  /** The smallest version bump that covers every change. */
  required: 'none' | ChangeKind;
  /** The bump between the two `version` fields; `invalid` when the new one is not greater (or not semver). */
  declared: 'none' | ChangeKind | 'invalid';
  /** False when the declared bump is smaller than the required one (or invalid), or the crosswalk has errors. */
  ok: boolean;
  /** The version to publish next for these changes (semver increment of the old version); null when not semver. */
  next: string | null;
  /** Per question, the changes a statistician cares about (reworded, added, removed, renamed, recoded, split, merged…). */
  questions: QuestionVerdict[];
  /** Problems of the crosswalk (unknown ids or codes, unmapped codes, MAJOR changes without an entry). */
  problems: CompilerProblem[];
}

/** A question of a definition with where it sits. */
export interface PlacedQuestion {
  question: Question;
  section: string;
  /** Index among the questions of its section (extension points not counted). */
  index: number;
  /** Global index among all questions. */
  order: number;
  pointer: string;
}

/** A definition indexed for comparison. */
export interface IndexedDefinition {
  definition: QuestionnaireDefinition;
  questions: Map<string, PlacedQuestion>;
  sections: Map<string, { section: Section; index: number; pointer: string }>;
  extensionPoints: Map<string, { section: string; pointer: string }>;
  checks: Map<string, { check: Check; pointer: string }>;
}

/** What every rule receives. */
export interface DiffContext {
  before: IndexedDefinition;
  after: IndexedDefinition;
}

/** A classification rule: one kind of change, found by one small function. */
export type DiffRule = (ctx: DiffContext) => Change[];
