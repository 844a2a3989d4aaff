/**
 * The codebook of an export: one row per column of the CSV/XLSX, in the same order. The
 * metadata columns come first; every variable row is the compiler's own codebook row
 * (`codebookRows`, the same as `codebook.csv` of `olva build`), taken from the newest version
 * that has the column, so the export's codebook and the build's codebook never disagree.
 * Written as CSV (same encoding and escaping as the data) or as Markdown.
 */
import { codebookRows, escapeMarkdown, type CodebookRow } from '@olva/compiler/codebook';
import type { CompiledQuestionnaire } from '@olva/schema';
import { METADATA_COLUMNS, METADATA_LABELS, orderVersions, variableColumns, type VariableColumn } from './columns.js';
import { MISSING_CODES, type MissingMode } from './missing.js';
import type { Harmonisation } from './harmonise.js';
import { acrossVersions, withMissingCodes } from './versioned-codebook.js';

/** One line of the codebook: the compiler's row shape (`kind` is `metadata` for metadata). */
export type CodebookEntry = Omit<CodebookRow, 'kind'> & { kind: CodebookRow['kind'] | 'metadata' };

/**
 * Header of the codebook CSV and sheet, cells of a line, and the CSV writer: the compiler's,
 * so that the export's codebook and `olva build`'s `codebook.csv` are written by one writer.
 */
export { CODEBOOK_HEADERS as CODEBOOK_HEADER, codebookCells, codebookCsv } from '@olva/compiler/codebook';

function metadataEntry(name: (typeof METADATA_COLUMNS)[number]): CodebookEntry {
  const label = METADATA_LABELS[name];
  return {
    variable: name, question: '', kind: 'metadata', type: 'metadata', format_fr: '', format_en: '',
    label_fr: label.fr, label_en: label.en, codes_fr: '', codes_en: '', condition_fr: '', condition_en: '',
    required_fr: '', required_en: '', section: '', origin: 'collector', version: '',
  };
}

/** Options of an export's codebook. */
export interface CodebookOptions {
  /** The export is harmonised across core versions (see harmonise.ts). */
  harmonisation?: Harmonisation;
  /** With `codes`, each variable's codes end with the missing-value codes -7, -8, -9. */
  missing?: MissingMode;
}

/**
 * The codebook of an export over `compiled` (union of versions, like the data). When the
 * export mixes versions, each variable row names every version that has the column, its codes
 * are those of every version (a code missing from some versions says which have it), and
 * question numbers stay unique across versions (see versioned-codebook.ts).
 */
export function codebookEntries(
  compiled: readonly CompiledQuestionnaire[],
  columns?: VariableColumn[],
  options: CodebookOptions = {},
): CodebookEntry[] {
  const builds = options.harmonisation?.builds ?? compiled;
  const cols = columns ?? variableColumns(builds);
  const rows = new Map<string, CodebookRow>();
  for (const version of orderVersions(builds)) {
    for (const row of codebookRows(version)) if (!rows.has(row.variable)) rows.set(row.variable, row);
  }
  const across = acrossVersions(builds, options.harmonisation);
  const variables = cols.map((c) => {
    const row = rows.get(c.name);
    if (!row) throw new Error(`no codebook row for export column "${c.name}"`);
    return withMissingCodes(across(row, c), options.missing) as CodebookEntry;
  });
  return [...METADATA_COLUMNS.map(metadataEntry), ...variables];
}

/** The codebook as a Markdown document with one table, in column order; `note` (Markdown, e.g. the personal questions left out) goes under the title. */
export function codebookMarkdown(entries: readonly CodebookEntry[], title: string, note: string | null = null): string {
  const lines = [
    `# Dictionnaire des variables de l’export — ${escapeMarkdown(title)}`,
    '',
    ...(note ? [note, ''] : []),
    'Une ligne par colonne des données, dans le même ordre. Cellule vide : question non posée ou sans réponse ; colonnes `<id>__<code>` : 1 = coché, 0 = non coché.',
    '',
    'Valeurs manquantes : vides par défaut ; avec `missing=codes` (`olva export --missing codes`) / *missing values: empty by default; with `missing=codes`*',
    '',
    ...MISSING_CODES.map((m) => `- \`${m.code}\` : ${m.fr} / *${m.en}*`),
    '',
    'Déclarer ces codes manquants / *declaring them as missing*: SPSS `MISSING VALUES ALL (-9 THRU -7).` (variables numériques / *numeric variables*) ; Stata `mvdecode _all, mv(-7=.a \\ -8=.b \\ -9=.c)` ; R `read.csv(…, na.strings = c("", "-7", "-8", "-9"))` ou / *or* `haven::labelled_spss(x, na_values = c(-9, -8, -7))`. Avec `missing=codes`, la colonne Codes de chaque variable les liste aussi / *with `missing=codes`, each variable\'s codes list them too*.',
    '',
    '| Variable | Q | Type | Libellé | Codes | Origine |',
    '|---|---|---|---|---|---|',
  ];
  for (const e of entries) {
    const cells = [
      `\`${e.variable}\``,
      escapeMarkdown(e.question),
      escapeMarkdown(e.format_fr ? `${e.type} (${e.format_fr})` : e.type),
      escapeMarkdown(e.label_fr),
      escapeMarkdown(e.codes_fr),
      escapeMarkdown(`${e.origin} ${e.version}`.trim()),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n') + '\n';
}
