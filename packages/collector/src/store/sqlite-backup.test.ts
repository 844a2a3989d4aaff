import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { corePayload } from '@olva/test-support/collector-questionnaires';
import type { ResponsePayload } from '@olva/schema';
import { payloadDigest } from './canonical.js';
import { openStore } from './open.js';
import { backupSqlite, BackupError } from './sqlite-backup.js';

let dir: string;
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-backup-')); });
afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }); });

const marked = (marker: string): ResponsePayload => corePayload({
  answers: { secteur: 'sport', nb_benevoles: 3, employeur: false, commentaire: marker } as never,
});

describe('backupSqlite', () => {
  it('copies every response committed before it, while the collector goes on writing, and nothing erased', async () => {
    const file = path.join(dir, 'olva.sqlite');
    const store = await openStore(`sqlite:${file}`);
    const before: ResponsePayload[] = [];
    const during: ResponsePayload[] = [];
    let writing = true;
    try {
      for (let i = 0; i < 200; i++) {
        const p = marked(`AVANT-${i}`);
        await store.insert(p, payloadDigest(p));
        before.push(p);
      }
      const erased = marked('EFFACEE-4b7e');
      await store.insert(erased, payloadDigest(erased));
      expect(await store.delete(erased.submissionId)).toBe(true);
      // The store writes from its own thread: these commits land while the copy is read.
      const writer = (async () => {
        while (writing) {
          const p = marked(`PENDANT-${during.length}`);
          await store.insert(p, payloadDigest(p));
          during.push(p);
        }
      })();
      while (during.length < 20) await new Promise((r) => setTimeout(r, 1));
      const committed = before.length + during.length;
      const report = backupSqlite(file, path.join(dir, 'copy.sqlite'));
      writing = false;
      await writer;

      expect(report.file).toBe(path.join(dir, 'copy.sqlite'));
      expect(report.responses).toBeGreaterThanOrEqual(committed);
      expect(report.responses).toBeLessThanOrEqual(before.length + during.length);
      expect(report.erased).toBe(1);
      expect(report.questionnaires).toBe(0);
      expect(report.bytes).toBe(fs.statSync(report.file).size);
      expect(fs.readdirSync(dir).filter((f) => f.includes('.partial-'))).toEqual([]);
      expect(fs.readFileSync(report.file).includes('EFFACEE-4b7e')).toBe(false);

      // Restoring is opening the copy: every response committed before the backup reads back whole.
      const restored = await openStore(`sqlite:${report.file}`);
      try {
        for (const p of [...before, ...during.slice(0, committed - before.length)]) {
          expect((await restored.get(p.submissionId))?.payload).toEqual(p);
        }
        expect(await restored.get(erased.submissionId)).toBeNull();
      } finally {
        await restored.close();
      }
    } finally {
      writing = false;
      await store.close();
    }
  });

  it('refuses, naming the rule, what would not be a backup, and leaves no partial file', async () => {
    const file = path.join(dir, 'olva.sqlite');
    const store = await openStore(`sqlite:${file}`);
    await store.close();
    const code = (f: () => unknown) => {
      try { f(); } catch (e) { return e instanceof BackupError ? `${e.code}: ${e.message}` : `other: ${String(e)}`; }
      return 'no error';
    };
    expect(code(() => backupSqlite(path.join(dir, 'absent.sqlite'), path.join(dir, 'b.sqlite')))).toMatch(/^backup\/no-database: no database at .*absent\.sqlite$/);
    expect(code(() => backupSqlite(file, file))).toMatch(/^backup\/same-file: /);
    expect(code(() => backupSqlite(file, path.join(dir, 'nowhere', 'b.sqlite')))).toMatch(/^backup\/no-directory: no directory .*nowhere/);
    fs.writeFileSync(path.join(dir, 'taken.sqlite'), 'keep me');
    expect(code(() => backupSqlite(file, path.join(dir, 'taken.sqlite')))).toMatch(/^backup\/exists: .*taken\.sqlite already exists$/);
    expect(fs.readFileSync(path.join(dir, 'taken.sqlite'), 'utf8')).toBe('keep me');
    expect(backupSqlite(file, path.join(dir, 'taken.sqlite'), { overwrite: true }).responses).toBe(0);
    const other = new Database(path.join(dir, 'other.sqlite'));
    other.exec('CREATE TABLE t (x)');
    other.close();
    expect(code(() => backupSqlite(path.join(dir, 'other.sqlite'), path.join(dir, 'c.sqlite')))).toMatch(/^backup\/not-olva: .*other\.sqlite is not a collector's database/);
    expect(fs.existsSync(path.join(dir, 'c.sqlite'))).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.partial-'))).toEqual([]);
  });
});
