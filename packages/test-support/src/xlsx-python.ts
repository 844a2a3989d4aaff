/**
 * A second, independent XLSX reader for the export tests: Python's `zipfile` (which checks
 * every entry's CRC) and `xml.etree`, knowing nothing of exceljs or of our writer. It follows
 * the package's relationships from `_rels/.rels` to the workbook and its sheets, checks that
 * every part is listed in `[Content_Types].xml`, and gives each sheet's cells by their `r`
 * reference (texts inline or from the shared-strings table), with OOXML's `_xHHHH_` escapes
 * decoded as Excel does.
 */
import { execFile } from 'node:child_process';
import ExcelJS from 'exceljs';

/** One cell as Python read it: its type (`t` attribute, 'n' if absent) and value. */
export interface PythonCell {
  type: string;
  value: string | number;
  /** Whether the cell holds a formula (`<f>`): never expected from an export. */
  formula: boolean;
}

/** A sheet as Python read it: its name and rows of cells (null where no cell was written). */
export interface PythonSheet {
  name: string;
  rows: (PythonCell | null)[][];
}

const SCRIPT = String.raw`
import io, json, re, sys, zipfile
import xml.etree.ElementTree as ET
NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
      'p': 'http://schemas.openxmlformats.org/package/2006/relationships',
      'ct': 'http://schemas.openxmlformats.org/package/2006/content-types'}
R = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id'
z = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))
bad = z.testzip()
if bad: sys.exit('bad CRC in ' + bad)
types = ET.fromstring(z.read('[Content_Types].xml'))
overrides = {o.get('PartName') for o in types.findall('ct:Override', NS)}
defaults = {d.get('Extension') for d in types.findall('ct:Default', NS)}
for name in z.namelist():
    if '/' + name not in overrides and name.rsplit('.', 1)[-1] not in defaults: sys.exit('no content type for ' + name)
def rels(path):
    return {r.get('Id'): r.get('Target') for r in ET.fromstring(z.read(path)).findall('p:Relationship', NS)}
book = [t for t in rels('_rels/.rels').values() if t.endswith('workbook.xml')][0]
book_rels = rels(book.replace('workbook.xml', '_rels/workbook.xml.rels'))
folder = book.rsplit('/', 1)[0] + '/'
def decode(text):
    return re.sub(r'_x([0-9A-Fa-f]{4})_', lambda m: chr(int(m.group(1), 16)), text or '')
def column(ref):
    n = 0
    for ch in re.match(r'[A-Z]+', ref).group(0): n = n * 26 + ord(ch) - 64
    return n - 1
strings_path = [t for t in book_rels.values() if t.endswith('sharedStrings.xml')]
strings = [decode(''.join(si.itertext())) for si in ET.fromstring(z.read(folder + strings_path[0]))] if strings_path else []
out = []
for sheet in ET.fromstring(z.read(book)).find('m:sheets', NS):
    xml = ET.fromstring(z.read(folder + book_rels[sheet.get(R)]))
    rows = []
    for row in xml.find('m:sheetData', NS):
        while len(rows) < int(row.get('r')) - 1: rows.append([])
        cells = []
        for c in row:
            while len(cells) < column(c.get('r')): cells.append(None)
            t = c.get('t', 'n')
            if t == 'inlineStr': value = decode(''.join(c.find('m:is', NS).itertext()))
            elif t == 's': value = strings[int(c.find('m:v', NS).text)]
            else:
                v = c.find('m:v', NS).text
                value = float(v) if t == 'n' else v
                if t == 'n' and value == int(value): value = int(value)
            cells.append({'type': t, 'value': value, 'formula': c.find('m:f', NS) is not None})
        rows.append(cells)
    out.append({'name': sheet.get('name'), 'rows': rows})
sys.stdout.write(json.dumps(out))
`;

/** Reads `xlsx` with python3; rejects with Python's message if the package is not sound. */
export function readXlsxWithPython(xlsx: Buffer): Promise<PythonSheet[]> {
  return new Promise((resolve, reject) => {
    const child = execFile('python3', ['-c', SCRIPT], { maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`python3 could not read the workbook: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout) as PythonSheet[]);
    });
    child.stdin!.end(xlsx);
  });
}

/** The values of a sheet read by Python, empty cells as null (to compare with exceljs's). */
export function pythonValues(sheet: PythonSheet): (string | number | null)[][] {
  return sheet.rows.map((row) => row.map((cell) => cell?.value ?? null));
}

/** A workbook read by both exceljs and Python, which must list the same sheets. */
export async function readXlsxBoth(xlsx: Buffer): Promise<{ workbook: ExcelJS.Workbook; python: PythonSheet[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  const python = await readXlsxWithPython(xlsx);
  const names = [workbook.worksheets.map((s) => s.name), python.map((s) => s.name)].map((n) => JSON.stringify(n));
  if (names[0] !== names[1]) throw new Error(`exceljs reads the sheets ${names[0]}, Python ${names[1]}`);
  return { workbook, python };
}
