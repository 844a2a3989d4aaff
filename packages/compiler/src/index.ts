/**
 * @olva/compiler: compiles an OLVA core questionnaire and one territorial extension into a
 * compiled questionnaire and its outputs (schemas, validator, types, codebooks, paper form).
 *
 * The phases are pure functions over plain data, in a straight line:
 * `load` → `validateDocuments` → `assemble` → `lint` → `emitAll`; `compile` and `build` run
 * them in order. `diffQuestionnaires` compares two versions of a questionnaire.
 */
export type { CompilerProblem, Severity, Lang } from './problems.js';
export { formatProblem, hasErrors, localized } from './problems.js';
export type { LoadedDocument, LoadedKind, LoadResult } from './load.js';
export { load, parseDocument, detectKind, isProblem } from './load.js';
export { validateDocuments, fromSchemaProblem } from './validate.js';
export { withLocations } from './problem-locations.js';
export { assemble, compiledId, isExtensionPoint } from './assemble.js';
export type { LintFiles } from './lint/index.js';
export { lint } from './lint/index.js';
export { RULES } from './lint/registry.js';
export type { LintRule, Finding, Bilingual } from './lint/registry.js';
export type { CompileInput, CompileResult } from './compile.js';
export { compile, compileDocuments } from './compile.js';
export type { BuildInput, BuildResult } from './build.js';
export { build } from './build.js';
// The emit phase's API (emitAll, EMITTED_FILES, codebookColumns… used by the collector's exports).
export * from './emit/index.js';
// The version diff (diffQuestionnaires, DiffResult, Change…).
export * from './diff/index.js';
export * as territories from './territories/index.js';
