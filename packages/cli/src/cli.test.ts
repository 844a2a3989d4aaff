import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { olva } from '@olva/test-support/cli-run';
import { COMMAND_NAMES, loadCommand } from './commands/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const CORE = join(root, 'packages/core-questionnaire/olva-core.json');
const RENNES = join(root, 'examples/extensions/rennes-2026.json');
const LORIENT = join(root, 'examples/extensions/lorient-agglo-2026.json');

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'olva-cli-'));
}

/** An extension that inserts at a point the core does not have and uses another namespace. */
function invalidExtension(dir: string): string {
  const ext = JSON.parse(readFileSync(RENNES, 'utf8'));
  ext.insert[0].at = 'profil.debut';
  const file = join(dir, 'bad-extension.json');
  writeFileSync(file, JSON.stringify(ext, null, 2));
  return file;
}

describe('olva dispatcher', () => {
  it('--help lists every command, French then English, exit 0', async () => {
    const r = await olva('--help');
    expect(r.code).toBe(0);
    for (const name of COMMAND_NAMES) expect(r.out).toContain(`  ${name} `);
    expect(r.out.indexOf('Usage : olva')).toBeLessThan(r.out.indexOf('Usage: olva'));
    // An installed user reads that `olva demo` needs the repository before running it elsewhere.
    expect(r.out).toContain('lance la démonstration depuis le dépôt olva');
    expect(r.out).toContain('runs the demo from the olva repository');
  });

  it('no arguments or an unknown command is a usage error (2)', async () => {
    expect((await olva()).code).toBe(2);
    const r = await olva('compile');
    expect(r.code).toBe(2);
    expect(r.err).toContain('commande inconnue « compile »');
    expect((await olva('--lang', 'en', 'compile')).err).toContain('unknown command "compile"');
  });

  it('every registered command either loads or is reported as not installed (never a crash)', async () => {
    for (const name of COMMAND_NAMES) {
      const r = await olva(name, '--help');
      if (r.code === 0) {
        const mod = await loadCommand(name);
        expect(mod.usage.fr.length).toBeGreaterThan(0);
        expect(mod.usage.en.length).toBeGreaterThan(0);
      } else {
        expect(r.code).toBe(2);
        expect(r.err).toContain(`la commande « ${name} » n’est pas installée`);
        expect(existsSync(fileURLToPath(new URL(`./commands/${name}.ts`, import.meta.url)))).toBe(false);
      }
    }
  });
});

describe('olva validate', () => {
  it('accepts the core and both example extensions (exit 0)', async () => {
    const r = await olva('validate', CORE, RENNES, LORIENT);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`✓ ${RENNES} (extension, vérifiée avec ${CORE})`);
    expect(r.out).toContain('Valide (0 erreur, 0 avertissement).');
  });

  it('lints an extension against the canonical core by default', async () => {
    const r = await olva('validate', '--json', RENNES);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.ok).toBe(true);
    expect(report.files).toEqual([{ file: RENNES, kind: 'extension', ok: true, core: expect.stringMatching(/olva-core\.json$/) }]);
  });

  it('rejects an invalid extension naming the file, the pointer, the rule and a hint (exit 1)', async () => {
    const bad = invalidExtension(tmp());
    const r = await olva('validate', bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${bad}#/insert/0/at: [extension-unknown-point] le tronc commun ne déclare pas de point d’extension "profil.debut" — utilisez un des points déclarés : "profil.fin"`);
    const en = await olva('validate', '--lang', 'en', bad);
    expect(en.err).toContain(`${bad}#/insert/0/at: [extension-unknown-point] the core declares no extension point "profil.debut" — use one of the declared points:`);
  });

  it('--json gives machine-readable problems', async () => {
    const bad = invalidExtension(tmp());
    const r = await olva('validate', '--json', '--core', CORE, bad);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report.ok).toBe(false);
    expect(report.summary).toEqual({ errors: 1, warnings: 0 });
    expect(report.problems).toMatchObject([{ file: bad, pointer: '/insert/0/at', rule: 'extension-unknown-point', severity: 'error', hint: expect.any(String) }]);
  });

  it('reports a JSON syntax error and a missing file by name', async () => {
    const dir = tmp();
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{\n  "id": "x",\n}\n');
    const r = await olva('validate', '--json', broken, join(dir, 'absent.json'));
    expect(r.code).toBe(1);
    const { problems } = JSON.parse(r.out);
    expect(problems.map((p: { file: string; rule: string }) => [p.file, p.rule])).toEqual([[broken, 'load/json-syntax'], [join(dir, 'absent.json'), 'load/not-found']]);
    expect(problems[0].message).toContain('line 3, column 1');
    // Said as a file not read, not as a document of an unknown kind.
    const fr = await olva('validate', '--lang', 'fr', broken);
    expect(fr.err).toContain(`✗ ${broken} (non lu)`);
    expect(fr.err).toContain('virgule en trop avant « } »');
  });

  it('--rules lists every lint rule', async () => {
    const r = await olva('validate', '--rules', '--json');
    expect(r.code).toBe(0);
    const rules = JSON.parse(r.out) as { name: string }[];
    expect(rules.map((x) => x.name)).toEqual(expect.arrayContaining(['duplicate-id', 'extension-unknown-point', 'territory-unknown-code']));
  });

  it('usage errors exit with 2', async () => {
    expect((await olva('validate')).code).toBe(2);
    expect((await olva('validate', '--frobnicate', CORE)).code).toBe(2);
  });
});

describe('olva build', () => {
  it('builds the core with an extension, deterministically', async () => {
    const a = tmp();
    const b = tmp();
    const r1 = await olva('build', CORE, '--extension', LORIENT, '--out', a);
    expect(r1.err).toBe('');
    expect(r1.code).toBe(0);
    expect(r1.out).toContain('olva-core+lorient-agglo-2026');
    // Without a core named: the installed one, as olva validate reads it and the README writes it.
    const r2 = await olva('build', '--extension', LORIENT, '--out', b, '--json');
    expect(r2.code).toBe(0);
    const report = JSON.parse(r2.out);
    expect(report).toMatchObject({ ok: true, id: 'olva-core+lorient-agglo-2026', problems: [] });
    const names = readdirSync(a).sort();
    expect(names).toContain('questionnaire.json');
    expect(readdirSync(b).sort()).toEqual(names);
    for (const n of names) expect(readFileSync(join(b, n)).equals(readFileSync(join(a, n))), n).toBe(true);
    const compiled = JSON.parse(readFileSync(join(a, 'questionnaire.json'), 'utf8'));
    expect(compiled.kind).toBe('olva-compiled-questionnaire');
  });

  it('writes nothing and exits 1 for an invalid extension', async () => {
    const dir = tmp();
    const out = join(dir, 'out');
    const r = await olva('build', CORE, '--extension', invalidExtension(dir), '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[extension-unknown-point]');
    expect(existsSync(out)).toBe(false);
  });

  it('usage errors exit with 2', async () => {
    expect((await olva('build', CORE)).code).toBe(2);
    expect((await olva('build', '--out', tmp())).code).toBe(2);
  });
});

describe('olva diff', () => {
  // The core's own version and its next minor, so that these cases follow the core's releases.
  const current = (JSON.parse(readFileSync(CORE, 'utf8')) as { version: string }).version;
  const [year, minor] = current.split('.');
  const nextMinor = `${year}.${Number(minor) + 1}.0`;

  function variant(dir: string, name: string, change: (core: { version: string; sections: { items: Record<string, unknown>[] }[] }) => void): string {
    const core = JSON.parse(readFileSync(CORE, 'utf8'));
    change(core);
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(core, null, 2));
    return file;
  }

  it('a question added with a minor bump is fine (exit 0)', async () => {
    const dir = tmp();
    const next = variant(dir, 'minor.json', (c) => {
      c.version = nextMinor;
      c.sections[3]!.items.splice(1, 0, { id: 'nouvelle_question', type: 'boolean', label: { fr: 'Nouvelle question ?', en: 'New question?' } });
    });
    const r = await olva('diff', '--json', CORE, next);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out);
    expect(result).toMatchObject({ ok: true, required: 'minor', declared: 'minor', old: { version: current }, new: { version: nextMinor } });
    expect(result.changes.length).toBeGreaterThan(0);
  });

  it('a question removed under a minor bump is refused (exit 1), in text too', async () => {
    const dir = tmp();
    const next = variant(dir, 'removed.json', (c) => {
      c.version = nextMinor;
      const i = c.sections[3]!.items.findIndex((q) => q.id === 'commentaire');
      c.sections[3]!.items.splice(i, 1);
    });
    const json = await olva('diff', '--json', CORE, next);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, required: 'major', declared: 'minor' });
    const text = await olva('diff', CORE, next);
    expect(text.code).toBe(1);
    expect(text.err).toContain('version requise : majeure ; version déclarée : mineure');
  });

  it('an invalid file is reported with its rule (exit 1); a missing argument is usage (exit 2)', async () => {
    const r = await olva('diff', CORE, RENNES);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${RENNES}#: [load/wrong-kind]`);
    expect((await olva('diff', CORE)).code).toBe(2);
  });
});
