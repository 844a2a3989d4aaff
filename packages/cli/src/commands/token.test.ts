/**
 * `olva token`, run in-process: the printed entry is read back by the collector's own
 * configuration loader and authorizer, and its hash recomputed with node:crypto.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createAuthorizer, resolveConfig } from '@olva/collector';
import { RIGHTS, run } from './token.js';

async function token(argv: string[], stdin?: string, tty = false) {
  let out = '';
  let err = '';
  const io = {
    stdout: { write: (s: string) => { out += s; } },
    stderr: { write: (s: string) => { err += s; } },
    env: { LANG: 'fr_FR.UTF-8' },
    ...(stdin === undefined ? {} : { stdin: Object.assign(Readable.from([Buffer.from(stdin, 'utf8')]), { isTTY: tty }) }),
  };
  const code = await run(argv, io);
  return { code, out, err };
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** The entry as the collector holds it once pasted into a configuration file. */
function loaded(entry: unknown) {
  return resolveConfig({ questionnaires: [{ build: 'build' }], tokens: [entry] }, { file: 'olva.config.json', baseDir: '/tmp', env: {} }).config.tokens[0]!;
}

describe('olva token', () => {
  it('prints a random token once and the entry that holds its SHA-256, which the collector accepts', async () => {
    const r = await token(['--name', 'Rennes ville', '--territory', 'commune:35238', '--territory', 'epci:200042174', '--rights', 'read,stats']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('affiché une seule fois');
    const printed = r.out.match(/^ {2}(olva_\S+)$/m)![1]!;
    // 256 bits in base64url: 43 printable characters after the prefix.
    expect(printed).toMatch(/^olva_[A-Za-z0-9_-]{43}$/);
    expect(r.out.split(printed)).toHaveLength(2);
    const entry = JSON.parse(r.out.match(/^ {2}(\{.*\})$/m)![1]!);
    expect(entry).toEqual({
      name: 'Rennes ville',
      sha256: sha256(printed),
      scope: { territories: [{ level: 'commune', code: '35238' }, { level: 'epci', code: '200042174' }], rights: ['read', 'stats'] },
    });
    const auth = createAuthorizer([loaded(entry)]);
    expect(auth.authorize(`Bearer ${printed}`, 'stats', [{ level: 'commune', code: '56121' }])).toMatchObject({ ok: true });
    expect(auth.authorize(`Bearer ${printed}`, 'export', [{ level: 'commune', code: '35238' }])).toMatchObject({ ok: false, status: 403 });
    const again = await token(['--name', 'Rennes ville', '--territory', 'commune:35238', '--rights', 'read']);
    expect(again.out.match(/olva_\S+/)![0]).not.toBe(printed);
  });

  it('gives JSON for scripts, and English with --lang en', async () => {
    const r = await token(['--json', '--name', 'rnma', '--territory', 'all', '--rights', 'read', '--rights', 'export,export-personal']);
    expect(r.code).toBe(0);
    const { token: made, entry } = JSON.parse(r.out);
    expect(entry).toEqual({ name: 'rnma', sha256: sha256(made), scope: { territories: 'all', rights: ['read', 'export', 'export-personal'] } });
    expect(loaded(entry).scope.territories).toBe('all');
    const custom = await token(['--json', '--name', 'bassin', '--territory', 'custom:bassin-x', '--rights', 'read']);
    expect(JSON.parse(custom.out).entry.scope.territories).toEqual([{ level: 'custom', code: 'bassin-x' }]);
    expect(custom.err).toContain('custom:bassin-x n’est pas un territoire officiel : vérifiez qu’il est déclaré dans "customTerritories"');
    const en = await token(['--lang', 'en', '--name', 'rnma', '--territory', 'all', '--rights', 'read']);
    expect(en.out).toContain('Token (printed once, written nowhere');
    expect(en.out).toContain('Entry to add to the "tokens" array of olva.config.json');
  });

  it('refuses what the collector would refuse, naming the option, and then prints no token', async () => {
    const cases: [string[], number, string][] = [
      [['--territory', 'commune:99999', '--rights', 'read'], 1, '--territory : « 99999 » n’est pas un code officiel de niveau commune'],
      [['--territory', 'canton:12', '--rights', 'read'], 2, '--territory : le territoire « canton:12 » doit s’écrire niveau:code'],
      [['--territory', 'all', '--territory', 'commune:35238', '--rights', 'read'], 2, '--territory all couvre tout le réseau'],
      [['--territory', 'commune:35238', '--rights', 'read,admin'], 2, '--rights : doit être une de ces valeurs'],
      [['--territory', 'commune:35238', '--rights', 'export-personal'], 2, '--rights : le jeton « rennes »'],
    ];
    for (const [argv, code, says] of cases) {
      const r = await token(['--name', 'rennes', ...argv]);
      expect([r.code, r.out]).toEqual([code, '']);
      expect(r.err).toContain(says);
    }
    const rights = await token(['--lang', 'en', '--name', 'rennes', '--territory', 'commune:35238', '--rights', 'admin']);
    for (const right of RIGHTS) expect(rights.err).toContain(`"${right}"`);
    const noName = await token(['--lang', 'en', '--name', 'a/b', '--territory', 'commune:35238', '--rights', 'read']);
    expect(noName.err).toMatch(/^olva token: --name: .*\[schema\/pattern\]$/m);
    const missing = await token(['--lang', 'en', '--name', 'rennes']);
    expect([missing.code, missing.err]).toEqual([2, 'olva token: missing --territory, --rights\n']);
  });

  it('--hash reads a token on stdin and prints its hash, or its whole entry', async () => {
    const existing = 'un-jeton-choisi-par-le-reseau-2026';
    const bare = await token(['--hash'], `${existing}\r\n`);
    expect([bare.code, bare.out]).toEqual([0, `"sha256": "${sha256(existing)}"\n`]);
    const json = await token(['--hash', '--json', '--name', 'morbihan', '--territory', 'departement:56', '--rights', 'read'], existing);
    const printed = JSON.parse(json.out);
    expect(printed).toEqual({ entry: { name: 'morbihan', sha256: sha256(existing), scope: { territories: [{ level: 'departement', code: '56' }], rights: ['read'] } } });
    expect(createAuthorizer([loaded(printed.entry)]).authenticate(`Bearer ${existing}`)?.name).toBe('morbihan');
    // Typed at a terminal: a prompt, then the first line only.
    const typed = await token(['--hash'], `${existing}\nsecond line\n`, true);
    expect([typed.code, typed.out, typed.err]).toEqual([0, `"sha256": "${sha256(existing)}"\n`, 'Collez le jeton puis appuyez sur Entrée :\n']);
  });

  it('--hash refuses a token the collector could never accept', async () => {
    for (const [stdin, says] of [['court\n', 'il en faut au moins 16'], ['deux mots pour un jeton\n', 'contient des espaces'], ['', 'a 0 caractère, il en faut']]) {
      const r = await token(['--hash'], stdin);
      expect([r.code, r.out]).toEqual([1, '']);
      expect(r.err).toContain(says);
    }
  });
});
