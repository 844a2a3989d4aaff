/**
 * Phase 2: validate. Checks every loaded document against its JSON Schema (ajv, through
 * `@olva/schema/validate`) and turns each schema error into a CompilerProblem with a hint.
 */
import { validateDocument, type DocumentKind, type SchemaProblem } from '@olva/schema/validate';
import type { CompilerProblem } from './problems.js';
import type { LoadedDocument } from './load.js';

const HINTS: Record<string, { en: string; fr: string }> = {
  additionalProperties: {
    en: 'remove this property or correct its spelling (see the schema under schemas/)',
    fr: 'supprimez cette propriété ou corrigez son orthographe (voir le schéma dans schemas/)',
  },
  required: { en: 'add the missing property', fr: 'ajoutez la propriété manquante' },
  type: { en: 'give a value of the expected type', fr: 'donnez une valeur du type attendu' },
  pattern: {
    en: 'ids are lower case: letters, digits and _ (extension ids are <namespace>.<id>); codes use a-z, 0-9 and _',
    fr: 'les identifiants sont en minuscules : lettres, chiffres et _ (dans une extension : <namespace>.<id>) ; les codes utilisent a-z, 0-9 et _',
  },
  enum: { en: 'use one of the allowed values', fr: 'utilisez une des valeurs permises' },
  const: { en: 'use the allowed value', fr: 'utilisez la valeur permise' },
  minItems: { en: 'add at least one element', fr: 'ajoutez au moins un élément' },
  minLength: { en: 'give a non-empty text', fr: 'donnez un texte non vide' },
  maxLength: { en: 'shorten the value', fr: 'raccourcissez la valeur' },
  minimum: { en: 'give a larger number', fr: 'donnez un nombre plus grand' },
  uniqueItems: { en: 'remove the duplicate', fr: 'supprimez le doublon' },
  discriminator: {
    en: 'use one of the question types: single, multiple, boolean, integer, year, decimal, text, textarea, email, commune, scale, matrix',
    fr: 'utilisez un des types de question : single, multiple, boolean, integer, year, decimal, text, textarea, email, commune, scale, matrix',
  },
  minProperties: { en: 'a condition is one JsonLogic operation, e.g. {"==": [{"var": "q"}, true]}', fr: 'une condition est une opération JsonLogic, par ex. {"==": [{"var": "q"}, true]}' },
  maxProperties: { en: 'a condition is one JsonLogic operation; combine several with "and" or "or"', fr: 'une condition est une seule opération JsonLogic ; combinez-en plusieurs avec "and" ou "or"' },
  format: { en: 'give a value in the expected format', fr: 'donnez une valeur au format attendu' },
};

const KEYWORD_FR: Record<string, (m: string) => string> = {
  additionalProperties: (m) => m.replace(/^unknown property "(.*)" \(check its spelling\)$/, 'propriété inconnue « $1 »'),
  required: (m) => m.replace(/^missing required property "(.*)"$/, 'propriété obligatoire « $1 » absente'),
};

/** Turns one schema problem of `file` into a CompilerProblem with a hint. */
export function fromSchemaProblem(file: string, p: SchemaProblem): CompilerProblem {
  const keyword = p.rule.replace(/^schema\//, '');
  const hint = HINTS[keyword];
  const frMessage = KEYWORD_FR[keyword]?.(p.message) ?? p.message;
  return {
    file,
    pointer: p.pointer,
    rule: p.rule,
    severity: 'error',
    message: p.message,
    ...(hint ? { hint: hint.en } : {}),
    fr: { message: frMessage, ...(hint ? { hint: hint.fr } : {}) },
  };
}

/**
 * Validates each document against the schema of its kind (questionnaire, extension or
 * payload). A document of no known kind gives a `load/unknown-kind` problem.
 */
export function validateDocuments(documents: readonly LoadedDocument[]): CompilerProblem[] {
  const problems: CompilerProblem[] = [];
  for (const { file, document, kind } of documents) {
    if (kind === 'questionnaire' || kind === 'extension' || kind === 'payload') {
      for (const p of validateDocument(kind as DocumentKind, document)) problems.push(fromSchemaProblem(file, p));
    } else {
      problems.push({
        file,
        pointer: '',
        rule: 'load/unknown-kind',
        severity: 'error',
        message: kind === 'compiled'
          ? 'this is a compiled questionnaire (output of olva build), not a definition'
          : 'not an OLVA document: expected a questionnaire definition, an extension (with "extends") or a response payload',
        hint: kind === 'compiled' ? 'validate the source definition and extension instead' : 'check that you passed the right file',
        fr: {
          message: kind === 'compiled'
            ? 'ceci est un questionnaire compilé (sortie de olva build), pas une définition'
            : 'pas un document OLVA : attendu une définition de questionnaire, une extension (avec "extends") ou une réponse',
          hint: kind === 'compiled' ? 'validez plutôt la définition source et l’extension' : 'vérifiez que vous avez passé le bon fichier',
        },
      });
    }
  }
  return problems;
}
