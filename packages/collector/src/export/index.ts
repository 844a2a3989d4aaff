/** Exports of responses (CSV, XLSX, codebook) and their HTTP routes. */
export { csvExport, csvReadable, type CsvOptions } from './csv.js';
export { writeXlsx, XLSX_SHEETS, type XlsxOptions } from './xlsx.js';
export { MISSING_CODES, parseMissing, missingFiller, type MissingMode } from './missing.js';
export { codebookEntries, codebookCsv, codebookMarkdown, CODEBOOK_HEADER, type CodebookEntry, type CodebookOptions } from './codebook.js';
export { variableColumns, METADATA_COLUMNS, type VariableColumn, type CodebookColumn } from './columns.js';
export { escapeFormula } from '@olva/compiler/csv';
export { exportVersions } from './versions.js';
export { harmonise, parseHarmonise, type Harmonisation } from './harmonise.js';
export { exportRoutes, authorizeRead, type ExportRouteOptions } from './routes.js';
export { parseReadQuery, exportBaseName, type ReadQuery } from './query.js';
export { ndjsonReadable } from './ndjson.js';
export { personalPolicy, exportedVersions, exportedResponse, exportedResponses, responseReader, personalHeader, personalNote, leftOut, PERSONAL_HEADER, type PersonalPolicy } from './personal.js';
