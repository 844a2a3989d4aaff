/**
 * What `olva import` says: each refused row as `file.csv:line`, its column, the JSON pointer,
 * the rule and the message (with, when the collector's configuration refused it, the entry to
 * add), then the counts: read, imported, already present, refused.
 */
import { counted } from '@olva/schema';
import type { Bilingual, Lang } from '../io.js';
import type { ColumnProblem } from './plan.js';

/** One problem of one row (or of the file's header, line 1). */
export interface ImportProblem {
  line: number;
  /** The column of the file it is about, when one holds it. */
  column?: string;
  pointer: string;
  rule: string;
  message: Bilingual;
  /** What to change in the collector's configuration so that such a row is accepted. */
  hint?: Bilingual;
}

/** The counts of an import. */
export interface ImportCounts {
  read: number;
  imported: number;
  present: number;
  refused: number;
}

/**
 * The configuration entry that would let intake accept what it refused with `code`, if any:
 * a build for an unknown version, a wave's range, a custom territory; or, for a closed wave,
 * the channel that still comes in.
 */
export function configHint(code: string, payload: { wave?: unknown; questionnaire?: { version?: unknown }; territory?: { level?: unknown; code?: unknown } } | undefined): Bilingual | undefined {
  if (code === 'unknown-questionnaire') {
    return {
      fr: 'ajoutez la build de cette version à « questionnaires » de la configuration : { "build": "<dossier écrit par olva build>" }',
      en: 'add the build of this version to the configuration\'s "questionnaires": { "build": "<folder written by olva build>" }',
    };
  }
  if (code === 'wave-version') {
    const entry = `{ "id": "${String(payload?.wave)}", "core": "<plage semver incluant ${String(payload?.questionnaire?.version)}>" }`;
    return {
      fr: `élargissez l’entrée de ce millésime dans « waves » de la configuration : ${entry}`,
      en: `widen this wave's entry in the configuration's "waves": ${entry.replace('plage semver incluant', 'semver range including')}`,
    };
  }
  if (code === 'wave-closed') {
    return {
      fr: 'après la clôture, seules les saisies papier et téléphone entrent : importez les questionnaires papier avec --channel paper (ou une colonne channel)',
      en: 'after the closing, only paper and phone entries come in: import paper forms with --channel paper (or a channel column)',
    };
  }
  if (code === 'unknown-territory' && payload?.territory?.level === 'custom') {
    return {
      fr: `déclarez le territoire « ${String(payload.territory.code)} » dans « customTerritories » de la configuration`,
      en: `declare territory "${String(payload.territory.code)}" in the configuration's "customTerritories"`,
    };
  }
  return undefined;
}

/** One problem as a line: `file.csv:12, colonne « secteur », /answers/secteur, enum : …`. */
export function problemLine(file: string, p: ImportProblem, lang: Lang): string {
  const column = p.column === undefined ? '' : lang === 'fr' ? `, colonne « ${p.column} »` : `, column "${p.column}"`;
  const pointer = p.pointer ? `, ${p.pointer}` : '';
  const hint = p.hint ? (lang === 'fr' ? ` ; ${p.hint.fr}` : `; ${p.hint.en}`) : '';
  return `${file}:${p.line}${column}${pointer}, ${p.rule}${lang === 'fr' ? ' : ' : ': '}${p.message[lang]}${hint}`;
}

/** Lines as ranges: 2–5, 8, 10–12; past `most` ranges, "…". */
function lineRanges(lines: readonly number[], most = 8): string {
  const ranges: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === lines[j]! + 1) j++;
    ranges.push(j > i ? `${lines[i]}–${lines[j]}` : String(lines[i]));
    i = j;
  }
  return ranges.length > most ? `${ranges.slice(0, most).join(', ')}, …` : ranges.join(', ');
}

/**
 * The problems as lines, the rows refused for the same reason together: a file of 600 rows
 * answered with a version the collector lacks says so once, with its lines, not 600 times.
 */
export function problemLines(file: string, problems: readonly ImportProblem[], lang: Lang): string[] {
  const groups = new Map<string, ImportProblem[]>();
  for (const p of problems) {
    const key = JSON.stringify([p.column, p.pointer, p.rule, p.message, p.hint]);
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  }
  return [...groups.values()].map((group) => {
    if (group.length === 1) return problemLine(file, group[0]!, lang);
    const lines = [...new Set(group.map((p) => p.line))].sort((a, b) => a - b);
    const rows = lang === 'fr' ? counted('fr', lines.length, 'ligne', 'lignes') : counted('en', lines.length, 'row', 'rows');
    return problemLine(`${file}:${lineRanges(lines)} (${rows})`, { ...group[0]!, line: Number.NaN }, lang).replace(':NaN', '');
  });
}

/** The closing line: "N lues, N importées, N déjà présentes, N refusées" / English. */
export function summaryLine(c: ImportCounts, lang: Lang, dryRun: boolean): string {
  if (lang === 'fr') {
    // The participles agree with « réponses », left unsaid: « 1 lue », « 0 refusée », « 24 lues ».
    const agreed = (n: number, one: string) => counted('fr', n, one, `${one}s`);
    return `${agreed(c.read, 'lue')}, ${dryRun ? `${c.imported} à importer (essai : rien n’est écrit)` : agreed(c.imported, 'importée')}, ${agreed(c.present, 'déjà présente')}, ${agreed(c.refused, 'refusée')}`;
  }
  return `${c.read} read, ${c.imported} ${dryRun ? 'to import (dry run: nothing written)' : 'imported'}, ${c.present} already present, ${c.refused} refused`;
}

/** The problems of a file's header: each column that is not placed, line 1. */
export function headerProblems(problems: readonly ColumnProblem[], mappingFile: string | undefined): ImportProblem[] {
  return problems.map((p) => {
    const where = p.mappingPointer && mappingFile ? ` (${mappingFile}#${p.mappingPointer})` : '';
    if (p.rule === 'unknown-mapping-question') {
      return {
        line: 1, pointer: p.mappingPointer ?? '', rule: p.rule,
        message: { fr: `« ${p.target} » n’est une question d’aucune version acceptée${where}`, en: `"${p.target}" is a question of no accepted version${where}` },
      };
    }
    const message: Bilingual = p.rule === 'duplicate-column'
      ? { fr: `une autre colonne tient déjà « ${p.target} »`, en: `another column already holds "${p.target}"` }
      : p.rule === 'unknown-mapping-target'
        ? { fr: `« ${p.target} » n’est ni une question, ni une colonne d’export du questionnaire${where}`, en: `"${p.target}" is neither a question nor an export column of the questionnaire${where}` }
        : {
          fr: `colonne inconnue : ni une question ni une colonne d’export ; associez-la dans --mapping ("columns": { "${p.column}": "<question>" }) ou laissez-la de côté ("${p.column}": null)`,
          en: `unknown column: neither a question nor an export column; map it in --mapping ("columns": { "${p.column}": "<question>" }) or leave it out ("${p.column}": null)`,
        };
    return { line: 1, column: p.column, pointer: p.mappingPointer ?? '', rule: p.rule, message };
  });
}
