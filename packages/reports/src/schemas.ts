/**
 * Validation against the JSON Schemas of `schemas/` as `@olva/schema` ships them (generated
 * modules, so that an installed package finds them: a path into the repository does not exist
 * beside `node_modules/`) with the ajv set-up of `@olva/schema/validate`: the first problem
 * becomes a ReportError with the file, the JSON pointer and the rule.
 */
import { counted, keyFiguresSchema, resultsSchema } from '@olva/schema';
import { createAjv, toProblems } from '@olva/schema/validate';
import { schemaProblemMessage } from '@olva/compiler/schema-messages';
import { readJsonFile } from '@olva/compiler/read-json';
import { ReportError } from './errors.js';

type Validator = ReturnType<ReturnType<typeof createAjv>['compile']>;
const validators = new Map<string, Validator>();

const SCHEMAS = { 'key-figures': keyFiguresSchema, results: resultsSchema } as const;

function validator(name: keyof typeof SCHEMAS): Validator {
  let v = validators.get(name);
  if (!v) {
    v = createAjv().compile(SCHEMAS[name]);
    validators.set(name, v);
  }
  return v;
}

/**
 * A collector's refusal saved in place of the document (`curl -s …/v1/public/results/…` before
 * the territory published: `{"error":"not-found","message":…}`): said as such, with the
 * collector's own words, instead of the seven properties a results document lacks.
 */
function collectorRefusal(document: unknown, file: string): ReportError | null {
  if (!document || typeof document !== 'object' || 'kind' in document) return null;
  const { error, message } = document as { error?: unknown; message?: unknown };
  if (typeof error !== 'string' || typeof message !== 'string') return null;
  return new ReportError('reports/collector-refusal', {
    fr: `ce fichier est un refus du collecteur (${error} : « ${message} »), pas un document de résultats : publiez d’abord les résultats du territoire, ou écrivez le document avec olva analyse`,
    en: `this file is a refusal of the collector (${error}: "${message}"), not a results document: publish the territory's results first, or write the document with olva analyse`,
  }, file);
}

/** Checks a document against `schemas/<name>.schema.json`. @throws ReportError on the first problem. */
export function checkAgainstSchema(name: 'key-figures' | 'results', document: unknown, file: string): void {
  const v = validator(name);
  if (v(document)) return;
  const refusal = name === 'results' ? collectorRefusal(document, file) : null;
  if (refusal) throw refusal;
  const problems = toProblems(v.errors);
  const p = problems[0]!;
  // ajv's own words are English only: the compiler's words for schema problems say it in both.
  const words = schemaProblemMessage(p);
  const others = problems.length - 1;
  const more = others > 0 ? { fr: ` (et ${counted('fr', others, 'autre', 'autres')})`, en: ` (and ${others} more)` } : { fr: '', en: '' };
  throw new ReportError(p.rule, { fr: `${words.fr}${more.fr}`, en: `${words.en}${more.en}` }, `${file}#${p.pointer}`);
}

/** Reads a JSON file. @throws ReportError when it cannot be read or parsed. */
export function readJson(path: string): unknown {
  const read = readJsonFile(path);
  if ('why' in read) throw new ReportError('reports/read', { fr: `lecture impossible : ${read.why.fr}`, en: `cannot read it: ${read.why.en}` }, path);
  return read.value;
}
