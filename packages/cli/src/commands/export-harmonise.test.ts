import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, payloadDigest } from '@olva/collector';
import { fixtureCore, fixtureCore2027, fixtureResponse, parseCsv } from '@olva/test-support/export-fixtures';
import { olva } from '@olva/test-support/cli-run';

let dir: string;
let database: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-cli-harmonise-'));
  database = `sqlite:${path.join(dir, 'db.sqlite')}`;
  const store = await openStore(database);
  await store.saveQuestionnaire(fixtureCore());
  await store.saveQuestionnaire(fixtureCore2027());
  const responses = [
    fixtureResponse(1, { secteur_principal: 'social', employeur: true }),
    fixtureResponse(2, { secteur_principal: 'sante', est_employeur: false }, { questionnaire: { id: 'olva-core', version: '2027.0.0' }, wave: '2027' }),
  ];
  for (const r of responses) await store.insert(r.payload, payloadDigest(r.payload));
  await store.close();
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const rowsOf = (text: string) => {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]])));
};

describe('olva export --harmonise', () => {
  it('exports two core versions in one column set, and the codebook says what each code stands for', async () => {
    const plain = rowsOf((await olva('export', '--database', database, '--questionnaire', 'olva-core')).out);
    expect(plain.map((r) => r.secteur_principal)).toEqual(['social', 'sante']);
    const harmonised = await olva('export', '--database', database, '--questionnaire', 'olva-core', '--harmonise', '--missing', 'codes');
    expect(harmonised.code).toBe(0);
    const rows = rowsOf(harmonised.out);
    expect(rows.map((r) => [r.questionnaire_version, r.secteur_principal, r.est_employeur, r.annee_creation])).toEqual([
      ['2026.1.0', 'social', '1', '-9'], ['2027.0.0', 'social', '0', '-8'],
    ]);
    const codebook = rowsOf((await olva('export', '--database', database, '--questionnaire', 'olva-core', '--harmonise', '--format', 'codebook')).out);
    expect(codebook.find((r) => r.variable === 'secteur_principal')!.codes_fr).toContain('social=Action sociale, santé [2026.1.0 : social ; 2027.0.0 : action_sociale, sante]');
  });
});
