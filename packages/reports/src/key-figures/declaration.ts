/**
 * The key-figures declaration (`packages/core-questionnaire/key-figures.json`, format
 * `schemas/key-figures.schema.json`): which figures the four pages show and how. Read and
 * checked here: first against the schema (ajv, the JSON pointer and rule of each problem),
 * then against the core questionnaire (each question exists and suits its display, each code
 * is one of its choices), so that a network editing the file gets a clear error, not an odd
 * sheet.
 */
import type { LocalizedText, QuestionnaireDefinition } from '@olva/schema';
import { ReportError } from '../errors.js';
import { checkAgainstSchema, readJson } from '../schemas.js';

/** How a figure is shown. */
export type FigureDisplay = 'share' | 'bars' | 'stacked' | 'median' | 'classes';

/** One figure of the sheet. */
export interface KeyFigure {
  question: string;
  show: FigureDisplay;
  title?: LocalizedText;
  caption?: LocalizedText;
  code?: string;
  top?: number;
  classes?: number[];
  size?: 'half' | 'full';
}

/** One page of the sheet. */
export interface KeyFiguresPage {
  id: string;
  title: LocalizedText;
  figures: KeyFigure[];
}

/** The declaration of the key-figures sheet. */
export interface KeyFiguresDeclaration {
  kind: 'olva-key-figures';
  version: string;
  questionnaire: { id: string; version: string };
  title: LocalizedText;
  pages: KeyFiguresPage[];
}

const SUITS: Record<FigureDisplay, readonly string[]> = {
  share: ['single', 'multiple', 'boolean', 'scale'],
  bars: ['single', 'multiple', 'boolean', 'scale'],
  stacked: ['matrix'],
  median: ['integer', 'decimal', 'year'],
  classes: ['integer', 'decimal', 'year'],
};

type DefinedQuestion = { id: string; type: string; choices?: { code: string }[]; other?: boolean };

function coreQuestions(core: QuestionnaireDefinition): Map<string, DefinedQuestion> {
  const out = new Map<string, DefinedQuestion>();
  for (const section of core.sections) for (const item of section.items) if ('id' in item) out.set(item.id, item as DefinedQuestion);
  return out;
}

/** The codes a question's answers can carry. */
function codesOf(q: DefinedQuestion): string[] {
  if (q.type === 'boolean') return ['true', 'false'];
  if (q.type === 'scale') return (q.choices ?? []).map((c) => c.code);
  return [...(q.choices ?? []).map((c) => c.code), ...(q.other ? ['other'] : [])];
}

/**
 * Checks a parsed declaration against the schema and the core it names.
 * @param file the file's name, for messages (`file#/pointer: [rule] …`)
 * @throws ReportError on the first problem
 */
export function checkKeyFigures(document: unknown, core: QuestionnaireDefinition, file: string): KeyFiguresDeclaration {
  checkAgainstSchema('key-figures', document, file);
  const declaration = document as KeyFiguresDeclaration;
  const questions = coreQuestions(core);
  declaration.pages.forEach((page, i) => {
    page.figures.forEach((figure, j) => {
      const where = `${file}#/pages/${i}/figures/${j}`;
      const q = questions.get(figure.question);
      if (!q) {
        throw new ReportError('key-figures/unknown-question', {
          fr: `« ${figure.question} » n’est pas une question du tronc commun ${core.id} ${core.version}`,
          en: `"${figure.question}" is not a question of the core ${core.id} ${core.version}`,
        }, `${where}/question`);
      }
      if (!SUITS[figure.show].includes(q.type)) {
        throw new ReportError('key-figures/display', {
          fr: `« ${figure.show} » ne convient pas à la question ${q.id} (${q.type}) ; il faut une question ${SUITS[figure.show].join(', ')}`,
          en: `"${figure.show}" does not suit question ${q.id} (${q.type}); it needs a ${SUITS[figure.show].join(', ')} question`,
        }, `${where}/show`);
      }
      if (figure.code !== undefined && !codesOf(q).includes(figure.code)) {
        throw new ReportError('key-figures/code', {
          fr: `« ${figure.code} » n’est pas un code de ${q.id} (codes : ${codesOf(q).join(', ')})`,
          en: `"${figure.code}" is not a code of ${q.id} (codes: ${codesOf(q).join(', ')})`,
        }, `${where}/code`);
      }
      for (const [key, only] of [['code', 'share'], ['caption', 'share'], ['top', 'bars'], ['classes', 'classes']] as const) {
        if (figure[key] !== undefined && figure.show !== only) {
          throw new ReportError('key-figures/option', { fr: `« ${key} » ne vaut que pour show: "${only}"`, en: `"${key}" only applies to show: "${only}"` }, `${where}/${key}`);
        }
      }
      const bounds = figure.classes ?? [];
      const k = bounds.findIndex((b, n) => n > 0 && b <= bounds[n - 1]!);
      if (k > 0) {
        throw new ReportError('key-figures/classes', { fr: 'les bornes des classes doivent croître strictement', en: 'class bounds must be strictly ascending' }, `${where}/classes/${k}`);
      }
    });
  });
  return declaration;
}

/** Reads and checks a declaration file. @throws ReportError (unreadable file, bad JSON, problems). */
export function readKeyFigures(path: string, core: QuestionnaireDefinition): KeyFiguresDeclaration {
  return checkKeyFigures(readJson(path), core, path);
}

/**
 * The class bounds the declaration's `classes` figures use, by question id: the `classes`
 * option of `aggregateResponses`, so that the results document carries those classes.
 */
export function keyFigureClasses(declaration: KeyFiguresDeclaration): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const page of declaration.pages) for (const f of page.figures) if (f.show === 'classes' && f.classes) out[f.question] = [...f.classes];
  return out;
}
