/**
 * Validation against the JSON Schemas of `schemas/` as `@olva/schema` ships them (generated
 * modules, so that an installed package finds them: a path into the repository does not exist
 * beside `node_modules/`) with the ajv set-up of `@olva/schema/validate`: the first problem
 * becomes a ReportError with the file, the JSON pointer and the rule.
 */
import { readFileSync } from 'node:fs';
import { keyFiguresSchema, resultsSchema } from '@olva/schema';
import { createAjv, toProblems } from '@olva/schema/validate';
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

/** Checks a document against `schemas/<name>.schema.json`. @throws ReportError on the first problem. */
export function checkAgainstSchema(name: 'key-figures' | 'results', document: unknown, file: string): void {
  const v = validator(name);
  if (v(document)) return;
  const problems = toProblems(v.errors);
  const p = problems[0]!;
  const more = problems.length > 1 ? { fr: ` (et ${problems.length - 1} autre(s))`, en: ` (and ${problems.length - 1} more)` } : { fr: '', en: '' };
  throw new ReportError(p.rule, { fr: `${p.message}${more.fr}`, en: `${p.message}${more.en}` }, `${file}#${p.pointer}`);
}

/** Reads a JSON file. @throws ReportError when it cannot be read or parsed. */
export function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ReportError('reports/read', { fr: `lecture impossible : ${(e as Error).message}`, en: `cannot read it: ${(e as Error).message}` }, path);
  }
}
