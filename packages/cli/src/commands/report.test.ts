import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '@olva/test-support/command-io';
import { resultsDocument } from '@olva/test-support/results-documents';
import * as reportCommand from './report.js';

let dir: string;
let results: string;
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-cli-report-'));
  results = file('results.json', JSON.stringify(await resultsDocument(7)));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('olva report', () => {
  it('writes the key figures, the employers note and the full report as HTML', async () => {
    const reference = file('ref.csv', 'territoire;annee;secteur;etablissements_employeurs;postes_salaries\ncommune:35238;2022;Ensemble;1052;12480\n');
    const comments = file('c.md', '## secteur_principal\nLe sport domine.\n');
    for (const [kind, extra, sheets] of [['key-figures', [], 4], ['employers', ['--reference', reference], 2], ['full', ['--comments', comments], 0]] as const) {
      const m = memoryIo();
      const out = path.join(dir, `${kind}.html`);
      const code = await reportCommand.run([kind, '--results', results, '--territory', 'commune:35238', '--out', out, ...extra], m.io);
      expect(code, m.err()).toBe(0);
      expect(m.out()).toBe(`olva report : ${out} écrit\n`);
      const page = fs.readFileSync(out, 'utf8');
      expect(page.match(/<section class="sheet"/g)?.length ?? 0).toBe(sheets);
    }
    expect(fs.readFileSync(path.join(dir, 'full.html'), 'utf8')).toContain('Le sport domine.');
  });

  it('names the file, line and column of a malformed reference, in the chosen language', async () => {
    const reference = file('bad.csv', 'territoire;annee;secteur;etablissements_employeurs;postes_salaries\ncommune:35238;2022;Ensemble;mille;12480\n');
    const m = memoryIo();
    const code = await reportCommand.run(['employers', '--results', results, '--territory', 'commune:35238', '--reference', reference, '--out', path.join(dir, 'e.html')], m.io);
    expect(code).toBe(1);
    expect(m.err()).toBe(`olva report : ${reference}:2:29: [reports/reference-number] colonne etablissements_employeurs : entier positif attendu (ou « s » pour le secret statistique), lu « mille »\n`);
    const en = memoryIo();
    await reportCommand.run(['employers', '--lang', 'en', '--results', results, '--territory', 'commune:35238', '--out', path.join(dir, 'e.html')], en.io);
    expect(en.err()).toBe('olva report: [reports/reference-missing] the employers note needs --reference <file.csv> (employer establishments and salaried posts of the territory)\n');
  });

  it('refuses a malformed key-figures file with its pointer', async () => {
    const kf = file('kf.json', JSON.stringify({ kind: 'olva-key-figures', version: '1.0.0', questionnaire: { id: 'olva-core', version: '2026.2.0' }, title: { fr: 'x' }, pages: [] }));
    const m = memoryIo();
    expect(await reportCommand.run(['key-figures', '--results', results, '--territory', 'commune:35238', '--key-figures', kf, '--out', path.join(dir, 'k.html')], m.io)).toBe(1);
    expect(m.err()).toBe(`olva report : ${kf}#/pages: [schema/minItems] doit contenir au moins 4 éléments\n`);
  });

  it('tells usage mistakes apart (exit 2)', async () => {
    for (const argv of [['summary', '--results', results, '--out', 'x.pdf'], ['full', '--out', 'x.pdf'], ['full', '--results', results, '--out', 'x.docx'], ['full', '--results', results, '--out', 'x.pdf', '--territory', 'ville:1'], ['full', '--results', results, '--out', 'x.pdf', '--territory', 'network:rnma']]) {
      const m = memoryIo();
      expect(await reportCommand.run(argv, m.io), argv.join(' ')).toBe(2);
      expect(m.err()).toMatch(/^olva report : /);
      // The network has one code, which the message names.
      if (argv.includes('network:rnma')) expect(m.err()).toContain('network:all pour l’ensemble du réseau');
    }
  });
});
