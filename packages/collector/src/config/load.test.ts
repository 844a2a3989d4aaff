import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, configLanguage, formatProblem, loadConfig, resolveConfig, sha256Hex } from './load.js';
import { createCollector } from '../server.js';
import { testConfig, writeFixtureBuilds } from '@olva/test-support/test-collector';

/** The problems `fn` throws, as `olva serve --lang en` prints them (English unless told). */
function problemsOf(fn: () => unknown, lang: 'fr' | 'en' = 'en'): string[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).problems.map((p) => formatProblem(p, lang));
  }
  throw new Error('expected a ConfigError');
}

const opts = { file: '/etc/olva/olva.config.json', baseDir: '/etc/olva', env: {} };

describe('collector configuration', () => {
  it('resolves defaults, relative paths and hashes clear tokens (with a warning)', () => {
    const { config, warnings } = resolveConfig({
      questionnaires: [{ build: 'builds/olva-core' }],
      database: { url: 'sqlite:data/olva.sqlite' },
      tokens: [{ name: 'demo', token: 'a-clear-demo-token-1234', scope: { territories: 'all', rights: ['read'] } }],
    }, opts);
    expect(config.builds).toEqual(['/etc/olva/builds/olva-core']);
    expect(config.databaseUrl).toBe('sqlite:/etc/olva/data/olva.sqlite');
    expect(config.port).toBe(8080);
    expect(config.limits).toEqual({ bodyBytes: 262144, ratePerMinute: 120, maxDepth: 32 });
    expect(config.tokens[0]).toMatchObject({ name: 'demo', sha256: sha256Hex('a-clear-demo-token-1234'), plain: true });
    expect(JSON.stringify(config)).not.toContain('a-clear-demo-token-1234');
    expect(warnings.map((w) => w.en).join('\n')).toContain('token "demo" is written in clear');
    expect(warnings.map((w) => w.fr).join('\n')).toContain('le jeton « demo » est écrit en clair');
  });

  it('applies environment overrides, checked by the same rules', () => {
    const env = { OLVA_PORT: '9090', OLVA_HOST: '0.0.0.0', OLVA_DATABASE_URL: 'postgres://u:secret@db/olva', OLVA_RATE_LIMIT: '10', OLVA_CONCURRENT_EXPORTS: '2',
      OLVA_TOKENS: JSON.stringify([{ name: 'env', sha256: 'a'.repeat(64), scope: { territories: [{ level: 'commune', code: '35238' }], rights: ['stats'] } }]) };
    const { config } = resolveConfig({ questionnaires: [{ build: 'b' }], server: { port: 1 } }, { ...opts, env });
    expect(config).toMatchObject({ port: 9090, host: '0.0.0.0', databaseUrl: 'postgres://u:secret@db/olva', limits: { ratePerMinute: 10, concurrentExports: 2 } });
    expect(config.tokens.map((t) => t.name)).toEqual(['env']);
    expect(problemsOf(() => resolveConfig({ questionnaires: [{ build: 'b' }] }, { ...opts, env: { OLVA_PORT: 'eighty' } })))
      .toEqual(['environment OLVA_PORT: must be a whole number, got "eighty" [integer]']);
    expect(problemsOf(() => resolveConfig({ questionnaires: [{ build: 'b' }] }, { ...opts, env: { OLVA_PORT: 'eighty' } }), 'fr'))
      .toEqual(['environnement OLVA_PORT : doit être un nombre entier, reçu « eighty » [integer]']);
    expect(problemsOf(() => resolveConfig({ questionnaires: [{ build: 'b' }] }, { ...opts, env: { OLVA_PORT: '70000' } })))
      .toEqual([expect.stringContaining('/server/port')]);
    expect(problemsOf(() => resolveConfig({ questionnaires: [{ build: 'b' }] }, { ...opts, env: { OLVA_CONCURRENT_EXPORTS: '0' } })))
      .toEqual([expect.stringContaining('/limits/concurrentExports')]);
  });

  it('refuses an invalid file naming the file, the pointer and the rule of every problem', () => {
    const problems = problemsOf(() => resolveConfig({
      questionnaires: [],
      server: { port: 'x', colour: 'blue' },
      tokens: [
        { name: 'a', scope: { territories: 'all', rights: ['read', 'write'] } },
        { name: 'b', sha256: 'abc', token: 'also-a-clear-token', scope: { territories: [{ level: 'ville', code: '1' }], rights: ['read'] } },
      ],
      limits: { bodyBytes: 10 },
    }, opts));
    const text = problems.join('\n');
    expect(text).toContain('/etc/olva/olva.config.json#/questionnaires: must have at least 1 item [schema/minItems]');
    expect(text).toContain('#/server/port: must be an integer [schema/type]');
    expect(text).toContain('#/server/colour: unknown property "colour"');
    expect(text).toContain('#/tokens/0/scope/rights/1');
    expect(text).toContain('#/tokens/0: give exactly one of "sha256"');
    expect(text).toContain('#/tokens/1/sha256');
    expect(text).toContain('#/tokens/1/scope/territories');
    expect(text).toContain('#/limits/bodyBytes');
  });

  it('reads the disclosure thresholds, the defaults filling the keys left out, and refuses bad ones with their pointer', () => {
    expect(resolveConfig({ questionnaires: [{ build: 'b' }] }, opts).config.disclosure).toBeUndefined();
    expect(resolveConfig({ questionnaires: [{ build: 'b' }], disclosure: { minCell: 5 } }, opts).config.disclosure).toEqual({ minCell: 5, smallBase: 30, minBase: 10 });
    const file = '/etc/olva/olva.config.json';
    expect(problemsOf(() => resolveConfig({ questionnaires: [{ build: 'b' }], disclosure: { minCell: 2.5, minBase: 0, maxCell: 4 } }, opts))).toEqual([
      `${file}#/disclosure/maxCell: unknown property "maxCell" (check its spelling) [schema/additionalProperties]`,
      `${file}#/disclosure/minCell: must be an integer [schema/type]`,
      `${file}#/disclosure/minBase: must be at least 1 [schema/minimum]`,
    ]);
    expect(problemsOf(() => resolveConfig({ questionnaires: [{ build: 'b' }], disclosure: { minCell: 12 } }, opts))).toEqual([
      `${file}#/disclosure/minBase: the smallest published base (10) must be at least minCell (12) [disclosure/min-base]`,
    ]);
    expect(problemsOf(() => resolveConfig({ questionnaires: [{ build: 'b' }], disclosure: { minCell: 12 } }, opts), 'fr')).toEqual([
      `${file}#/disclosure/minBase : la plus petite base publiée (10) doit valoir au moins minCell (12) [disclosure/min-base]`,
    ]);
    expect(problemsOf(() => resolveConfig({ questionnaires: [{ build: 'b' }], disclosure: { minBase: 40, smallBase: 20 } }, opts))).toEqual([
      `${file}#/disclosure/smallBase: the "small base" threshold (20) must be at least minBase (40): a small base is one published under it [disclosure/small-base]`,
    ]);
  });

  it('words its problems in French by default, in English on request (--lang en, OLVA_LANG=en), with the same rules', () => {
    const raw = { questionnaires: [], server: { colour: 'blue' }, tokens: [{ name: 'a', scope: { territories: 'all', rights: ['read'] } }] };
    const fr = problemsOf(() => resolveConfig(raw, opts), 'fr');
    const en = problemsOf(() => resolveConfig(raw, opts), 'en');
    expect(fr.map((l) => /\[[^\]]+\]$/.exec(l)![0])).toEqual(en.map((l) => /\[[^\]]+\]$/.exec(l)![0]));
    expect(fr).toContain('/etc/olva/olva.config.json#/questionnaires : doit contenir au moins 1 élément [schema/minItems]');
    expect(fr).toContain('/etc/olva/olva.config.json#/tokens/0 : donnez exactement un de « sha256 » (l’empreinte du jeton) ou « token » (en clair, démonstrations seulement) [schema/oneOf]');
    expect(en).toContain('/etc/olva/olva.config.json#/questionnaires: must have at least 1 item [schema/minItems]');
    // The error's own message: French unless OLVA_LANG (or LANG) asks for English.
    const messageOf = (env: Record<string, string>) => {
      try { resolveConfig(raw, { ...opts, env }); } catch (e) { return (e as Error).message; }
      throw new Error('expected a ConfigError');
    };
    expect(messageOf({})).toMatch(/^configuration invalide :\n[\s\S]*#\/questionnaires : doit contenir/);
    expect(messageOf({ OLVA_LANG: 'en' })).toMatch(/^invalid configuration:\n[\s\S]*#\/questionnaires: must have at least 1 item/);
    expect(configLanguage({ LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(configLanguage({ LANG: 'de_DE.UTF-8' })).toBe('fr');
    expect(configLanguage({ OLVA_LANG: 'fr', LANG: 'en_US.UTF-8' })).toBe('fr');
  });

  it('refuses a database URL of another scheme than SQLite or PostgreSQL, its password masked, instead of making a file of that name', () => {
    expect(problemsOf(() => resolveConfig({ questionnaires: [{ build: 'b' }], database: { url: 'mysql://olva:secret@db/olva' } }, opts))).toEqual([
      '/etc/olva/olva.config.json#/database/url: "mysql://olva:***@db/olva": neither sqlite:<path> nor postgres://… (olva knows only SQLite and PostgreSQL) [database-url]',
    ]);
    expect(problemsOf(() => resolveConfig({ questionnaires: [{ build: 'b' }] }, { ...opts, env: { OLVA_DATABASE_URL: 'postgress://olva:secret@db/olva' } }), 'fr')).toEqual([
      'environnement OLVA_DATABASE_URL : « postgress://olva:***@db/olva » : ni sqlite:<chemin> ni postgres://… (olva ne connaît que SQLite et PostgreSQL) [database-url]',
    ]);
    // A path, relative or absolute, with or without sqlite:, is still an SQLite file.
    for (const url of ['data/olva.sqlite', 'sqlite:data/olva.sqlite', 'sqlite:///var/lib/olva.sqlite']) {
      expect(resolveConfig({ questionnaires: [{ build: 'b' }], database: { url } }, opts).config.databaseUrl).toMatch(/^sqlite:\/(etc\/olva\/data|var\/lib)\/olva\.sqlite$/);
    }
  });

  it('reads trustProxy as the proxies\' addresses, and refuses one that is not an address or range at its pointer', () => {
    expect(resolveConfig({ questionnaires: [{ build: 'b' }], server: { trustProxy: '127.0.0.1, 10.0.0.0/8, uniquelocal' } }, opts).config.trustProxy).toBe('127.0.0.1, 10.0.0.0/8, uniquelocal');
    expect(problemsOf(() => resolveConfig({ questionnaires: [{ build: 'b' }], server: { trustProxy: '127.0.0.1, nginx' } }, opts))).toEqual([
      expect.stringMatching(/^\/etc\/olva\/olva\.config\.json#\/server\/trustProxy: "127\.0\.0\.1, nginx": comma-separated IP addresses or CIDR ranges .*: invalid IP address: nginx \[trust-proxy\]$/),
    ]);
    // OLVA_TRUST_PROXY, for a container: true, false or the addresses, checked the same way.
    expect(resolveConfig({ questionnaires: [{ build: 'b' }] }, { ...opts, env: { OLVA_TRUST_PROXY: '10.0.0.0/8' } }).config.trustProxy).toBe('10.0.0.0/8');
    expect(resolveConfig({ questionnaires: [{ build: 'b' }], server: { trustProxy: '127.0.0.1' } }, { ...opts, env: { OLVA_TRUST_PROXY: 'false' } }).config.trustProxy).toBe(false);
    expect(problemsOf(() => resolveConfig({ questionnaires: [{ build: 'b' }] }, { ...opts, env: { OLVA_TRUST_PROXY: 'proxy' } }))).toEqual([
      expect.stringMatching(/^environment OLVA_TRUST_PROXY: "proxy": .*invalid IP address: proxy \[trust-proxy\]$/),
    ]);
    // proxy-addr's reason is English: said in French too.
    expect(problemsOf(() => resolveConfig({ questionnaires: [{ build: 'b' }], server: { trustProxy: '127.0.0.1, nginx, 10.0.0.0/99' } }, opts), 'fr')).toEqual([
      expect.stringMatching(/ : adresse IP invalide : nginx \[trust-proxy\]$/),
    ]);
    expect(problemsOf(() => resolveConfig({ questionnaires: [{ build: 'b' }], server: { trustProxy: '10.0.0.0/99' } }, opts), 'fr')).toEqual([
      expect.stringMatching(/ : plage invalide pour l’adresse 10\.0\.0\.0\/99 \[trust-proxy\]$/),
    ]);
  });

  it('refuses duplicated token names and secrets', () => {
    const scope = { territories: 'all', rights: ['read'] };
    const problems = problemsOf(() => resolveConfig({ questionnaires: [{ build: 'b' }], tokens: [
      { name: 'x', token: 'same-secret-123456789', scope }, { name: 'x', token: 'same-secret-123456789', scope },
    ] }, opts));
    expect(problems).toEqual([expect.stringContaining('[unique-token-name]'), expect.stringContaining('[unique-token]')]);
  });

  it('refuses a token whose only data right is export-personal', () => {
    const token = (rights: string[]) => ({ name: 'perso', token: 'personal-secret-123456', scope: { territories: 'all', rights } });
    const problems = problemsOf(() => resolveConfig({ questionnaires: [{ build: 'b' }], tokens: [token(['export-personal', 'stats'])] }, opts));
    expect(problems).toEqual([expect.stringMatching(/#\/tokens\/0\/scope\/rights: token "perso" has the right "export-personal" without "export" or "read".* \[personal-right-alone\]$/)]);
    for (const rights of [['export', 'export-personal'], ['read', 'export-personal']]) {
      expect(resolveConfig({ questionnaires: [{ build: 'b' }], tokens: [token(rights)] }, opts).config.tokens[0].scope.rights).toEqual(rights);
    }
  });

  it('refuses the network (network:all) in a token scope, saying that a token of scope "all" reads and publishes its results', () => {
    const scope = { territories: [{ level: 'commune', code: '35238' }, { level: 'network', code: 'all' }], rights: ['stats', 'publish'] };
    const problems = problemsOf(() => resolveConfig({ questionnaires: [{ build: 'b' }], tokens: [{ name: 'rnma', token: 'network-secret-123456', scope }] }, opts));
    expect(problems).toEqual(['/etc/olva/olva.config.json#/tokens/0/scope/territories/1: token "rnma" names network:all in its scope: it is no territory that collects, it names only the whole network\'s results, which a token of scope "all" reads (and publishes, with the publish right): write "territories": "all" [network-scope]']);
  });

  it('starts on the configuration of docs/running-a-collector.md as it is copied (its comments once stopped it: « le JSON n’admet pas de commentaire »)', () => {
    const guide = fs.readFileSync(new URL('../../../../docs/running-a-collector.md', import.meta.url), 'utf8');
    const block = /`olva\.config\.json` dans `\/srv\/olva`[^\n]*\n\n```[a-z]*\n([\s\S]*?)\n```/.exec(guide)?.[1];
    expect(block).toBeDefined();
    const dir = writeFixtureBuilds();
    fs.mkdirSync(path.join(dir, 'builds'));
    fs.renameSync(path.join(dir, 'olva-core'), path.join(dir, 'builds', 'olva-core'));
    const file = path.join(dir, 'olva.config.json');
    fs.writeFileSync(file, block!);
    const { config } = loadConfig(file, {});
    expect(config.tokens.map((t) => t.name)).toEqual(['rennes']);
    expect(config.databaseUrl).toContain(path.join(dir, 'data', 'olva.sqlite'));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports an unreadable or non-JSON file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-config-'));
    try {
      expect(problemsOf(() => loadConfig(path.join(dir, 'absent.json'), {}))).toEqual([expect.stringContaining(`no configuration file ${path.join(dir, 'absent.json')}: give it with --config <file>`)]);
      expect(problemsOf(() => loadConfig(dir, {}))).toEqual([expect.stringContaining('EISDIR [readable]')]);
      fs.writeFileSync(path.join(dir, 'bad.json'), '{ "questionnaires": [ }');
      // Which slip and where, in the language asked for: V8's "Unexpected token" is English only.
      const bad = path.join(dir, 'bad.json');
      expect(problemsOf(() => loadConfig(bad, {}), 'fr')).toEqual([`${bad}# : pas du JSON valide : ligne 1, colonne 23 : caractère « } » inattendu [json]`]);
      expect(problemsOf(() => loadConfig(bad, {}))).toEqual([`${bad}#: not valid JSON: line 1, column 23: unexpected character "}" [json]`]);
      expect(problemsOf(() => resolveConfig({ questionnaires: [{ build: 'b' }] }, { ...opts, env: { OLVA_TOKENS: "[{'name': 'x'}]" } }), 'fr'))
        .toEqual([expect.stringContaining('OLVA_TOKENS : doit être un tableau JSON d’entrées de jetons : ligne 1, colonne 3 : le JSON écrit les textes entre guillemets droits doubles')]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to start on a missing or malformed build', async () => {
    const builds = writeFixtureBuilds();
    try {
      fs.writeFileSync(path.join(builds, 'olva-core+lorient-agglo-2026', 'questionnaire.json'), '{"kind":"something-else"}');
      const raw = { ...testConfig(), questionnaires: [{ build: 'olva-core' }, { build: 'nowhere' }, { build: 'olva-core+lorient-agglo-2026' }, { build: 'olva-core' }], database: { url: 'sqlite::memory:' } };
      const { config } = resolveConfig(raw, { file: path.join(builds, 'olva.config.json'), baseDir: builds, env: {} });
      const error = await createCollector({ config, logStream: false }).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigError);
      const text = (error as ConfigError).problems.map((p) => formatProblem(p, 'en')).join('\n');
      expect(text).toContain('#/questionnaires/1/build');
      expect(text).toContain('run `olva build`');
      expect((error as ConfigError).problems.map((p) => formatProblem(p)).join('\n')).toContain('lancez d’abord `olva build`');
      expect(text).toContain('#/questionnaires/2/build: ');
      expect(text).toContain('[build-format]');
      expect(text).toContain('#/questionnaires/3/build');
      expect(text).toContain('[unique-build]');
    } finally {
      fs.rmSync(builds, { recursive: true, force: true });
    }
  });
});
