/**
 * Reading the first sheet of an XLSX workbook as rows of text, like a CSV file: olva's own
 * XLSX export (its first sheet holds the codes) or a workbook saved by Excel or LibreOffice.
 * The zip is read by yauzl and the XML by saxes (both small and well kept; exceljs pulls some
 * 160 packages and is only a dev dependency). Each row keeps its spreadsheet row number, so
 * that a refused row is named `file.xlsx:row`.
 */
import yauzl from 'yauzl';
import { SaxesParser } from 'saxes';
import type { CsvRow } from './csv-read.js';
import type { Bilingual } from '../io.js';

/** A workbook's first sheet once read. */
export interface XlsxDocument {
  sheet: string;
  header: string[];
  rows: CsvRow[];
}

/** A workbook that cannot be read, and why in both languages (the zip and XML readers' own words are English). */
export class XlsxReadError extends Error {
  constructor(readonly text: Bilingual) {
    super(text.en);
  }
}

/**
 * The most one part of a workbook may hold once inflated: far beyond a sheet of some hundred
 * thousand responses, well below what would exhaust memory (a zip bomb is refused, not read).
 */
const MAX_PART_BYTES = 512 * 1024 * 1024;

/** The entries of a zip that `wanted` accepts, by name. */
async function unzip(bytes: Buffer, wanted: (name: string) => boolean): Promise<Map<string, string>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (e, z) => (e ? reject(e) : resolve(z)));
  });
  const out = new Map<string, string>();
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      if (!wanted(entry.fileName)) {
        zip.readEntry();
        return;
      }
      // yauzl checks that the inflated bytes match the declared size (validateEntrySizes).
      if (entry.uncompressedSize > MAX_PART_BYTES) {
        reject(new Error(`${entry.fileName} holds ${entry.uncompressedSize} bytes once inflated, more than ${MAX_PART_BYTES}`));
        return;
      }
      zip.openReadStream(entry, (e, stream) => {
        if (e) return reject(e);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('error', reject);
        stream.on('end', () => {
          out.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  return out;
}

/** Walks an XML text: `open(name, attributes)`, `text(t)`, `close(name)`. */
function walk(xml: string, on: { open?: (name: string, attributes: Record<string, string>) => void; text?: (t: string) => void; close?: (name: string) => void }): void {
  const parser = new SaxesParser();
  let failure: Error | undefined;
  parser.on('error', (e) => { failure ??= e; });
  if (on.open) parser.on('opentag', (tag) => on.open!(tag.name, tag.attributes as Record<string, string>));
  if (on.text) parser.on('text', on.text);
  if (on.close) parser.on('closetag', (tag) => on.close!(tag.name));
  parser.write(xml).close();
  if (failure) throw new XlsxReadError({ fr: `XML illisible dans le classeur (${failure.message})`, en: `unreadable XML in the workbook (${failure.message})` });
}

/** ECMA-376's `_xHHHH_` escapes back to characters (`_x005F_` is a literal underscore). */
function unescapeXstring(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** The 0-based column of a cell reference (`C7` → 2). */
function columnOf(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** The shared strings of a workbook, in order (rich text runs joined, phonetic runs left out). */
function sharedStrings(xml: string | undefined): string[] {
  const out: string[] = [];
  if (!xml) return out;
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  walk(xml, {
    open: (name) => {
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) inText = true;
    },
    text: (t) => { if (inText && current !== null) current += t; },
    close: (name) => {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') {
        out.push(unescapeXstring(current ?? ''));
        current = null;
      }
    },
  });
  return out;
}

/** The path of the workbook's first sheet and its name. */
function firstSheet(files: Map<string, string>): { path: string; name: string } {
  let rid = '';
  let name = '';
  walk(files.get('xl/workbook.xml') ?? '', {
    open: (tag, a) => {
      if (tag === 'sheet' && !rid) {
        rid = a['r:id'] ?? '';
        name = a.name ?? '';
      }
    },
  });
  let target = '';
  walk(files.get('xl/_rels/workbook.xml.rels') ?? '', {
    open: (tag, a) => { if (tag === 'Relationship' && a.Id === rid) target = a.Target ?? ''; },
  });
  if (!target) throw new XlsxReadError({ fr: 'le classeur ne nomme aucune feuille', en: 'the workbook names no sheet' });
  return { path: target.startsWith('/') ? target.slice(1) : `xl/${target}`, name };
}

/** Reads the first sheet of an XLSX workbook: its first row is the header. */
export async function readXlsx(bytes: Buffer): Promise<XlsxDocument> {
  let files: Map<string, string>;
  try {
    files = await unzip(bytes, (n) => n === 'xl/workbook.xml' || n === 'xl/_rels/workbook.xml.rels' || n === 'xl/sharedStrings.xml' || n.startsWith('xl/worksheets/'));
  } catch (e) {
    // The zip reader's reason stays in English, for whoever looks further; French says what it means.
    throw new XlsxReadError({ fr: `fichier abîmé, ou pas un classeur Excel (enregistrez-le en .xlsx ou en CSV)`, en: `not a readable XLSX workbook (${(e as Error).message})` });
  }
  const sheet = firstSheet(files);
  const xml = files.get(sheet.path);
  if (xml === undefined) throw new XlsxReadError({ fr: `la feuille ${sheet.path} manque`, en: `sheet ${sheet.path} is missing` });
  const strings = sharedStrings(files.get('xl/sharedStrings.xml'));
  const rows: CsvRow[] = [];
  let row: CsvRow | null = null;
  let cell: { column: number; type: string } | null = null;
  let value = '';
  let inValue = false;
  let nextRow = 1;
  let nextColumn = 0;
  walk(xml, {
    open: (name, a) => {
      if (name === 'row') {
        const line = a.r ? Number(a.r) : nextRow;
        row = { line, cells: [] };
        nextRow = line + 1;
        nextColumn = 0;
      } else if (name === 'c' && row) {
        const column = a.r ? columnOf(a.r) : nextColumn;
        cell = { column, type: a.t ?? 'n' };
        nextColumn = column + 1;
        value = '';
      } else if ((name === 'v' || name === 't') && cell) {
        inValue = true;
      }
    },
    text: (t) => { if (inValue) value += t; },
    close: (name) => {
      if (name === 'v' || name === 't') inValue = false;
      else if (name === 'c' && cell && row) {
        const text = cell.type === 's' ? strings[Number(value)] ?? ''
          : cell.type === 'inlineStr' || cell.type === 'str' ? unescapeXstring(value)
            : value;
        while (row.cells.length < cell.column) row.cells.push('');
        row.cells[cell.column] = text;
        cell = null;
      } else if (name === 'row' && row) {
        if (row.cells.some((c) => c !== '')) rows.push(row);
        row = null;
      }
    },
  });
  const [head, ...rest] = rows;
  if (!head) throw new XlsxReadError({ fr: 'la première feuille est vide', en: 'the first sheet is empty' });
  const width = head.cells.length;
  for (const r of rest) while (r.cells.length < width) r.cells.push('');
  return { sheet: sheet.name, header: head.cells.map((c) => c.trim()), rows: rest };
}

/** True when `bytes` start as a zip file does (an XLSX workbook is one). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
