/**
 * What integer, year and decimal questions share: reading a typed number and checking its
 * bounds with one message that states the whole accepted range.
 */
import type { CompiledQuestion } from '@olva/schema';
import type { AnswerError, AnswerValue } from '../types.js';
import { answerError, isBlank } from './common.js';
import { en, fr } from '../numbers.js';

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
}

function range(kind: NumberKind, min: number | undefined, max: number | undefined): [string, string] {
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
  if (typeof value !== 'number' || !Number.isFinite(value) || (kind.integer && !Number.isInteger(value))) code = 'type';
  else if (min !== undefined && value < min) code = 'min';
  else if (max !== undefined && value > max) code = 'max';
  else return null;
  // Worded only on failure: formatting numbers costs more than the check (the collector
  // checks every number of every response it receives).
  const [msgFr, msgEn] = range(kind, min, max);
  return answerError(question, code, msgFr, msgEn);
}

/**
 * Reads a typed number, French or English style: spaces as thousands separators ("100 000"),
 * comma or point as decimal mark ("3,5"). Returns the text unchanged when it is not a number.
 */
export function coerceNumber(raw: string): AnswerValue | undefined {
  if (isBlank(raw)) return undefined;
  const compact = raw.trim().replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(compact) ? Number(compact) : raw;
}

/** A number answer is empty only when absent. */
export function isEmptyNumber(value: unknown): boolean {
  return isBlank(value);
}
