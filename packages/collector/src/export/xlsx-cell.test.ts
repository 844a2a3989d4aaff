import { describe, expect, it } from 'vitest';
import { cellXml, columnLetters, SHARED_STRING_MAX_CHARS, SHARED_STRINGS_MAX, SharedStrings, truncateForXlsx, XLSX_CELL_LIMIT, XLSX_TRUNCATION_MARK, xlsxXmlText } from './xlsx-cell.js';

describe('xlsx cells', () => {
  it('names columns as Excel does', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702, 16_383].map(columnLetters)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });

  it('writes numbers as values, texts as escaped inline strings, and nothing for empty cells', () => {
    expect(cellXml('B2', 12.5)).toBe('<c r="B2"><v>12.5</v></c>');
    expect(cellXml('B2', -3, 1)).toBe('<c r="B2" s="1"><v>-3</v></c>');
    expect(cellXml('C3', null)).toBe('');
    expect(cellXml('C3', '')).toBe('');
    expect(cellXml('D4', Number.NaN)).toBe('<c r="D4" t="inlineStr"><is><t>NaN</t></is></c>');
    expect(cellXml('E5', '=1+1 & <b>')).toBe(`<c r="E5" t="inlineStr"><is><t>'=1+1 &amp; &lt;b&gt;</t></is></c>`);
    // White space kept only where a reader could drop it: at either end.
    expect(cellXml('F6', 'a  b\nc')).toBe('<c r="F6" t="inlineStr"><is><t>a  b\nc</t></is></c>');
    for (const edge of [' a', 'a ', 'a\t', 'a\n', 'a\r']) expect(cellXml('G7', edge)).toContain('<t xml:space="preserve">');
  });

  it('keeps what XML would lose or refuse: CR, controls, literal _xHHHH_, lone surrogates', () => {
    expect(xlsxXmlText('a\r\nb\tc\nd')).toBe('a&#13;\nb\tc\nd');
    expect(xlsxXmlText('\x00\x01\x08\x0B\x0C\x0E\x1F\uFFFE\uFFFF')).toBe('_x0000__x0001__x0008__x000B__x000C__x000E__x001F__xFFFE__xFFFF_');
    expect(xlsxXmlText('_x003D_cmd _x00e9_ _x12_ x0041_')).toBe('_x005F_x003D_cmd _x005F_x00e9_ _x12_ x0041_');
    expect(xlsxXmlText('a\uD800b\uDC00 🎉 é')).toBe('a\uFFFDb\uFFFD 🎉 é');
    const plain = 'Réponse n° 12, « élan » associatif';
    expect(xlsxXmlText(plain)).toBe(plain);
  });

  it('cuts texts over Excel\'s limit with a mark, never inside a surrogate pair', () => {
    const fits = 'x'.repeat(XLSX_CELL_LIMIT);
    expect(truncateForXlsx(fits)).toBe(fits);
    const cut = truncateForXlsx(`${fits}y`);
    expect(cut).toHaveLength(XLSX_CELL_LIMIT);
    expect(cut).toBe('x'.repeat(XLSX_CELL_LIMIT - XLSX_TRUNCATION_MARK.length) + XLSX_TRUNCATION_MARK);
    const keep = XLSX_CELL_LIMIT - XLSX_TRUNCATION_MARK.length;
    const pair = truncateForXlsx(`${'x'.repeat(keep - 1)}🎉${'x'.repeat(100)}`);
    expect(pair).toBe(`${'x'.repeat(keep - 1)}${XLSX_TRUNCATION_MARK}`);
    expect(/[\uD800-\uDFFF]/u.test(pair)).toBe(false);
  });

  it('shares short texts through a bounded table, each written once and escaped as inline ones are', () => {
    const strings = new SharedStrings();
    expect(cellXml('A2', 'Oui', undefined, strings)).toBe('<c r="A2" t="s"><v>0</v></c>');
    expect(cellXml('B2', '=1+1 & <b>', undefined, strings)).toBe('<c r="B2" t="s"><v>1</v></c>');
    expect(cellXml('A3', 'Oui', undefined, strings)).toBe('<c r="A3" t="s"><v>0</v></c>');
    expect(cellXml('C3', ' Non', undefined, strings)).toBe('<c r="C3" t="s"><v>2</v></c>');
    expect(cellXml('D3', 7, undefined, strings)).toBe('<c r="D3"><v>7</v></c>');
    const long = 'x'.repeat(SHARED_STRING_MAX_CHARS + 1);
    expect(cellXml('E3', long, undefined, strings)).toBe(`<c r="E3" t="inlineStr"><is><t>${long}</t></is></c>`);
    expect(strings.xml()).toBe('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      + '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="3">'
      + `<si><t>Oui</t></si><si><t>'=1+1 &amp; &lt;b&gt;</t></si><si><t xml:space="preserve"> Non</t></si></sst>`);
    // Full, it shares what it holds and writes the rest inline: it never grows past its bound.
    for (let i = 0; strings.indexOf(`t${i}`) !== undefined; i++);
    expect(strings.indexOf('Oui')).toBe(0);
    expect(strings.indexOf('nouveau')).toBeUndefined();
    expect(strings.xml().match(/<si>/g)).toHaveLength(SHARED_STRINGS_MAX);
    // Columns whose every value is its own (identifiers, free texts) keep their texts inline.
    const some = new SharedStrings([true, false]);
    expect(cellXml('B2', 'texte libre', undefined, some, 1)).toBe('<c r="B2" t="inlineStr"><is><t>texte libre</t></is></c>');
    expect(cellXml('A2', 'texte libre', undefined, some, 0)).toBe('<c r="A2" t="s"><v>0</v></c>');
  });
});
