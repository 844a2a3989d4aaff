/**
 * Phase 2: validate. Checks every loaded document against its JSON Schema (ajv, through
 * `@olva/schema/validate`) and turns each schema error into a CompilerProblem with a hint.
 */
import { validateDocument, type DocumentKind, type SchemaProblem } from '@olva/schema/validate';
import type { CompilerProblem } from './problems.js';
import type { LoadedDocument } from './load.js';
import { schemaMessage } from './schema-messages.js';
import { lint } from './lint/index.js';
import { extensionCheckLevel } from './lint/extension-check-level.js';
import { territoryUnknownCode } from './lint/territory-unknown-code.js';
import { QUESTION_TYPES, childPointer, valueAtPointer, type QuestionnaireDefinition, type TerritorialExtension } from '@olva/schema';

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
  // From QUESTION_TYPES, so that a type added to the contract is offered here too.
  discriminator: {
    en: `use one of the question types: ${QUESTION_TYPES.join(', ')}`,
    fr: `utilisez un des types de question : ${QUESTION_TYPES.join(', ')}`,
  },
  minProperties: { en: 'a condition is one JsonLogic operation, e.g. {"==": [{"var": "q"}, true]}', fr: 'une condition est une opération JsonLogic, par ex. {"==": [{"var": "q"}, true]}' },
  maxProperties: { en: 'a condition is one JsonLogic operation; combine several with "and" or "or"', fr: 'une condition est une seule opération JsonLogic ; combinez-en plusieurs avec "and" ou "or"' },
  format: { en: 'give a value in the expected format', fr: 'donnez une valeur au format attendu' },
};

/** The properties the schemas type as a text in French and English (`localizedText`). */
const TEXT_KEYS = new Set(['label', 'title', 'description', 'help', 'message', 'unit', 'notComparable']);

/**
 * The advice for a value of the wrong type, from the value itself: the two slips beginners
 * make are a number or a boolean in quotes ("0") and a plain string where a text needs both
 * languages. `undefined` when the generic advice is all there is to say.
 */
function typeHint(expected: unknown, value: unknown, pointer: string): { en: string; fr: string } | undefined {
  const want = String(expected).split(',');
  if (typeof value !== 'string') return undefined;
  const bare = value.trim();
  if ((want.includes('number') || want.includes('integer')) && bare !== '' && Number.isFinite(Number(bare))) {
    return { fr: `écrivez le nombre sans guillemets : ${bare}`, en: `write the number without quotes: ${bare}` };
  }
  if (want.includes('boolean') && (bare === 'true' || bare === 'false')) {
    return { fr: `écrivez ${bare} sans guillemets`, en: `write ${bare} without quotes` };
  }
  if (want.includes('object') && TEXT_KEYS.has(pointer.slice(pointer.lastIndexOf('/') + 1))) {
    const text = JSON.stringify(value);
    return { fr: `un texte s’écrit dans les deux langues : {"fr": ${text}, "en": "…"}`, en: `a text is written in both languages: {"fr": ${text}, "en": "…"}` };
  }
  return undefined;
}

/**
 * Turns one schema problem of `file` into a CompilerProblem with a hint, in both languages;
 * given the `document`, the hint of a wrong type says what to write instead.
 */
export function fromSchemaProblem(file: string, p: SchemaProblem, document?: unknown): CompilerProblem {
  const keyword = p.rule.replace(/^schema\//, '');
  const hint = (keyword === 'type' && document !== undefined ? typeHint(p.params?.type, valueAtPointer(document, p.pointer), p.pointer) : undefined) ?? HINTS[keyword];
  const message = schemaMessage(keyword, p.params, p.message);
  // ajv places an unknown type at its question; the value at fault is the question's `type`,
  // where the editor's line and column should take the developer.
  const tag = keyword === 'discriminator' && p.params?.tagValue !== undefined ? p.params.tag : undefined;
  return {
    file,
    pointer: typeof tag === 'string' ? childPointer(p.pointer, tag) : p.pointer,
    rule: p.rule,
    severity: 'error',
    message: message.en,
    ...(hint ? { hint: hint.en } : {}),
    fr: { message: message.fr, ...(hint ? { hint: hint.fr } : {}) },
  };
}

/**
 * Rules that know why a value is wrong where the schema only says it is: their words replace
 * the schema's generic ones at the same place (an extension check at level "error" is told why
 * it must be a warning; a commune code given as an EPCI is named).
 */
const RULES_OVER_SCHEMA = [extensionCheckLevel, territoryUnknownCode];
const NO_CORE = { id: '', version: '', title: { fr: '' }, sections: [] } as unknown as QuestionnaireDefinition;

function preferRuleWords(file: string, extension: unknown, problems: CompilerProblem[]): CompilerProblem[] {
  if (problems.length === 0) return problems;
  const findings = lint(NO_CORE, extension as TerritorialExtension, { core: '', extension: file }, RULES_OVER_SCHEMA);
  const byPointer = new Map(findings.map((f) => [f.pointer, f]));
  const used = new Set<string>();
  const out: CompilerProblem[] = [];
  for (const p of problems) {
    const better = byPointer.get(p.pointer);
    if (!better) out.push(p);
    else if (!used.has(p.pointer)) { used.add(p.pointer); out.push(better); }
  }
  return out;
}

/**
 * Validates each document against the schema of its kind (questionnaire, extension or
 * payload). A document of no known kind gives a `load/unknown-kind` problem.
 */
export function validateDocuments(documents: readonly LoadedDocument[]): CompilerProblem[] {
  const problems: CompilerProblem[] = [];
  for (const { file, document, kind } of documents) {
    if (kind === 'questionnaire' || kind === 'extension' || kind === 'payload') {
      const found = validateDocument(kind as DocumentKind, document).map((p) => fromSchemaProblem(file, p, document));
      problems.push(...(kind === 'extension' ? preferRuleWords(file, document, found) : found));
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
