import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../cli.js';

const CORE = fileURLToPath(new URL('../../../core-questionnaire/olva-core.json', import.meta.url));

async function olva(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: { write: (s: string) => { out += s; } }, stderr: { write: (s: string) => { err += s; } }, env: { LANG: 'fr_FR.UTF-8' } });
  return { code, out, err };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'olva-init-'));

describe('olva init extension', () => {
  it('writes a skeleton that validates and builds: init → validate → build', async () => {
    const dir = tmp();
    const file = join(dir, 'my-extension.json');
    const init = await olva('init', 'extension', '--territory', 'epci:200040293', '--out', file);
    expect(init.err).toBe('');
    expect(init.code).toBe(0);
    // The next steps are the README's: preview first, then validate and build.
    expect(init.out).toContain(`Ensuite : olva preview ${file} (le questionnaire en direct, recompilé à chaque enregistrement), olva validate ${file}, puis olva build`);
    const ext = JSON.parse(readFileSync(file, 'utf8'));
    const core = JSON.parse(readFileSync(CORE, 'utf8'));
    expect(Object.keys(ext)[0]).toBe('$schema');
    expect(ext.territory).toEqual({ level: 'epci', code: '200040293', name: 'CC du Clunisois' });
    expect(ext.namespace).toBe('clunisois');
    expect(ext.id).toBe(`clunisois-${core.version.split('.')[0]}`);
    expect(ext.extends).toEqual({ id: core.id, version: `^${core.version}` });
    // One of each common pattern.
    const questions = [...ext.insert.flatMap((i: { items: unknown[] }) => i.items), ...ext.sections.flatMap((s: { items: unknown[] }) => s.items)] as Record<string, unknown>[];
    expect(questions.some((q) => q.visibleWhen)).toBe(true);
    expect(questions.some((q) => q.other)).toBe(true);
    expect(questions.some((q) => q.type === 'matrix')).toBe(true);
    expect(ext.checks.map((c: { level: string }) => c.level)).toEqual(['warning']);
    // The official name has no article: the level's noun carries it (not « un soutien de CC du Clunisois »).
    expect(ext.insert[0].items[0].label).toEqual({
      fr: 'Au cours des trois dernières années, avez-vous reçu un soutien de votre intercommunalité (CC du Clunisois) ?',
      en: 'Over the last three years, have you received support from your inter-municipal authority (CC du Clunisois)?',
    });
    expect(ext.sections[0].title.fr).toBe('Votre association sur le territoire de votre intercommunalité (CC du Clunisois)');

    const validate = await olva('validate', '--json', file);
    expect(JSON.parse(validate.out).problems).toEqual([]);
    expect(validate.code).toBe(0);
    const build = await olva('build', CORE, '--extension', file, '--out', join(dir, 'out'), '--json');
    expect(JSON.parse(build.out).problems).toEqual([]);
    expect(build.code).toBe(0);
    expect(existsSync(join(dir, 'out', 'paper.html'))).toBe(true);
  });

  it('names the repository\'s schema only for a document inside the repository; elsewhere a copy beside it', async () => {
    const repo = fileURLToPath(new URL('../../../../', import.meta.url));
    const bundled = join(repo, 'schemas/bundled/extension.schema.json');
    // Outside the repository (from the repository's CLI): no path climbing out of /tmp to it,
    // which breaks when either moves, but the copy in .olva/ a project without @olva/schema gets.
    const outside = join(tmp(), 'x.json');
    const out = await olva('init', 'extension', '--territory', 'epci:200040293', '--out', outside);
    expect(out.code).toBe(0);
    expect(JSON.parse(readFileSync(outside, 'utf8')).$schema).toBe('./.olva/extension.schema.json');
    expect(readFileSync(join(outside, '../.olva/extension.schema.json'), 'utf8')).toBe(readFileSync(bundled, 'utf8'));
    expect(out.out).toContain('Schéma copié dans');
    // Inside it (an example written in the repository), the repository's own, kept up to date.
    mkdirSync(join(repo, '.tmp'), { recursive: true });
    const dir = mkdtempSync(join(repo, '.tmp', 'olva-init-'));
    try {
      const inside = join(dir, 'x.json');
      expect((await olva('init', 'extension', '--territory', 'epci:200040293', '--out', inside)).code).toBe(0);
      const ref = JSON.parse(readFileSync(inside, 'utf8')).$schema as string;
      expect(resolve(dir, ref)).toBe(bundled);
      expect(existsSync(join(dir, '.olva'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a commune code where an EPCI SIREN is expected, and names the commune and its EPCI', async () => {
    const file = join(tmp(), 'x.json');
    const r = await olva('init', 'extension', '--territory', 'epci:35238', '--out', file);
    expect(r.code).toBe(1);
    expect(r.err).toContain('"35238" est le code INSEE de la commune Rennes, pas un SIREN d’EPCI');
    expect(r.err).toContain('243500139');
    expect(existsSync(file)).toBe(false);
  });

  it('refuses an unknown code, in the chosen language', async () => {
    const file = join(tmp(), 'x.json');
    const r = await olva('init', 'extension', '--lang', 'en', '--territory', 'epci:123456789', '--out', file);
    expect(r.code).toBe(1);
    expect(r.err).toContain('"123456789" is the code of no territory at level "epci"');
    expect(existsSync(file)).toBe(false);
  });

  it('works for a commune, and takes --namespace and --id', async () => {
    const file = join(tmp(), 'rennes.json');
    const r = await olva('init', 'extension', '--json', '--territory', 'commune:35238', '--namespace', 'rennes', '--id', 'rennes-test', '--out', file);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, id: 'rennes-test', namespace: 'rennes', territory: { level: 'commune', code: '35238', name: 'Rennes' } });
    const ext = JSON.parse(readFileSync(file, 'utf8'));
    expect([ext.id, ext.namespace, ext.territory.name]).toEqual(['rennes-test', 'rennes', 'Rennes']);
    expect(ext.insert[0].items[0].label.fr).toBe('Au cours des trois dernières années, avez-vous reçu un soutien de la commune de Rennes ?');
    expect((await olva('validate', file)).code).toBe(0);
  });

  it('never overwrites a file without --force; usage mistakes exit 2', async () => {
    const file = join(tmp(), 'mine.json');
    writeFileSync(file, '{"mine": true}');
    const r = await olva('init', 'extension', '--territory', 'epci:200040293', '--out', file);
    expect(r.code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe('{"mine": true}');
    expect((await olva('init', 'extension', '--territory', 'epci:200040293', '--out', file, '--force')).code).toBe(0);
    expect((await olva('init', 'extension', '--out', file)).code).toBe(2);
    expect((await olva('init', 'questionnaire', '--territory', 'epci:200040293', '--out', file)).code).toBe(2);
    // The territory written where the kind goes is shown its option, not told that only extensions are written.
    expect((await olva('init', 'extension', 'epci:200040293', '--out', file)).err).toMatch(/^olva init : argument inattendu « epci:200040293 » : le territoire se donne par --territory epci:200040293\n/);
    expect((await olva('init', 'extension', '--territory', 'canton:12', '--out', file)).code).toBe(2);
  });
});
