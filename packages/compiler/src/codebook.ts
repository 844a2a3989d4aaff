/**
 * `@olva/compiler/codebook`: the codebook model (its columns and rows) and Markdown escaping
 * alone, for the collector's exports. A separate entry so that a server can describe its
 * columns without loading the compiler's emitters (json-schema-to-typescript among them).
 */
export { codebookColumns, codebookRows, CODEBOOK_HEADERS, CodebookError, type CodebookColumn, type CodebookRow } from './emit/codebook.js';
export { codebookCells, codebookCsv, type CodebookLine } from './emit/codebook-csv.js';
export { escapeMarkdown } from './emit/codebook-md.js';
