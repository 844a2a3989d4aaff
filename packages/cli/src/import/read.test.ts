/** The readers of `olva import`: CSV files, numbers, dates, choices, UUID v5. */
import { describe, expect, it } from 'vitest';
import type { CompiledQuestion } from '@olva/schema';
import { fixtureCore } from '@olva/test-support/export-fixtures';
import { compiledQuestionnaire } from '@olva/test-support/compiled';
import { NO_MAPPING } from './mapping.js';
import { planColumns } from './plan.js';
import { RowReader } from './row-payload.js';
import { readCsv } from './csv-read.js';
import { readChoices, readNumber, readValue } from './cells.js';
import { readTime } from './row-payload.js';
import { uuidV5 } from './submission-id.js';

// The records, encodings and separator guess themselves are tested with the one reader, in
// packages/compiler/src/csv-read.test.ts and csv-decode.test.ts.
describe('CSV reading', () => {
  it('reads a file’s encoding, separator, trimmed header and rows with their lines, and refuses an empty one', () => {
    expect(readCsv(Buffer.from(' a ; b \n1;2')).header).toEqual(['a', 'b']);
    expect(readCsv(Buffer.from([0x61, 0x3b, 0x62, 0x0a, 0x80, 0x3b, 0x92, 0x0a]))).toEqual({
      encoding: 'windows-1252', bom: false, delimiter: ';', header: ['a', 'b'], rows: [{ line: 2, cells: ['€', '’'] }],
    });
    expect(() => readCsv(Buffer.from('\r\n'))).toThrow(expect.objectContaining({ line: 1, rule: 'csv-empty' }));
    expect(() => readCsv(Buffer.from('a\n"b'))).toThrow(expect.objectContaining({ line: 2, rule: 'csv-unclosed-quote' }));
  });
});

describe('cell reading', () => {
  it('reads numbers with a decimal comma and grouped thousands, and nothing else', () => {
    expect(readNumber('3,5')).toBe(3.5);
    expect(readNumber('1 234,5')).toBe(1234.5);
    expect(readNumber('1\u202f000')).toBe(1000);
    expect(readNumber('-2')).toBe(-2);
    expect(readNumber('12 ans')).toBeUndefined();
    expect(readNumber('1,2,3')).toBeUndefined();
  });

  it('reads dates as other tools write them, as UTC, and keeps RFC 3339 as written', () => {
    expect(readTime('2025-03-15 10:30:00')).toBe('2025-03-15T10:30:00.000Z');
    expect(readTime('15/03/2025')).toBe('2025-03-15T00:00:00.000Z');
    expect(readTime('2026-03-01T10:00:00+01:00')).toBe('2026-03-01T10:00:00+01:00');
    expect(readTime('45731.4375')).toBe('2025-03-15T10:30:00.000Z');
    expect(readTime('31/02/2025')).toBeUndefined();
    expect(readTime('mars 2025')).toBeUndefined();
  });

  const publics = [
    { code: 'loisirs', label: { fr: 'Loisirs, vie sociale', en: 'Leisure, social life' } },
    { code: 'aines', label: { fr: 'Aînés', en: 'Elderly' } },
    { code: 'jeunes', label: { fr: 'Jeunes', en: 'Youth' } },
  ];

  it('reads lists of codes or labels separated by ;, | or , (a label holding a comma read whole)', () => {
    expect(readChoices('Loisirs, vie sociale ; AINES', publics, undefined)).toEqual(['loisirs', 'aines']);
    expect(readChoices('elderly|youth', publics, undefined)).toEqual(['aines', 'jeunes']);
    expect(readChoices('aines, jeunes', publics, undefined)).toEqual(['aines', 'jeunes']);
    expect(readChoices('aines, inconnu', publics, undefined)).toEqual(['aines, inconnu']);
    expect(readChoices('2', publics, { 2: 'jeunes' })).toEqual(['jeunes']);
  });

  it('passes on what it cannot read, for intake to refuse', () => {
    const single = { id: 's', type: 'single', label: { fr: 'S' }, choices: publics } as unknown as CompiledQuestion;
    const boolean = { id: 'b', type: 'boolean', label: { fr: 'B' } } as unknown as CompiledQuestion;
    expect(readValue(single, ' Aînés ', undefined)).toBe('aines');
    expect(readValue(single, 'peche', undefined)).toBe('peche');
    expect(readValue(boolean, 'Oui', undefined)).toBe(true);
    expect(readValue(boolean, 'peut-être', undefined)).toBe('peut-être');
  });
});

describe('UUID v5', () => {
  it('gives RFC 9562’s example for the DNS namespace', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
});

describe('row reading', () => {
  // A later version adds a multiple choice; a row answering the earlier one ticks it all the same.
  const earlier = fixtureCore('2026.1.0');
  const later = compiledQuestionnaire({
    id: 'olva-core', questionnaire: { id: 'olva-core', version: '2027.0.0' }, territory: null, title: { fr: 'T' },
    sections: [{ id: 's', title: { fr: 'S' }, questions: [
      { id: 'langues', type: 'multiple', label: { fr: 'Langues' }, choices: [{ code: 'fr', label: { fr: 'Français' } }, { code: 'br', label: { fr: 'Breton' } }] },
    ] as never }],
  });
  const header = ['secteur_principal', 'langues__fr', 'langues__br'];

  it('passes on the answers of a question the row’s version lacks, for intake to refuse, and never drops them', () => {
    const { plan, problems } = planColumns(header, [earlier, later], NO_MAPPING);
    expect(problems).toEqual([]);
    const reader = new RowReader(plan, [earlier, later], NO_MAPPING, {
      questionnaire: 'olva-core', version: '2026.1.0', wave: '2026', territory: { level: 'commune', code: '35238' },
      fallbackSource: 'import-test.csv', time: '2026-03-01T10:00:00Z', waves: [], client: { name: 'olva-import', version: '0' },
    });
    expect(reader.payload(['sport', '1', '0']).payload.answers).toEqual({ secteur_principal: 'sport', langues: { fr: '1', br: '0' } });
    expect(reader.payload(['sport', '', '']).payload.answers).toEqual({ secteur_principal: 'sport' });
  });

  it('says when the mapping gives values to a question no version has', () => {
    const { problems } = planColumns(header, [earlier, later], { columns: {}, values: { sectuer: { 1: 'sport' } } });
    expect(problems).toEqual([{ column: '', rule: 'unknown-mapping-question', target: 'sectuer', mappingPointer: '/values/sectuer' }]);
  });
});
