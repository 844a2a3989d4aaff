/**
 * From a spreadsheet cell to an answer value of one question: a code, its French or English
 * label (case, accents and punctuation folded), or the mapping file's value; a number with a
 * decimal point or a decimal comma; yes/no words. A cell that none of these read is passed on
 * as it is written, so that the collector's intake refuses it with its own rule (an unknown
 * code, a wrong type) rather than this reader guessing.
 */
import type { CompiledQuestion } from '@olva/schema';
import { communesNamed, foldCommuneName, type Commune } from '@olva/collector';

/** A value as the mapping file gives it, or read from a cell. */
export type CellValue = string | number | boolean;

/** The mapping file's values of one question (value as written → code), if any. */
export type ValueMap = Readonly<Record<string, CellValue>> | undefined;

/** Yes/no words in French and English (folded), and the 0/1 of olva's exports. */
const YES = new Set(['1', 'oui', 'o', 'yes', 'y', 'true', 'vrai', 'x']);
const NO = new Set(['0', 'non', 'n', 'no', 'false', 'faux']);

/** The boolean a cell means, or undefined when it is no yes/no word. */
export function readBoolean(cell: string): boolean | undefined {
  const f = foldCommuneName(cell);
  return YES.has(f) ? true : NO.has(f) ? false : undefined;
}

/**
 * A number as a French or English spreadsheet writes it: `12`, `-3.5`, `3,5` (decimal comma),
 * `1 200` or `1 200,5` (a space, no-break space or narrow no-break space between thousands).
 * Undefined when the cell is not such a number.
 */
export function readNumber(cell: string): number | undefined {
  const compact = cell.trim().replace(/(?<=\d)[\u0020\u00a0\u202f](?=\d{3}(?:\D|$))/g, '');
  if (!/^-?\d+(?:[.,]\d+)?$/.test(compact)) return undefined;
  return Number(compact.replace(',', '.'));
}

/** Choice code by code, by folded French and English label. */
function choiceIndex(choices: readonly { code: string; label: { fr: string; en?: string } }[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const c of choices) {
    for (const name of [c.label.fr, c.label.en]) if (name) index.set(foldCommuneName(name), c.code);
  }
  // A code wins over a label that folds the same.
  for (const c of choices) index.set(c.code, c.code);
  return index;
}

const indexes = new WeakMap<object, Map<string, string>>();

/** The code a cell names among `choices`: by the mapping, the code, or a label. */
export function readChoice(cell: string, choices: readonly { code: string; label: { fr: string; en?: string } }[], values: ValueMap): string | undefined {
  const mapped = values?.[cell] ?? values?.[cell.trim()];
  if (mapped !== undefined) return String(mapped);
  let index = indexes.get(choices);
  if (!index) {
    index = choiceIndex(choices);
    indexes.set(choices, index);
  }
  return index.get(cell.trim()) ?? index.get(foldCommuneName(cell));
}

/**
 * The codes of a multiple choice written in one cell: separated by `;` or `|` (olva writes
 * `a;b`, its label sheet `A ; B`), or by `,` when a part read whole is no choice (a label may
 * hold a comma: "Loisirs, vie sociale"). A part that names no choice stays as written.
 */
export function readChoices(cell: string, choices: readonly { code: string; label: { fr: string; en?: string } }[], values: ValueMap): string[] {
  const out: string[] = [];
  for (const part of cell.split(/[;|]/).map((p) => p.trim()).filter(Boolean)) {
    const whole = readChoice(part, choices, values);
    if (whole !== undefined) {
      out.push(whole);
      continue;
    }
    const pieces = part.split(',').map((p) => p.trim()).filter(Boolean);
    const read = pieces.map((p) => readChoice(p, choices, values));
    if (pieces.length > 1 && read.every((r) => r !== undefined)) out.push(...(read as string[]));
    else out.push(part);
  }
  return out;
}

/**
 * The answer of a question's own column (kind `value`): what the cell says in that question's
 * type. `text` is the cell as read (trimmed for every type but free text).
 */
export function readValue(q: CompiledQuestion, cell: string, values: ValueMap): CellValue | string[] {
  const trimmed = cell.trim();
  const mapped = values?.[cell] ?? values?.[trimmed];
  switch (q.type) {
    case 'single':
      return readChoice(trimmed, q.choices, values) ?? trimmed;
    case 'multiple':
      return readChoices(trimmed, q.choices, values);
    case 'boolean':
      if (typeof mapped === 'boolean') return mapped;
      return readBoolean(trimmed) ?? trimmed;
    case 'integer':
    case 'year':
    case 'decimal':
      if (typeof mapped === 'number') return mapped;
      return readNumber(trimmed) ?? trimmed;
    case 'scale': {
      if (typeof mapped === 'number') return mapped;
      const n = readNumber(trimmed);
      if (n !== undefined) return n;
      const code = readChoice(trimmed, q.choices, undefined);
      const point = q.choices.findIndex((c) => c.code === code);
      return point >= 0 ? point + 1 : trimmed;
    }
    case 'commune': {
      const read = readCommune(trimmed);
      return 'code' in read ? read.code : trimmed;
    }
    case 'email':
      return trimmed;
    case 'matrix':
      // A matrix is read from its row columns (`<id>__<row>`), never from one cell.
      return trimmed;
    case 'text':
    case 'textarea':
      return mapped !== undefined ? String(mapped) : cell;
  }
}

/** What a commune cell names: one commune's INSEE code, or the communes its name could be. */
export type CommuneCell = { code: string } | { named: string; candidates: Commune[] };

/**
 * A commune as a spreadsheet or a paper form gives it: its INSEE code (a spreadsheet drops the
 * leading zero of Ain's, 01004 → 1004), or its name, alone or with its département or postcode
 * when several communes share it: `Rennes`, `Saint-Denis (93)`, `Saint-Denis 97400`,
 * `97400 Saint-Denis`. A name that fits no commune, or several, gives its candidates (none, or
 * those that share it) for the row's problem.
 */
export function readCommune(cell: string): CommuneCell {
  const text = cell.trim();
  if (/^\d{4}$/.test(text)) return { code: `0${text}` };
  if (/^(?:\d{5}|2[AB]\d{3})$/i.test(text)) return { code: text.toUpperCase() };
  const m = /^(?:(\d{5})\s+)?(.*?)(?:\s*\((\d{2,3}|2[AB]|\d{5})\)|\s+(\d{5}))?$/i.exec(text)!;
  const place = (m[1] ?? m[3] ?? m[4])?.toUpperCase();
  const named = m[2]!.trim();
  const all = communesNamed(named);
  const candidates = place === undefined ? all
    : all.filter((c) => (place.length === 5 ? c.postcodes.includes(place) : c.departement === place));
  return candidates.length === 1 ? { code: candidates[0]!.code } : { named, candidates: candidates.length ? candidates : all };
}
