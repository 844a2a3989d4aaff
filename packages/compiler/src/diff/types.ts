/** Types of the version diff (CONTRACTS.md, "Versions and waves"). */
import type { Question, QuestionnaireDefinition, Section, Check } from '@olva/schema';

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
}

/** The outcome of comparing two versions of a questionnaire definition. */
export interface DiffResult {
  /** Every change, in rule order then document order. */
  changes: Change[];
  /** The smallest version bump that covers every change. */
  required: 'none' | ChangeKind;
  /** The bump between the two `version` fields; `invalid` when the new one is not greater (or not semver). */
  declared: 'none' | ChangeKind | 'invalid';
  /** False when the declared bump is smaller than the required one (or invalid). */
  ok: boolean;
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
