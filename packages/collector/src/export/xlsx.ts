/**
 * XLSX export: sheet "réponses" (codes, like the CSV), sheet "libellés" (the same rows with
 * labels instead of codes) and sheet "codebook", written by our own streaming writer
 * (xlsx-sheet.ts, xlsx-cell.ts, xlsx-parts.ts) into a zip made by yazl (zip-stream.ts).
 *
 * A zip entry is written after the previous one ends, so the sheets are filled one after
 * the other. The responses are read once: while "réponses" streams, the same rows go in
 * words to a temporary file (the size of the "libellés" sheet's XML, deleted at the end),
 * which "libellés" then streams. Read twice, from a store taking responses meanwhile, the two
 * sheets disagreed: a response received, erased or set aside between the two reads was in one
 * sheet only, and every row after it faced another response. Short texts go to a
 * bounded shared-strings table (written last; see `SharedStrings`), the rest inline: nothing
 * grows with the rows.
 *
 * Back-pressure: each sheet's XML comes from an async generator that yazl reads through
 * pipes (deflate, then the archive's stream, then `output`), so rows are pulled from the
 * store only as fast as the output takes the bytes: memory stays flat whatever the count and
 * however slow the reader (memory.test.ts).
 */
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import type { Writable } from 'node:stream';
import type { CompiledQuestionnaire } from '@olva/schema';
import type { StoredResponse } from '../store/types.js';
import { METADATA_COLUMNS, variableColumns, type VariableColumn } from './columns.js';
import { CODEBOOK_HEADER, codebookCells, codebookEntries } from './codebook.js';
import { headerCells, rowMapper, type Cell, type ExportLocale } from './values.js';
import { missingFiller, type MissingMode } from './missing.js';
import { harmonise } from './harmonise.js';
import { CHUNK_CHARS, rowXml, SHEET_END, sheetStart, sheetXml } from './xlsx-sheet.js';
import { packageParts, SHARED_STRINGS_PATH, sheetPath } from './xlsx-parts.js';
import { SharedStrings } from './xlsx-cell.js';
import { writeZip, type ZipEntry } from './zip-stream.js';

/** Sheet names, in workbook order. */
export const XLSX_SHEETS = { codes: 'réponses', labels: 'libellés', codebook: 'codebook' } as const;

/** Options of an XLSX export. */
export interface XlsxOptions {
  /** Language of the "libellés" sheet. */
  locale?: ExportLocale;
  columns?: VariableColumn[];
  /** Missing values as empty cells (default) or as the codes -7, -8, -9 (see missing.ts). */
  missing?: MissingMode;
  /** One column set across core versions through their crosswalks (see harmonise.ts). */
  harmonise?: boolean;
}

/**
 * A sheet written to a temporary file row by row (waiting while the disk is behind), then read
 * back as the text of its zip entry. The file loses its name as soon as it is open for writing
 * and reading, where the system allows it (an open file lives on without one, and goes with the
 * process): it holds answers, personal ones too with `export-personal`, and a collector stopped
 * mid-export would have left them on disk, past any erasure. Elsewhere, `remove` deletes it.
 * Deflated at the fastest level on its way: the XML is about 4.9 KB per response (487 MB for
 * 100,000), most of which the zip's own deflate would then read back from disk.
 */
async function spooledSheet(header: readonly string[], strings: SharedStrings) {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'olva-xlsx-'));
  const file = path.join(dir, 'sheet.xml');
  const writer = await fs.promises.open(file, 'wx', 0o600);
  const reader = await fs.promises.open(file, 'r').catch(async (error: unknown) => {
    await writer.close();
    throw error;
  });
  await fs.promises.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  const out = zlib.createDeflateRaw({ level: 1 });
  // A write failing while nobody waits on the stream (a full disk) is kept for the next row:
  // unheard, it would have ended the process.
  let failed: unknown = null;
  const written = pipeline(out, writer.createWriteStream()).catch((error: unknown) => { failed = error; });
  let xml = sheetStart(header);
  let n = 1;
  return {
    async row(cells: readonly Cell[]): Promise<void> {
      if (failed) throw failed;
      xml += rowXml(++n, cells, undefined, strings);
      if (xml.length < CHUNK_CHARS) return;
      const chunk = xml;
      xml = '';
      if (!out.write(chunk)) await once(out, 'drain');
    },
    async end(): Promise<void> {
      if (failed) throw failed;
      out.end(`${xml}${SHEET_END}`);
      await written;
      if (failed) throw failed;
    },
    read(): AsyncIterable<string> {
      const inflate = zlib.createInflateRaw({ chunkSize: CHUNK_CHARS });
      // A failed read ends the inflate with its error, which the zip's reader then meets.
      pipeline(reader.createReadStream({ start: 0 }), inflate).catch(() => undefined);
      return inflate.setEncoding('utf8');
    },
    async remove(): Promise<void> {
      out.destroy();
      // Closed by its stream when read to the end; closing again only fails.
      await reader.close().catch(() => undefined);
      await fs.promises.rm(dir, { recursive: true, force: true });
    },
  };
}

/** Metadata columns whose every value is its own: never shared. */
const OWN_METADATA = new Set<string>(['submission_id', 'received_at', 'started_at', 'submitted_at']);

/** Which columns' texts the shared-strings table may hold: not identifiers, times nor free texts. */
function sharedColumns(columns: readonly VariableColumn[]): boolean[] {
  return [
    ...METADATA_COLUMNS.map((name) => !OWN_METADATA.has(name)),
    ...columns.map((c) => c.kind !== 'other' && !['text', 'textarea', 'email'].includes(c.question.type)),
  ];
}

/**
 * Writes the workbook to `output` and resolves once it is complete (the output is ended).
 * `openResponses` is called once, when the first data sheet's turn comes.
 * Texts are escaped as in the CSV (`escapeFormula`) and cut at Excel's 32,767 characters
 * (see xlsx-cell.ts).
 */
export async function writeXlsx(
  compiled: readonly CompiledQuestionnaire[],
  openResponses: () => AsyncIterable<StoredResponse>,
  output: Writable,
  options: XlsxOptions = {},
): Promise<void> {
  const h = options.harmonise ? harmonise(compiled) : undefined;
  const columns = options.columns ?? variableColumns(h?.builds ?? compiled);
  const locale = options.locale ?? 'fr';
  const header = headerCells(columns);
  const mapper = (mode: 'codes' | 'labels') => rowMapper(columns, mode, locale, missingFiller(compiled, columns, h, options.missing ?? 'empty'), h && ((r) => h.answers(r.payload)));
  const [toCodes, toLabels] = [mapper('codes'), mapper('labels')];
  // Made when the first sheet's turn comes, not before the zip listens to `output`: a reader
  // gone meanwhile would never have been heard of.
  let spool: ReturnType<typeof spooledSheet> | undefined;
  // One table for both data sheets, written after them (a zip's entries may come in any order).
  const strings = new SharedStrings(sharedColumns(columns));
  const labelSheet = () => (spool ??= spooledSheet(header, strings));
  async function* codesAndLabels(): AsyncGenerator<Cell[]> {
    const labels = await labelSheet();
    for await (const response of openResponses()) {
      await labels.row(toLabels(response));
      yield toCodes(response);
    }
    await labels.end();
  }
  async function* labelsRead(): AsyncGenerator<string> {
    yield* (await labelSheet()).read();
  }
  const codebookSheet = () => sheetXml(CODEBOOK_HEADER, codebookEntries(compiled, columns, { harmonisation: h, missing: options.missing }).map(codebookCells));
  const names = [XLSX_SHEETS.codes, XLSX_SHEETS.labels, XLSX_SHEETS.codebook];
  const sheets: ZipEntry[] = [() => sheetXml(header, codesAndLabels(), strings), labelsRead, codebookSheet].map((content, i) => ({ path: sheetPath(i), content }));
  // Made when its turn comes, once the data sheets have filled the table.
  sheets.push({ path: SHARED_STRINGS_PATH, content: async function* sharedStrings() { yield strings.xml(); } });
  const parts: ZipEntry[] = packageParts(names, new Date()).map(([path, content]) => ({ path, content }));
  try {
    await writeZip([...parts, ...sheets], output);
  } finally {
    if (spool) await (await spool.catch(() => undefined))?.remove();
  }
}
