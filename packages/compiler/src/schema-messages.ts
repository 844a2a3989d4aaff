/**
 * The words of a schema problem in each language, built from ajv's error parameters rather
 * than from its English text, so that French output never shows a raw English message. A
 * keyword without its own wording still gets a French sentence naming the rule.
 */

/** A text in both languages. */
export interface Bilingual { fr: string; en: string }

import { QUESTION_TYPES, counted, extensionSchema, payloadSchema, questionnaireSchema, type QuestionType } from '@olva/schema';
import { didYouMean } from './lint/suggest.js';

type Params = Record<string, unknown>;
const json = (v: unknown) => JSON.stringify(v);

const TYPE_FR: Record<string, string> = {
  string: 'un texte', number: 'un nombre', integer: 'un nombre entier', boolean: 'true ou false',
  object: 'un objet', array: 'un tableau', null: 'null',
};
const TYPE_EN: Record<string, string> = {
  string: 'a string', number: 'a number', integer: 'an integer', boolean: 'true or false',
  object: 'an object', array: 'an array', null: 'null',
};
const types = (t: unknown, words: Record<string, string>, or: string) => String(t).split(',').map((x) => words[x] ?? x).join(or);
const COMPARISON_FR: Record<string, string> = { '>=': 'au moins', '<=': 'au plus', '>': 'plus que', '<': 'moins que' };
const COMPARISON_EN: Record<string, string> = { '>=': 'at least', '<=': 'at most', '>': 'more than', '<': 'less than' };

/**
 * The OLVA types for the names other tools give their question types (JSON Schema, HTML,
 * SurveyJS) and the French words a territorial developer reaches for: none of them is a typo of
 * an OLVA type, so edit distance alone offers nothing for "number", the commonest slip.
 */
const TYPE_NAMES_ELSEWHERE: Record<string, readonly QuestionType[]> = {
  number: ['integer', 'decimal'], nombre: ['integer', 'decimal'], int: ['integer'], entier: ['integer'],
  float: ['decimal'], double: ['decimal'], decimale: ['decimal'], string: ['text'], texte: ['text'],
  comment: ['textarea'], radio: ['single'], radiogroup: ['single'], select: ['single'], dropdown: ['single'],
  choix_unique: ['single'], checkbox: ['multiple'], checkboxes: ['multiple'], choix_multiple: ['multiple'],
  bool: ['boolean'], yesno: ['boolean'], oui_non: ['boolean'], ouinon: ['boolean'], annee: ['year'],
  rating: ['scale'], likert: ['scale'], echelle: ['scale'], grid: ['matrix'], grille: ['matrix'], matrice: ['matrix'],
  courriel: ['email'], mail: ['email'],
};

/** `"integer" ou "decimal"` / `"integer" or "decimal"`. */
const alternatives = (names: readonly string[], or: string) => names.map(json).join(or);

/** The words of an unknown question type: a close OLVA type, or the one another tool's name means. */
function unknownType(value: unknown): Bilingual {
  const message = { fr: `${json(value)} n’est pas un type de question`, en: `${json(value)} is not a question type` };
  const meant = typeof value === 'string' && Object.hasOwn(TYPE_NAMES_ELSEWHERE, value.toLowerCase()) ? TYPE_NAMES_ELSEWHERE[value.toLowerCase()]! : [];
  if (meant.length === 0) return guessed(message, value, QUESTION_TYPES);
  return { fr: `${message.fr} ; vouliez-vous dire ${alternatives(meant, ' ou ')} ?`, en: `${message.en}; did you mean ${alternatives(meant, ' or ')}?` };
}

/** Adds "did you mean …?" to a message when the wrong value is close to an allowed one. */
function guessed(message: Bilingual, value: unknown, allowed: Iterable<unknown>): Bilingual {
  const [fr, en] = didYouMean(value, allowed);
  return fr ? { fr: `${message.fr} ; ${fr.trim()}`, en: `${message.en}; ${en.trim()}` } : message;
}

let knownProperties: Set<string> | undefined;
/** Every property name the OLVA schemas declare somewhere: the candidates for a misspelt one. */
function propertyNames(): Set<string> {
  if (!knownProperties) {
    knownProperties = new Set();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === 'properties' && value && typeof value === 'object') for (const name of Object.keys(value)) knownProperties!.add(name);
          walk(value);
        }
      }
    };
    walk([questionnaireSchema, extensionSchema, payloadSchema]);
  }
  return knownProperties;
}

const WORDS: Record<string, (p: Params) => Bilingual> = {
  additionalProperties: (p) => guessed({ fr: `propriété inconnue « ${p.additionalProperty} »`, en: `unknown property "${p.additionalProperty}" (check its spelling)` }, p.additionalProperty, propertyNames()),
  required: (p) => ({ fr: `propriété obligatoire « ${p.missingProperty} » absente`, en: `missing required property "${p.missingProperty}"` }),
  type: (p) => ({ fr: `doit être ${types(p.type, TYPE_FR, ' ou ')}`, en: `must be ${types(p.type, TYPE_EN, ' or ')}` }),
  pattern: (p) => ({ fr: `ne respecte pas la forme attendue (motif ${p.pattern})`, en: `does not have the expected form (pattern ${p.pattern})` }),
  enum: (p) => ({ fr: `doit être une de ces valeurs : ${(p.allowedValues as unknown[]).map(json).join(', ')}`, en: `must be one of ${(p.allowedValues as unknown[]).map(json).join(', ')}` }),
  const: (p) => ({ fr: `doit valoir ${json(p.allowedValue)}`, en: `must be ${json(p.allowedValue)}` }),
  minItems: (p) => ({ fr: `doit contenir au moins ${counted('fr', Number(p.limit), 'élément', 'éléments')}`, en: `must have at least ${counted('en', Number(p.limit), 'item', 'items')}` }),
  maxItems: (p) => ({ fr: `doit contenir au plus ${counted('fr', Number(p.limit), 'élément', 'éléments')}`, en: `must have at most ${counted('en', Number(p.limit), 'item', 'items')}` }),
  minLength: (p) => ({ fr: `doit contenir au moins ${counted('fr', Number(p.limit), 'caractère', 'caractères')}`, en: `must have at least ${counted('en', Number(p.limit), 'character', 'characters')}` }),
  maxLength: (p) => ({ fr: `doit contenir au plus ${counted('fr', Number(p.limit), 'caractère', 'caractères')}`, en: `must have at most ${counted('en', Number(p.limit), 'character', 'characters')}` }),
  minimum: (p) => ({ fr: `doit valoir ${COMPARISON_FR[String(p.comparison)] ?? p.comparison} ${p.limit}`, en: `must be ${COMPARISON_EN[String(p.comparison)] ?? p.comparison} ${p.limit}` }),
  minProperties: (p) => ({ fr: `doit contenir au moins ${counted('fr', Number(p.limit), 'propriété', 'propriétés')}`, en: `must have at least ${counted('en', Number(p.limit), 'property', 'properties')}` }),
  maxProperties: (p) => ({ fr: `doit contenir au plus ${counted('fr', Number(p.limit), 'propriété', 'propriétés')}`, en: `must have at most ${counted('en', Number(p.limit), 'property', 'properties')}` }),
  // ajv counts from 0 and names the later item first; people count from 1, earlier first.
  uniqueItems: (p) => {
    const [a, b] = [Number(p.i), Number(p.j)].sort((x, y) => x - y).map((n) => n + 1);
    return { fr: `les éléments ${a} et ${b} sont identiques`, en: `items ${a} and ${b} are identical` };
  },
  discriminator: (p) => (p.tagValue === undefined
    ? { fr: `la propriété « ${p.tag} » manque ou n’est pas un texte`, en: `property "${p.tag}" is missing or not a string` }
    : unknownType(p.tagValue)),
  format: (p) => ({ fr: `doit être au format ${p.format}`, en: `must be in the format ${p.format}` }),
  multipleOf: (p) => ({ fr: `doit être un multiple de ${p.multipleOf}`, en: `must be a multiple of ${p.multipleOf}` }),
  'false schema': () => ({ fr: 'ne doit pas être donné avec les autres réponses de ce document', en: 'must not be given with the other answers of this document' }),
  oneOf: () => ({ fr: 'ne correspond à aucune des formes permises (ou à plusieurs)', en: 'matches none (or more than one) of the allowed shapes' }),
  anyOf: () => ({ fr: 'ne correspond à aucune des formes permises', en: 'matches none of the allowed shapes' }),
  not: () => ({ fr: 'a une forme interdite ici', en: 'has a shape not allowed here' }),
};
WORDS.maximum = WORDS.minimum!;
WORDS.exclusiveMinimum = WORDS.minimum!;
WORDS.exclusiveMaximum = WORDS.minimum!;

/**
 * The message of one problem of `@olva/schema/validate` (rule `schema/<keyword>`) in French and
 * English: what every reader of a validated document says, the collector as the commands.
 */
export function schemaProblemMessage(problem: { rule: string; params?: Params | undefined; message: string }): Bilingual {
  return schemaMessage(problem.rule.replace(/^schema\//, ''), problem.params, problem.message);
}

/**
 * The message of a schema problem in French and English, from its ajv keyword and parameters.
 * `english` (the validator's own text) is kept when the keyword has no wording here; the French
 * text then names the rule instead of repeating English.
 */
export function schemaMessage(keyword: string, params: Params | undefined, english: string): Bilingual {
  const words = params ? WORDS[keyword] : undefined;
  if (words) {
    try {
      return words(params!);
    } catch {
      // Parameters of an unexpected shape: fall through to the generic wording.
    }
  }
  return { fr: `valeur non conforme au schéma (règle schema/${keyword})`, en: english };
}
