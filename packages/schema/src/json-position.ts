/**
 * Positions in a JSON text, by line and column, because people fix files in an editor: where
 * the text stops being valid, what the slip there is (in French and in English, never V8's
 * English), and where each value stands by its JSON pointer. `JSON.parse` does the parsing;
 * one scanner walks the text again, after a failed parse (V8 does not always say where:
 * "Unexpected token 'x', … is not valid JSON") or to place a problem's pointer. Here rather
 * than in the compiler because every reader of a JSON file says it (the compiler's load, the
 * analysis' NDJSON lines, the collector's configuration, the CLI's option files).
 */
import { childPointer } from './pointer.js';

/** Line and column (both 1-based) of an offset in a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') { line++; start = i + 1; }
  }
  return { line, column: offset - start + 1 };
}

/** Offset of the first JSON syntax error in `text`, or -1 when the text is valid JSON. */
export function syntaxErrorOffset(text: string): number {
  return scan(text);
}

/**
 * What went wrong at `offset`, the first syntax error of `text`, in the words of someone who
 * edits JSON by hand: the slips people make (a comma left after the last item, a comma missing
 * between two, a comment, single quotes, the file cut short), else the character that was not
 * expected. Built from the text rather than from V8's English, so that French output is French.
 */
export function jsonSlip(text: string, offset: number): { fr: string; en: string } {
  if (offset >= text.length) return { fr: 'le fichier s’arrête avant la fin du JSON (accolade, crochet ou guillemet non fermé ?)', en: 'the file ends before the JSON does (an unclosed brace, bracket or quote?)' };
  const c = text[offset]!;
  let before = offset - 1;
  while (before >= 0 && ' \t\n\r'.includes(text[before]!)) before--;
  const previous = before >= 0 ? text[before]! : '';
  if (previous === ',' && (c === '}' || c === ']')) return { fr: `virgule en trop avant « ${c} » : le dernier élément n’en prend pas`, en: `a comma too many before "${c}": the last item takes none` };
  if (/["\d\]}el]/.test(previous) && (c === '"' || c === '{' || c === '[')) return { fr: 'virgule manquante avant cet élément', en: 'a comma is missing before this item' };
  if (c === '/') return { fr: 'le JSON n’admet pas de commentaire', en: 'JSON allows no comments' };
  if (c === "'") return { fr: 'le JSON écrit les textes entre guillemets droits doubles ("…"), pas entre apostrophes', en: 'JSON writes texts between double quotes ("…"), not single ones' };
  const shown = c < ' ' ? `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : c;
  return { fr: `caractère « ${shown} » inattendu`, en: `unexpected character "${shown}"` };
}

/** Where a JSON text stops being JSON, and why, in both languages. */
export interface JsonSyntaxError {
  /** 1-based line and column of the first character that is not JSON. */
  line: number;
  column: number;
  /** The slip alone, for a reader that says the place its own way (an NDJSON line). */
  slip: { fr: string; en: string };
  /** « JSON invalide ligne 3, colonne 1 : virgule en trop avant « } » : … ». */
  fr: string;
  /** "invalid JSON at line 3, column 1: a comma too many before "}": …". */
  en: string;
}

/**
 * Parses a JSON text (a leading byte-order mark is skipped); when it is not JSON, where and
 * why in both languages. Should V8 and the scanner ever disagree (V8 refusing what the scanner
 * reads), V8's words are all there is, at the end of the text.
 */
export function parseJson(text: string): { value: unknown } | { error: JsonSyntaxError } {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { value: JSON.parse(source) as unknown };
  } catch (error) {
    const found = scan(source);
    const offset = found < 0 ? source.length : found;
    const { line, column } = lineColumn(source, offset);
    const v8 = String(error instanceof Error ? error.message : error);
    const slip = found < 0 ? { fr: v8, en: v8 } : jsonSlip(source, offset);
    return { error: { line, column, slip, fr: `JSON invalide ligne ${line}, colonne ${column} : ${slip.fr}`, en: `invalid JSON at line ${line}, column ${column}: ${slip.en}` } };
  }
}

/**
 * Offsets of every value of a valid JSON text, by JSON pointer (the key of a member is where
 * the member starts, so that a problem about an unknown property points at its name).
 */
export function pointerOffsets(text: string): Map<string, number> {
  const offsets = new Map<string, number>();
  scan(text, (pointer, offset) => offsets.set(pointer, offset));
  return offsets;
}

/**
 * Reads `text` by the JSON grammar, telling `onValue` where each value starts (a member's value
 * at its key) under its JSON pointer, until the first syntax error; returns that error's offset,
 * or -1 when the whole text is valid JSON.
 */
function scan(text: string, onValue?: (pointer: string, offset: number) => void): number {
  let i = 0;
  const ws = () => { while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++; };
  const fail = (): never => { throw i; };
  const literal = (word: string) => { if (text.startsWith(word, i)) i += word.length; else fail(); };
  const string = () => {
    i++; // opening quote
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') { i++; return; }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') { if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) { i++; fail(); } i += 6; }
        else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else { i++; fail(); }
      } else if (c < ' ') fail();
      else i++;
    }
    fail();
  };
  const number = () => {
    const m = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(text.slice(i));
    if (!m || m[0] === '' || m[0] === '-') fail();
    i += m![0].length;
  };
  const value = (pointer: string, at?: number): void => {
    ws();
    onValue?.(pointer, at ?? i);
    const c = text[i];
    if (c === '{') {
      i++; ws();
      if (text[i] === '}') { i++; return; }
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        const keyAt = i;
        string();
        // The key is only decoded for its pointer; it has just been read as a valid string.
        const child = onValue ? childPointer(pointer, JSON.parse(text.slice(keyAt, i)) as string) : pointer;
        ws();
        if (text[i] !== ':') fail();
        i++; value(child, keyAt); ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return; }
        fail();
      }
    } else if (c === '[') {
      i++; ws();
      if (text[i] === ']') { i++; return; }
      for (let n = 0; ; n++) {
        value(`${pointer}/${n}`); ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; return; }
        fail();
      }
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) number();
    else fail();
  };
  try {
    value(''); ws();
    if (i < text.length) fail();
    return -1;
  } catch (at) {
    if (typeof at === 'number') return Math.min(at, text.length);
    throw at;
  }
}

/**
 * Line and column of the value at `pointer` in a valid JSON text; for a pointer that does not
 * exist (a missing property), the position of its closest existing parent.
 */
export function pointerPosition(offsets: Map<string, number>, text: string, pointer: string): { line: number; column: number } {
  let p = pointer;
  while (!offsets.has(p) && p !== '') p = p.slice(0, p.lastIndexOf('/'));
  return lineColumn(text, offsets.get(p) ?? 0);
}
