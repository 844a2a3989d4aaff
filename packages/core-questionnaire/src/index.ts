/**
 * @olva/core-questionnaire: the canonical OLVA common core ("tronc commun"), `olva-core.json`.
 * The JSON file is the product; this module only tells Node where it is and reads it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { QuestionnaireDefinition } from '@olva/schema';

/**
 * Absolute path of `olva-core.json` (Node only). Resolved from this module's URL so that it
 * holds both from `src/` (tests) and from `dist/` (built package): the file sits one level up.
 */
export const coreQuestionnairePath: string = fileURLToPath(new URL('../olva-core.json', import.meta.url));

/**
 * Reads and parses the common core (Node only). It is not validated here: run it through
 * `validateDocument('questionnaire', …)` from `@olva/schema/validate` or the compiler.
 * Each call returns a fresh object, so callers may not share or mutate one another's copy.
 * @returns the definition as written in `olva-core.json`.
 * @throws when the file cannot be read or is not JSON.
 */
export function loadCoreQuestionnaire(): QuestionnaireDefinition {
  return JSON.parse(readFileSync(coreQuestionnairePath, 'utf8')) as QuestionnaireDefinition;
}

/**
 * Absolute path of `key-figures.json` (Node only): which figures the four-page key-figures
 * sheet shows, versioned with the core (format: `schemas/key-figures.schema.json`; read and
 * checked by `@olva/reports`).
 */
export const keyFiguresPath: string = fileURLToPath(new URL('../key-figures.json', import.meta.url));

/**
 * Absolute path of `references/national-2017.json` (Node only): the national figures the core's
 * results are compared with by default (`olva analyse`, the collector's results). Versioned with
 * the core, whose question ids and codes it names; checked by `checkNationalReferences` of
 * `@olva/analysis`.
 */
export const nationalReferencesPath: string = fileURLToPath(new URL('../references/national-2017.json', import.meta.url));

/**
 * Reads and parses the default national references (Node only), unchecked: run the value
 * through `checkNationalReferences(value, nationalReferencesPath)` of `@olva/analysis`.
 * @throws when the file cannot be read or is not JSON.
 */
export function loadNationalReferences(): unknown {
  return JSON.parse(readFileSync(nationalReferencesPath, 'utf8')) as unknown;
}

export { keyFigureClassesFor } from './key-figure-classes.js';
