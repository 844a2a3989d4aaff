/**
 * The mapping file of `olva import` (`schemas/import-mapping.schema.json`): read, checked
 * against its schema, every problem named with the file, its JSON pointer and the rule.
 */
import { importMappingSchema } from '@olva/schema';
import { createAjv, toProblems } from '@olva/schema/validate';
import { schemaProblemMessage } from '@olva/compiler/schema-messages';
import type { Bilingual } from '../io.js';
import { readJsonFile } from '@olva/compiler/read-json';
import type { ValidateFunction } from 'ajv';

/** A foreign file's columns and values in olva's terms. */
export interface ImportMapping {
  /** Header of the file → olva column name (null: left out on purpose). */
  columns: Record<string, string | null>;
  /** Question id → { value in the file → answer code }. */
  values: Record<string, Record<string, string | number | boolean>>;
}

/** One problem of a mapping file. */
export interface MappingProblem {
  file: string;
  pointer: string;
  rule: string;
  /** The problem in both languages, for the command to say in its own. */
  message: Bilingual;
}

/** A mapping file that cannot be used. */
export class MappingError extends Error {
  constructor(readonly problems: MappingProblem[]) {
    super(problems.map((p) => `${p.file}#${p.pointer}: ${p.rule}: ${p.message.en}`).join('\n'));
  }
}

/** No mapping: columns named as in olva's exports, values as codes or labels. */
export const NO_MAPPING: ImportMapping = Object.freeze({ columns: {}, values: {} });

let validate: ValidateFunction | undefined;

/** Reads and checks a mapping file; throws MappingError with every problem found. */
export function loadMapping(file: string): ImportMapping {
  const read = readJsonFile(file);
  if ('why' in read) throw new MappingError([{ file, pointer: '', rule: 'json', message: read.why }]);
  const document = read.value;
  validate ??= createAjv().compile(importMappingSchema);
  if (!validate(document)) {
    throw new MappingError(toProblems(validate.errors).map((p) => ({ file, pointer: p.pointer, rule: p.rule, message: schemaProblemMessage(p) })));
  }
  const mapping = document as Partial<ImportMapping>;
  return { columns: mapping.columns ?? {}, values: mapping.values ?? {} };
}
