/**
 * The emit phase: from one compiled questionnaire, every file `olva build` writes.
 * Deterministic: the same compiled questionnaire always gives the same bytes (no clock, no
 * environment, fixed key and file order). See README.md for the list of files.
 */
import type { CompiledQuestionnaire } from '@olva/schema';
import { emitAnswersTypes } from './answers-dts.js';
import { answersSchema } from './answers-schema.js';
import { emitCodebookCsv } from './codebook-csv.js';
import { emitCodebookMd } from './codebook-md.js';
import { emitPaper } from './paper.js';
import { payloadSchemaFor } from './payload-schema.js';
import { emitQuestionnaireJson } from './questionnaire-json.js';
import { emitSurveyJs } from './surveyjs.js';
import { prettyJson } from './text.js';
import { emitValidator, emitValidatorTypes } from './validator.js';

/** Names of the files the emit phase writes, in the order they are produced. */
export const EMITTED_FILES = Object.freeze([
  'questionnaire.json',
  'answers.schema.json',
  'payload.schema.json',
  'validator.js',
  'validator.d.ts',
  'answers.d.ts',
  'surveyjs.json',
  'codebook.csv',
  'codebook.md',
  'paper.html',
] as const);

/** A file name written by the emit phase. */
export type EmittedFile = (typeof EMITTED_FILES)[number];

/**
 * Every output file of a compiled questionnaire, keyed by file name (in `EMITTED_FILES`
 * order). Pure: it never mutates `compiled` and never touches the disk.
 * Throws (CodebookError, SurveyNameError, ValidatorEmitError) when two ids would produce the
 * same export column or SurveyJS name, or when ajv cannot make a self-contained validator.
 */
export async function emitAll(compiled: CompiledQuestionnaire): Promise<Record<EmittedFile, string>> {
  const files: Record<EmittedFile, string> = {
    'questionnaire.json': emitQuestionnaireJson(compiled),
    'answers.schema.json': prettyJson(answersSchema(compiled)),
    'payload.schema.json': prettyJson(payloadSchemaFor(compiled)),
    'validator.js': emitValidator(compiled),
    'validator.d.ts': emitValidatorTypes(),
    'answers.d.ts': await emitAnswersTypes(compiled),
    'surveyjs.json': emitSurveyJs(compiled),
    'codebook.csv': emitCodebookCsv(compiled),
    'codebook.md': emitCodebookMd(compiled),
    'paper.html': emitPaper(compiled),
  };
  return files;
}

export { answersSchema } from './answers-schema.js';
export { payloadSchemaFor } from './payload-schema.js';
export { codebookColumns, codebookRows, type CodebookColumn, type CodebookRow, CodebookError } from './codebook.js';
export { escapeFormula, csvField, csvRecord, toCsv, BOM as CSV_BOM, type CsvCell, type CsvSeparator } from './csv.js';
export { escapeHtml } from './html.js';
export { escapeMarkdown } from './codebook-md.js';
export { conditionWords, requiredWords, visibilityWords } from './condition-words.js';
export { conditionVars, jumpsAfter, type Jump } from './routing.js';
// What `olva preview` rebuilds on every save (the rest of emitAll is slower and not shown there).
export { emitPaper } from './paper.js';
export { emitCodebookMd } from './codebook-md.js';
export { emitCodebookCsv } from './codebook-csv.js';
export { toSurveyExpression, type Translation, type VarInfo } from './surveyjs-expression.js';
export { surveyModel, surveyName, surveyOtherName, varResolver, SurveyNameError } from './surveyjs.js';
export { ValidatorEmitError } from './validator.js';
