/** `olva backup`, in-process, on a real SQLite database made by the collector's own store. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, payloadDigest } from '@olva/collector';
import { memoryIo } from '@olva/test-support/command-io';
import { coreQuestionnaire, corePayload, writeBuild } from '@olva/test-support/collector-questionnaires';
import { run as backup } from './backup.js';

let dir: string;
let config: string;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-backup-cmd-'));
  const build = writeBuild(dir, coreQuestionnaire());
  config = path.join(dir, 'olva.config.json');
  fs.writeFileSync(config, JSON.stringify({ questionnaires: [{ build }], database: { url: 'sqlite:data/olva.sqlite' } }));
  const store = await openStore(`sqlite:${path.join(dir, 'data', 'olva.sqlite')}`);
  try {
    for (let i = 0; i < 3; i++) {
      const p = corePayload();
      await store.insert(p, payloadDigest(p));
    }
  } finally {
    await store.close();
  }
});
afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }); });

describe('olva backup', () => {
  it('copies the configuration’s database and says what the copy holds, in French then in English', async () => {
    const out = path.join(dir, 'copie.sqlite');
    const fr = memoryIo({});
    expect(await backup(['--config', config, '--out', out], fr.io)).toBe(0);
    expect(fr.out()).toMatch(/^✓ .*copie\.sqlite \(\d+,\d Mo\) : copie cohérente de .*data\/olva\.sqlite — 3 réponses, 0 version de questionnaire, 0 acte de publication, 0 doublon écarté, 0 effacement mémorisé\. Vérifiée \(integrity_check\)\.\n$/);
    const store = await openStore(`sqlite:${out}`);
    try {
      expect(await store.count({ territories: 'all' })).toBe(3);
    } finally {
      await store.close();
    }

    const again = memoryIo({});
    expect(await backup(['--config', config, '--out', out, '--lang', 'en'], again.io)).toBe(1);
    expect(again.err()).toBe(`olva backup: ${out} already exists: choose another --out, or --force to replace it\n`);
    const forced = memoryIo({});
    expect(await backup(['--config', config, '--out', out, '--force', '--json'], forced.io)).toBe(0);
    expect(JSON.parse(forced.out())).toMatchObject({ backup: { file: out, responses: 3, erased: 0 } });
  });

  it('points a PostgreSQL database to pg_dump, its password masked, and refuses what it cannot copy', async () => {
    const pg = memoryIo({});
    expect(await backup(['--config', config, '--database', 'postgres://olva:secret@db.example/olva', '--out', 'olva.dump', '--lang', 'en'], pg.io)).toBe(1);
    expect(pg.err()).toContain("back it up with PostgreSQL's tools, which read one snapshot while the collector runs: pg_dump --format=custom --file=olva.dump 'postgres://olva:***@db.example/olva' (restore: pg_restore)");
    expect(pg.err()).not.toContain('secret');

    const noOut = memoryIo({});
    expect(await backup(['--config', config], noOut.io)).toBe(2);
    expect(noOut.err()).toBe('olva backup : --out <fichier.sqlite> manque : où écrire la copie ?\n');

    const absent = memoryIo({});
    expect(await backup(['--config', config, '--database', `sqlite:${path.join(dir, 'none.sqlite')}`, '--out', path.join(dir, 'b.sqlite')], absent.io)).toBe(1);
    expect(absent.err()).toContain(`pas de base à sauvegarder : ${path.join(dir, 'none.sqlite')} n’existe pas`);
    expect(fs.existsSync(path.join(dir, 'none.sqlite'))).toBe(false);

    const noDir = memoryIo({});
    expect(await backup(['--config', config, '--out', path.join(dir, 'nowhere', 'b.sqlite'), '--lang', 'en'], noDir.io)).toBe(1);
    expect(noDir.err()).toBe(`olva backup: directory ${path.join(dir, 'nowhere')} does not exist: create it first\n`);
  });
});
