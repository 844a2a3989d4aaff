/**
 * What integer, year and decimal questions share: reading a typed number and checking its
 * bounds with one message that states the whole accepted range.
 */
import type { CompiledQuestion } from '@olva/schema';
import type { AnswerError, AnswerValue } from '../types.js';
import { answerError, isBlank } from './common.js';
import { en as enNumber, fr as frNumber } from '../numbers.js';

/** How a kind of number is named in messages. */
export interface NumberKind {
  integer: boolean;
  fr: string;
  /** True when the French noun is feminine ("une année"): adjectives agree. */
  feminine?: boolean;
  en: string;
  /** Bounds used when the question gives none. */
  defaultMin?: number;
  defaultMax?: number;
  /** True when its numbers are written without digit grouping (a year is "2026", never "2 026"). */
  plain?: boolean;
}

function range(kind: NumberKind, min: number | undefined, max: number | undefined): [string, string] {
  const fr = kind.plain ? String : frNumber;
  const en = kind.plain ? String : enNumber;
  if (min !== undefined && max !== undefined) {
    return [`Indiquez ${kind.fr} entre ${fr(min)} et ${fr(max)}.`, `Enter ${kind.en} between ${en(min)} and ${en(max)}.`];
  }
  const e = kind.feminine ? 'e' : '';
  if (min !== undefined) return [`Indiquez ${kind.fr} supérieur${e} ou égal${e} à ${fr(min)}.`, `Enter ${kind.en} of at least ${en(min)}.`];
  if (max !== undefined) return [`Indiquez ${kind.fr} inférieur${e} ou égal${e} à ${fr(max)}.`, `Enter ${kind.en} of at most ${en(max)}.`];
  return [`Indiquez ${kind.fr}.`, `Enter ${kind.en}.`];
}

/** Validates a number answer: its type (`type`), then its bounds (`min`, `max`). */
export function validateNumber(question: CompiledQuestion, value: unknown, kind: NumberKind): AnswerError | null {
  const q = question as { min?: number; max?: number };
  const min = q.min ?? kind.defaultMin;
  const max = q.max ?? kind.defaultMax;
  let code: string;
  if (typeof value === 'string' && isAmbiguousNumber(value, kind.integer)) return ambiguousError(question, kind.integer);
  if (typeof value !== 'number' || !Number.isFinite(value) || (kind.integer && !Number.isInteger(value))) code = 'type';
  else if (min !== undefined && value < min) code = 'min';
  else if (max !== undefined && value > max) code = 'max';
  else return null;
  // Worded only on failure: formatting numbers costs more than the check (the collector
  // checks every number of every response it receives).
  const [msgFr, msgEn] = range(kind, min, max);
  return answerError(question, code, msgFr, msgEn);
}

// Spaces a respondent or a keyboard puts between thousands: space, no-break space, narrow
// no-break space (what French number formatting writes).
const GROUPING_SPACES = /[\s\u00a0\u202f]/g;

/**
 * A dot or comma followed by exactly three digits may be a thousands separator ("1.000" is a
 * thousand in French writing, one in English): never guessed. In a whole-number field any such
 * group is ambiguous ("1.000", "2,500", "1.000.000"); in a decimal field, only where it could
 * be grouping: one to three leading digits not starting with 0 ("1,500", "12.000", "1.000,5"),
 * so "0,125", "1234,500" and "1,5" read as decimals. `compact` has its spaces removed.
 */
function isAmbiguousCompact(compact: string, integer: boolean): boolean {
  return integer
    ? /^[+-]?\d+([.,]\d{3})+$/.test(compact)
    : /^[+-]?[1-9]\d{0,2}([.,]\d{3})+([.,]\d+)?$/.test(compact);
}

/** True when a typed text is a number written with an ambiguous separator (see `coerceNumber`). */
export function isAmbiguousNumber(raw: string, integer: boolean): boolean {
  return isAmbiguousCompact(raw.trim().replace(GROUPING_SPACES, ''), integer);
}

/** The error of an ambiguous separator: it says how to write the number instead. */
function ambiguousError(question: CompiledQuestion, integer: boolean): AnswerError {
  return integer
    ? answerError(question, 'type', 'Écrivez 1000 ou 1\u00a0000 (sans point ni virgule).', 'Write 1000 or 1\u00a0000 (no dot or comma).')
    : answerError(
      question, 'type',
      'Écrivez 1000 ou 1\u00a0000 pour mille (sans point ni virgule), 1,5 pour un et demi.',
      'Write 1000 or 1\u00a0000 for a thousand (no dot or comma), 1.5 for one and a half.',
    );
}

/**
 * Reads a typed number, French or English style: spaces as thousands separators ("100 000",
 * narrow no-break spaces included), comma or point as decimal mark ("3,5"). Returns the text
 * unchanged when it is not a number, or when its separator is ambiguous ("1.000"; see
 * `isAmbiguousNumber`), so that `validate` reports it. `integer` for whole-number fields.
 */
export function coerceNumber(raw: string, integer = false): AnswerValue | undefined {
  if (isBlank(raw)) return undefined;
  const compact = raw.trim().replace(GROUPING_SPACES, '');
  if (isAmbiguousCompact(compact, integer)) return raw;
  const decimal = compact.replace(',', '.');
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(decimal) ? Number(decimal) : raw;
}

/** A number answer is of its kind when it is a finite number (its bounds are another matter). */
export function isNumberValue(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value);
}

/** A number answer is empty only when absent. */
export function isEmptyNumber(value: unknown): boolean {
  return isBlank(value);
}
