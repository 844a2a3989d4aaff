import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codebookCsv, codebookEntries, codebookMarkdown } from './codebook.js';
import { csvExport } from './csv.js';
import { codebookRows } from '@olva/compiler';
import { fieldsUnderEitherSeparator, fixtureCore, fixtureRennes, HOSTILE_TEXTS, iterate, parseCsv, runsAsFormula } from '@olva/test-support/export-fixtures';

async function header(compiled: Parameters<typeof csvExport>[0]): Promise<string[]> {
  let text = '';
  for await (const c of csvExport(compiled, iterate([]))) text += c;
  return parseCsv(text.slice(1))[0];
}

describe('codebook', () => {
  it('has one row per data column, in the same order', async () => {
    for (const compiled of [[fixtureCore()], [fixtureCore(), fixtureRennes()]]) {
      const rows = parseCsv(codebookCsv(codebookEntries(compiled)).slice(1));
      expect(rows[0][0]).toBe('variable');
      expect(rows.slice(1).map((r) => r[0])).toEqual(await header(compiled));
    }
  });

  it('is the compiler codebook for variables, after the metadata', () => {
    const entries = codebookEntries([fixtureRennes()]);
    const get = (v: string) => entries.find((e) => e.variable === v)!;
    expect(get('submission_id')).toMatchObject({ kind: 'metadata', origin: 'collector' });
    expect(get('secteur_principal').codes_fr).toContain('sport=Sport');
    expect(get('publics__aines')).toMatchObject({ kind: 'choice', question: 'Q2' });
    expect(get('publics__aines').label_fr).toContain('Aînés');
    expect(get('difficultes__locaux').label_fr).toContain('Locaux');
    expect(get('rennes.locaux_quartier').origin).toBe('rennes-2026');
    expect(get('secteur_principal_other').kind).toBe('other');
    expect(entries.filter((e) => e.kind !== 'metadata')).toEqual(codebookRows(fixtureRennes()));
  });

  it('escapes a formula in a label in the CSV codebook', () => {
    const text = codebookCsv(codebookEntries([fixtureCore()]));
    const rows = parseCsv(text.slice(1));
    const header = rows[0];
    const line = rows.find((r) => r[0] === 'secteur_principal')!;
    expect(line[header.indexOf('codes_fr')]).toContain('formule==HYPERLINK');
    const core = fixtureCore();
    core.sections[0].questions[0].label = { fr: '=cmd|" /C calc"!A0', en: '@SUM(1)' };
    const escaped = parseCsv(codebookCsv(codebookEntries([core])).slice(1)).find((r) => r[0] === 'secteur_principal')!;
    expect(escaped[header.indexOf('label_fr')]).toBe(`'=cmd|" /C calc"!A0`);
    expect(escaped[header.indexOf('label_en')]).toBe(`'@SUM(1)`);
    for (const row of rows) for (const field of row) expect(field).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('escapes formulas after either separator and line breaks: no field runs when reopened with "," or ";"', () => {
    const hostile = fc.oneof(
      fc.constantFrom(...HOSTILE_TEXTS),
      fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ',', ';', '"', ' ', 'a', 'é'), maxLength: 20 }),
    );
    fc.assert(fc.property(hostile, hostile, hostile, (label, labelEn, choice) => {
      const core = fixtureCore();
      const question = core.sections[0].questions[0] as unknown as { label: object; choices: { label: object }[] };
      question.label = { fr: label, en: labelEn };
      question.choices[1].label = { fr: choice, en: choice };
      for (const separator of [',', ';'] as const) {
        const text = codebookCsv(codebookEntries([core]), separator).slice(1);
        expect(fieldsUnderEitherSeparator(text).filter(runsAsFormula)).toEqual([]);
        const header = parseCsv(text, separator)[0];
        const row = parseCsv(text, separator).find((r) => r[0] === 'secteur_principal')!;
        expect(row).toHaveLength(header.length);
      }
    }), { numRuns: 50 });
  });

  it('renders Markdown with one table row per column and escaped pipes', () => {
    const entries = codebookEntries([fixtureCore()]);
    const md = codebookMarkdown(entries, 'olva-core 2026.1.0');
    const rows = md.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows).toHaveLength(entries.length);
    expect(md).toContain('1=Oui \\| 0=Non');
    const core = fixtureCore();
    core.sections[1].questions[2].label = { fr: '<img src=x onerror=alert(1)> | fin' };
    const hostile = codebookMarkdown(codebookEntries([core]), 't');
    expect(hostile).not.toContain('<img');
    expect(hostile).toContain('&lt;img src=x onerror=alert(1)&gt; \\| fin');
  });
});
