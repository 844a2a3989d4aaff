/**
 * Finds where a JSON text stops being valid. `JSON.parse` does the parsing; this scanner only
 * runs after it failed, because V8 does not always say where (e.g. "Unexpected token 'x',
 * … is not valid JSON"), and people fix files by line and column.
 */
import { childPointer } from '@olva/schema';

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
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++; ws();
      if (text[i] === '}') { i++; return; }
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string(); ws();
        if (text[i] !== ':') fail();
        i++; value(); ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return; }
        fail();
      }
    } else if (c === '[') {
      i++; ws();
      if (text[i] === ']') { i++; return; }
      for (;;) {
        value(); ws();
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
    value(); ws();
    if (i < text.length) fail();
    return -1;
  } catch (at) {
    if (typeof at === 'number') return Math.min(at, text.length);
    throw at;
  }
}

/**
 * Offsets of every value of a valid JSON text, by JSON pointer (the key of a member is where
 * the member starts, so that a problem about an unknown property points at its name).
 */
export function pointerOffsets(text: string): Map<string, number> {
  const offsets = new Map<string, number>();
  let i = 0;
  const ws = () => { while (i < text.length && ' \t\n\r\ufeff'.includes(text[i]!)) i++; };
  const readString = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (ptr: string, at?: number): void => {
    ws();
    offsets.set(ptr, at ?? i);
    const c = text[i];
    if (c === '{') {
      i++; ws();
      if (text[i] === '}') { i++; return; }
      for (;;) {
        ws();
        const keyAt = i;
        const key = readString();
        ws(); i++; // ':'
        value(childPointer(ptr, key), keyAt);
        ws();
        if (text[i] === ',') { i++; continue; }
        i++; return;
      }
    } else if (c === '[') {
      i++; ws();
      if (text[i] === ']') { i++; return; }
      for (let n = 0; ; n++) {
        value(`${ptr}/${n}`);
        ws();
        if (text[i] === ',') { i++; continue; }
        i++; return;
      }
    } else if (c === '"') readString();
    else { while (i < text.length && !',]} \t\n\r'.includes(text[i]!)) i++; }
  };
  value('');
  return offsets;
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
