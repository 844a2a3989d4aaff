/**
 * The small, fixed parts of an XLSX package (Office Open XML, ECMA-376): content types,
 * relationships, the workbook listing the sheets, a minimal stylesheet (the header's bold
 * font) and the document properties. The worksheets themselves are made by xlsx-sheet.ts, the
 * shared-strings table (`SHARED_STRINGS_PATH`, listed here) by xlsx-cell.ts.
 */
import { xlsxXmlText } from './xlsx-cell.js';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const TYPES = 'application/vnd.openxmlformats-officedocument';

/** An XML attribute value. */
function attr(text: string): string {
  return xlsxXmlText(text).replace(/"/g, '&quot;');
}

/** The zip path of the shared-strings table (see `SharedStrings` in xlsx-cell.ts). */
export const SHARED_STRINGS_PATH = 'xl/sharedStrings.xml';

/** The zip path of the `i`-th worksheet (0-based). */
export function sheetPath(i: number): string {
  return `xl/worksheets/sheet${i + 1}.xml`;
}

/**
 * Every fixed part of a workbook whose sheets are named `sheetNames` (in order), as zip path
 * and content, in the order they are written (content types first, as Office does).
 */
export function packageParts(sheetNames: readonly string[], created: Date): [path: string, xml: string][] {
  const sheets = sheetNames.map((name, i) => ({ name, i, id: `rId${i + 1}` }));
  const stylesId = `rId${sheetNames.length + 1}`;
  const stringsId = `rId${sheetNames.length + 2}`;
  return [
    ['[Content_Types].xml', `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
      + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      + '<Default Extension="xml" ContentType="application/xml"/>'
      + `<Override PartName="/xl/workbook.xml" ContentType="${TYPES}.spreadsheetml.sheet.main+xml"/>`
      + sheets.map((s) => `<Override PartName="/${sheetPath(s.i)}" ContentType="${TYPES}.spreadsheetml.worksheet+xml"/>`).join('')
      + `<Override PartName="/xl/styles.xml" ContentType="${TYPES}.spreadsheetml.styles+xml"/>`
      + `<Override PartName="/${SHARED_STRINGS_PATH}" ContentType="${TYPES}.spreadsheetml.sharedStrings+xml"/>`
      + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
      + `<Override PartName="/docProps/app.xml" ContentType="${TYPES}.extended-properties+xml"/>`
      + '</Types>'],
    ['_rels/.rels', `${XML_HEAD}<Relationships xmlns="${PKG_RELS}">`
      + `<Relationship Id="rId1" Type="${DOC_RELS}/officeDocument" Target="xl/workbook.xml"/>`
      + `<Relationship Id="rId2" Type="${PKG_RELS}/metadata/core-properties" Target="docProps/core.xml"/>`
      + `<Relationship Id="rId3" Type="${DOC_RELS}/extended-properties" Target="docProps/app.xml"/>`
      + '</Relationships>'],
    ['docProps/core.xml', `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"`
      + ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
      + ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
      + `<dc:creator>olva</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${created.toISOString().replace(/\.\d+Z$/, 'Z')}</dcterms:created>`
      + '</cp:coreProperties>'],
    ['docProps/app.xml', `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">`
      + '<Application>olva</Application></Properties>'],
    ['xl/workbook.xml', `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${DOC_RELS}"><sheets>`
      + sheets.map((s) => `<sheet name="${attr(s.name)}" sheetId="${s.i + 1}" r:id="${s.id}"/>`).join('')
      + '</sheets></workbook>'],
    ['xl/_rels/workbook.xml.rels', `${XML_HEAD}<Relationships xmlns="${PKG_RELS}">`
      + sheets.map((s) => `<Relationship Id="${s.id}" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet${s.i + 1}.xml"/>`).join('')
      + `<Relationship Id="${stylesId}" Type="${DOC_RELS}/styles" Target="styles.xml"/>`
      + `<Relationship Id="${stringsId}" Type="${DOC_RELS}/sharedStrings" Target="sharedStrings.xml"/>`
      + '</Relationships>'],
    // Style 0: the default; style 1 (HEADER_STYLE of xlsx-sheet.ts): bold.
    ['xl/styles.xml', `${XML_HEAD}<styleSheet xmlns="${MAIN}">`
      + '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
      + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
      + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
      + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
      + '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
      + '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
      + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
      + '</styleSheet>'],
  ];
}
