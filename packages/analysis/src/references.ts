/**
 * National references: a versioned data file of figures from published sources
 * (`@olva/core-questionnaire/references/national-2017.json`), each with its source and year and
 * mapped to the core question and codes it compares with. A figure whose categories differ from
 * the core's says how (`categoriesDiffer`); a context figure has no question.
 */
import type { LocalizedText } from '@olva/schema';
import { AnalysisError } from './errors.js';

/** One national figure. */
export interface NationalFigure {
  id: string;
  label: LocalizedText;
  /** A share in [0, 1] (compared), or a value for context (`unit` says of what). */
  share?: number;
  count?: number;
  value?: number;
  unit?: string;
  /** Key of `sources`. */
  source: string;
  /** Year of the data. */
  year: number;
  /** The core question compared with; null for a context figure. */
  question: string | null;
  /** The codes of the question whose shares are summed (a boolean's are "true"/"false"). */
  codes?: string[];
  categoriesDiffer?: LocalizedText;
  note?: LocalizedText;
}

/** The references file. */
export interface NationalReferences {
  kind: 'olva-national-references';
  id: string;
  version: string;
  title: LocalizedText;
  sources: Record<string, { citation: string; year: number }>;
  figures: NationalFigure[];
}

const isText = (v: unknown): v is LocalizedText => typeof v === 'object' && v !== null && typeof (v as { fr?: unknown }).fr === 'string';

/**
 * Checks a parsed references file.
 * @param file its name, for errors.
 * @throws AnalysisError `<file>#<pointer>: [analysis/references] …` on the first problem.
 */
export function checkNationalReferences(value: unknown, file: string): NationalReferences {
  const fail = (pointer: string, en: string, fr: string) => new AnalysisError(`${file}#${pointer}`, 'analysis/references', en, { fr, en }, false);
  const doc = value as Partial<NationalReferences> | null;
  if (typeof doc !== 'object' || doc === null || doc.kind !== 'olva-national-references') throw fail('/kind', 'must be "olva-national-references"', 'doit valoir "olva-national-references"');
  if (typeof doc.id !== 'string' || typeof doc.version !== 'string') throw fail('/version', 'id and version are strings', 'id et version sont des textes');
  if (!isText(doc.title)) throw fail('/title', 'a localized text { fr, en? }', 'un texte traduit { fr, en? }');
  if (typeof doc.sources !== 'object' || doc.sources === null) throw fail('/sources', 'an object of { citation, year } by key', 'un objet de { citation, year } par clé');
  for (const [key, s] of Object.entries(doc.sources)) {
    if (typeof s?.citation !== 'string' || !Number.isInteger(s.year)) throw fail(`/sources/${key}`, 'needs citation (text) and year (whole number)', 'demande citation (texte) et year (nombre entier)');
  }
  if (!Array.isArray(doc.figures)) throw fail('/figures', 'an array of figures', 'un tableau de chiffres');
  doc.figures.forEach((f, i) => {
    const at = `/figures/${i}`;
    if (typeof f?.id !== 'string' || !isText(f.label)) throw fail(at, 'a figure has an id and a label { fr, en? }', 'un chiffre a un id et un label { fr, en? }');
    if (!(f.source in doc.sources!)) throw fail(`${at}/source`, `"${f.source}" is not a key of /sources`, `« ${f.source} » n’est pas une clé de /sources`);
    if (!Number.isInteger(f.year)) throw fail(`${at}/year`, 'the year of the data, a whole number', 'l’année des données, un nombre entier');
    if (f.question === null) {
      if (typeof f.value !== 'number') throw fail(`${at}/value`, 'a context figure (question null) has a value', 'un chiffre de contexte (question null) a une valeur (value)');
      return;
    }
    if (typeof f.question !== 'string') throw fail(`${at}/question`, 'a question id, or null for a context figure', 'l’id d’une question, ou null pour un chiffre de contexte');
    if (typeof f.share !== 'number' || f.share < 0 || f.share > 1) throw fail(`${at}/share`, 'a share in [0, 1]', 'une part dans [0, 1]');
    if (!Array.isArray(f.codes) || f.codes.length === 0 || f.codes.some((c) => typeof c !== 'string')) throw fail(`${at}/codes`, 'the codes compared, a non-empty array of strings', 'les codes comparés, un tableau non vide de textes');
    if (f.categoriesDiffer !== undefined && !isText(f.categoriesDiffer)) throw fail(`${at}/categoriesDiffer`, 'a localized text { fr, en? }', 'un texte traduit { fr, en? }');
  });
  return doc as NationalReferences;
}
