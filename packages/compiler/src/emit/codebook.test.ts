import { describe, expect, it } from 'vitest';
import { codebookColumns, CodebookError, codebookRows } from './codebook.js';
import { emitCodebookCsv } from './codebook-csv.js';
import { emitCodebookMd, escapeMarkdown } from './codebook-md.js';
import { csvField, escapeFormula } from './csv.js';
import { loadFixture } from './__fixtures__/rennes.js';

describe('codebookColumns', () => {
  it('lists value, other, 0/1 choice and matrix row columns in questionnaire order', () => {
    const cols = codebookColumns(loadFixture());
    expect(cols.slice(0, 8).map((c) => c.name)).toEqual([
      'secteur', 'secteur_other', 'activites', 'activites__formation', 'activites__evenements', 'activites__aucun', 'activites__other', 'activites_other',
    ]);
    expect(cols.find((c) => c.name === 'activites__aucun')).toEqual({ name: 'activites__aucun', questionId: 'activites', kind: 'choice', code: 'aucun' });
    expect(cols.filter((c) => c.questionId === 'difficultes')).toEqual([
      { name: 'difficultes__benevoles', questionId: 'difficultes', kind: 'row', code: 'benevoles' },
      { name: 'difficultes__locaux', questionId: 'difficultes', kind: 'row', code: 'locaux' },
    ]);
    expect(cols.at(-1)).toEqual({ name: 'rennes.quartier', questionId: 'rennes.quartier', kind: 'value' });
  });

  it('refuses ids that would produce the same column twice', () => {
    const compiled = loadFixture();
    const q = compiled.sections[1].questions[0];
    compiled.sections[1].questions.push({ ...q, id: 'activites__aucun', number: 15 } as typeof q);
    expect(() => codebookColumns(compiled)).toThrow(CodebookError);
  });
});

describe('codebook rows', () => {
  it('describes codes, conditions and requiredness in words', () => {
    const rows = codebookRows(loadFixture());
    const nb = rows.find((r) => r.variable === 'nb_salaries')!;
    expect(nb.condition_fr).toBe('si Q4 employeur = Oui');
    expect(nb.condition_en).toBe('if Q4 employeur = Yes');
    expect(nb.required_fr).toBe('oui');
    const budget = rows.find((r) => r.variable === 'budget')!;
    expect(budget.required_fr).toBe('si Q2 activites contient « Formation » (formation)');
    expect(rows.find((r) => r.variable === 'employeur')!.codes_fr).toBe('1=Oui | 0=Non');
    expect(rows.find((r) => r.variable === 'satisfaction')!.codes_fr).toBe('1=Pas du tout | 2=Peu | 3=Assez | 4=Très');
    expect(rows.find((r) => r.variable === 'rennes.locaux_quartier')!.condition_fr)
      .toBe("si Q1 secteur est « Sport » (sport) ou « Culture » (culture) et Q9 courriel n'est pas répondue");
    // The "other" text is asked, and required, when the added choice `other` is chosen.
    const other = rows.find((r) => r.variable === 'activites_other')!;
    expect([other.condition_fr, other.required_fr]).toEqual(Array(2).fill('si Q2 activites contient « Autre (précisez) » (other)'));
    expect(rows.find((r) => r.variable === 'secteur_other')!.required_en).toBe('if Q1 secteur = « Other (please specify) » (other)');
    expect(rows.find((r) => r.variable === 'secteur')!.codes_fr).toBe('sport=Sport | culture=Culture | social=Social, solidarité | other=Autre (précisez)');
    const ext = rows.find((r) => r.variable === 'rennes.quartier')!;
    expect([ext.origin, ext.version]).toEqual(['rennes-2026', '1.0.0']);
  });
});

describe('codebook.csv', () => {
  it('starts with a BOM, uses CRLF, and has one record per column', () => {
    const compiled = loadFixture();
    const csv = emitCodebookCsv(compiled);
    expect(csv.startsWith('\uFEFFvariable,question,kind,type,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n').length - 2).toBe(codebookColumns(compiled).length);
  });

  it('escapes spreadsheet formulas and quotes fields', () => {
    expect(escapeFormula('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    for (const c of ['+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(escapeFormula(c).startsWith("'")).toBe(true);
    expect(escapeFormula('Sport')).toBe('Sport');
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField('ligne\nsuivante')).toBe('"ligne\nsuivante"');
    // A file written with "," may be opened with ";" (French Excel) and the other way round:
    // formula starts after either separator or a line break are escaped too, and both
    // separators are quoted.
    expect(escapeFormula("x;=cmd|' /C calc'!A0")).toBe("x;'=cmd|' /C calc'!A0");
    expect(escapeFormula('x,=1+1')).toBe("x,'=1+1");
    expect(escapeFormula('a\n-b\r\n@c')).toBe("a\n'-b\r\n'@c");
    expect(escapeFormula('a;"=b')).toBe('a;"\'=b');
    expect(escapeFormula('2026-03-01, a-b; c')).toBe('2026-03-01, a-b; c');
    expect(csvField('x;=1')).toBe("\"x;'=1\"");
    const compiled = loadFixture();
    compiled.sections[0].questions[0].label.fr = '=cmd|" /C calc"!A0';
    expect(emitCodebookCsv(compiled)).toContain('"\'=cmd|"" /C calc""!A0"');
  });
});

describe('codebook.md', () => {
  it('has a table per section with escaped text', () => {
    const md = emitCodebookMd(loadFixture());
    expect(md).toContain('## Profil de l\'association');
    expect(md).toContain('`rennes.locaux_quartier`');
    expect(md).not.toContain('<script>');
    expect(md).toContain('&lt;script&gt;');
    expect(escapeMarkdown('a|b*c')).toBe('a\\|b\\*c');
  });
});

describe('plainText', () => {
  it('turns the safe Markdown subset of help texts into plain text', async () => {
    const { plainText } = await import('./text.js');
    expect(plainText('Voir [l’annuaire](https://annuaire.fr) et **surtout** *ceci*.')).toBe('Voir l’annuaire (https://annuaire.fr) et surtout ceci.');
    expect(plainText('nb_salaries * 2')).toBe('nb_salaries * 2');
  });
});
