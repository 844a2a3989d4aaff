/**
 * The registry of lint rules, in the order they run (and their problems are listed): causes
 * before the problems they cause. To add a rule: write `lint/<name>.ts` exporting a LintRule,
 * list it here, add a fixture under `lint/fixtures/<name>/`.
 */
import type { LintRule } from './rule.js';
import { duplicateId } from './duplicate-id.js';
import { duplicateChoiceCode } from './duplicate-choice-code.js';
import { reservedOtherCode } from './reserved-other-code.js';
import { matrixDuplicateRow } from './matrix-duplicate-row.js';
import { duplicateExtensionPoint } from './duplicate-extension-point.js';
import { emptySection } from './empty-section.js';
import { scaleTooShort } from './scale-too-short.js';
import { minMaxOrder } from './min-max-order.js';
import { exclusiveUnknownCode } from './exclusive-unknown-code.js';
import { otherCollision } from './other-collision.js';
import { columnCollision } from './column-collision.js';
import { invalidPattern } from './invalid-pattern.js';
import { unsafePattern } from './unsafe-pattern.js';
import { unsafeOperator } from './unsafe-operator.js';
import { unknownVariable } from './unknown-variable.js';
import { conditionUnknownCode } from './condition-unknown-code.js';
import { conditionTypeMismatch } from './condition-type-mismatch.js';
import { forwardReference } from './forward-reference.js';
import { conditionCycle } from './condition-cycle.js';
import { checkUnknownQuestion } from './check-unknown-question.js';
import { extensionWrongCore } from './extension-wrong-core.js';
import { extensionVersionRange } from './extension-version-range.js';
import { extensionOutsideNamespace } from './extension-outside-namespace.js';
import { extensionUnknownPoint } from './extension-unknown-point.js';
import { extensionDeclaresPoint } from './extension-declares-point.js';
import { extensionRedefinesCore } from './extension-redefines-core.js';
import { extensionHidesCore } from './extension-hides-core.js';
import { extensionRequiredness } from './extension-requiredness.js';
import { extensionCheckLevel } from './extension-check-level.js';
import { territoryUnknownCode } from './territory-unknown-code.js';
import { missingEnglish } from './missing-english.js';
import { emailNotPersonal } from './email-not-personal.js';

/** Every lint rule, in running order. */
export const RULES: readonly LintRule[] = Object.freeze([
  duplicateId,
  // Root causes before their consequences: an extension read against the wrong core, or with
  // ids outside its namespace or inserted at an unknown point, makes conditions fail later.
  extensionWrongCore,
  extensionVersionRange,
  extensionOutsideNamespace,
  extensionUnknownPoint,
  duplicateChoiceCode,
  reservedOtherCode,
  matrixDuplicateRow,
  duplicateExtensionPoint,
  emptySection,
  scaleTooShort,
  minMaxOrder,
  exclusiveUnknownCode,
  otherCollision,
  columnCollision,
  invalidPattern,
  unsafePattern,
  unsafeOperator,
  unknownVariable,
  conditionUnknownCode,
  conditionTypeMismatch,
  forwardReference,
  conditionCycle,
  checkUnknownQuestion,
  extensionDeclaresPoint,
  extensionRedefinesCore,
  extensionHidesCore,
  extensionRequiredness,
  extensionCheckLevel,
  territoryUnknownCode,
  missingEnglish,
  emailNotPersonal,
]);

export type { LintRule, Finding, Bilingual } from './rule.js';
