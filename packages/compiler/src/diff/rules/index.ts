/** The classification rules, in the order their changes are reported. */
import type { DiffRule } from '../types.js';
import { choicesChanged } from './choices.js';
import { boundsChanged } from './bounds.js';
import { conditionChanged, requiredChanged } from './conditions.js';
import { exclusiveChanged, otherChanged } from './exclusive-other.js';
import { questionAdded, questionRemoved } from './questions-added-removed.js';
import { questionMoved, questionReordered } from './question-position.js';
import { typeChanged } from './question-type.js';
import { checksChanged, extensionPointsChanged, identityChanged, sectionsChanged } from './structure.js';
import { wordingChanged } from './wording.js';
import { personalChanged } from './personal.js';

/** Every rule. */
export const DIFF_RULES: readonly DiffRule[] = Object.freeze([
  identityChanged,
  questionRemoved,
  typeChanged,
  choicesChanged,
  boundsChanged,
  exclusiveChanged,
  otherChanged,
  conditionChanged,
  requiredChanged,
  sectionsChanged,
  extensionPointsChanged,
  questionAdded,
  questionMoved,
  questionReordered,
  checksChanged,
  wordingChanged,
  personalChanged,
]);
