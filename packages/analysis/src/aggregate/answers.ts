/**
 * Reads one answer as the analysis counts it, checking its shape: a payload read from a file
 * has not been through the collector, and a wrong shape must say where rather than be counted
 * as something else.
 */
import type { AnswerValue } from '@olva/schema';
import { answerPointer } from '@olva/runtime';
import { AnalysisError } from '../errors.js';
import type { CatalogueEntry } from './catalogue.js';

/** Where an answer sits, for error messages: `<submissionId>#/answers/<id>`. */
export function responseAnswerPointer(submissionId: string, questionId: string): string {
  return `${submissionId}#${answerPointer(questionId)}`;
}

/** What an answer of a type is, in French and English (`expected` of wrongShape). */
const SHAPES = {
  boolean: { fr: 'vrai ou faux', en: 'true or false' },
  point: { fr: 'un nombre entier (le point de l’échelle)', en: 'a whole number (the point of the scale)' },
  code: { fr: 'un code de choix', en: 'a choice code' },
  codes: { fr: 'une liste de codes de choix', en: 'a list of choice codes' },
  rows: { fr: 'un objet { ligne: code de choix }', en: 'an object { row: choice code }' },
  whole: { fr: 'un nombre entier', en: 'a whole number' },
  number: { fr: 'un nombre', en: 'a number' },
} as const;

function wrongShape(submissionId: string, entry: CatalogueEntry, expected: keyof typeof SHAPES, value: unknown): AnalysisError {
  const got = JSON.stringify(value);
  const en = `a ${entry.type} answer is ${SHAPES[expected].en}, got ${got}`;
  // Not the asker's fault (byAsker false): the responses read hold an answer of another shape.
  return new AnalysisError(responseAnswerPointer(submissionId, entry.id), 'analysis/answer-shape', en,
    { fr: `une réponse de type ${entry.type} est ${SHAPES[expected].fr}, pas ${got}`, en }, false);
}

/** The code of a single choice, boolean or scale answer. */
export function distributionCode(submissionId: string, entry: CatalogueEntry, value: AnswerValue): string {
  if (entry.type === 'boolean') {
    if (typeof value !== 'boolean') throw wrongShape(submissionId, entry, 'boolean', value);
    return String(value);
  }
  if (entry.type === 'scale') {
    if (typeof value !== 'number' || !Number.isInteger(value)) throw wrongShape(submissionId, entry, 'point', value);
    return entry.codes.find((c) => c.value === value)?.code ?? String(value);
  }
  if (typeof value !== 'string') throw wrongShape(submissionId, entry, 'code', value);
  return value;
}

/** The codes ticked in a multiple choice answer. */
export function multipleCodes(submissionId: string, entry: CatalogueEntry, value: AnswerValue): readonly string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw wrongShape(submissionId, entry, 'codes', value);
  // Duplicates would count one respondent twice for a code (a Set only when there are some).
  const codes = value as string[];
  for (let i = 1; i < codes.length; i++) if (codes.lastIndexOf(codes[i]!, i - 1) >= 0) return [...new Set(codes)];
  return codes;
}

/** The row → code pairs of a matrix answer. */
export function matrixCells(submissionId: string, entry: CatalogueEntry, value: AnswerValue): [string, string][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw wrongShape(submissionId, entry, 'rows', value);
  const cells = Object.entries(value);
  if (cells.some(([, code]) => typeof code !== 'string')) throw wrongShape(submissionId, entry, 'rows', value);
  return cells as [string, string][];
}

/** The number of an integer, decimal or year answer. */
export function numericValue(submissionId: string, entry: CatalogueEntry, value: AnswerValue): number {
  const whole = entry.type !== 'decimal';
  if (typeof value !== 'number' || !Number.isFinite(value) || (whole && !Number.isInteger(value))) {
    throw wrongShape(submissionId, entry, whole ? 'whole' : 'number', value);
  }
  return value;
}
