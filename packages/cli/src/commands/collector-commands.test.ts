/**
 * `olva serve`, `olva demo` and `olva purge`, run as real processes (tsx on the sources) on
 * real SQLite and HTTP on 127.0.0.1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { run as purge } from './purge.js';
import { run as serve } from './serve.js';
import { demoDatabase, demoOrigins, run as demo } from './demo.js';
import { openStore, payloadDigest } from '@olva/collector';
import { CHILD_TSCONFIG, TSX_IMPORT } from '@olva/test-support/collector-child';
import { corePayload, coreQuestionnaire, lorientQuestionnaire, rennesQuestionnaire, writeBuild } from '@olva/test-support/collector-questionnaires';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../../..');

function buffers() {
  let out = '';
  let err = '';
  return { io: { stdout: { write: (s: string) => { out += s; } }, stderr: { write: (s: string) => { err += s; } }, env: { LANG: 'en_US.UTF-8' } }, out: () => out, err: () => err };
}

/** Runs a command module in its own process; resolves once `ready` matches what it printed (stdout and stderr). */
function spawnCommand(name: string, argv: string[], cwd: string, env: Record<string, string>, ready: RegExp): Promise<{ child: ChildProcess; out: () => string; match: RegExpExecArray }> {
  const script = `import(${JSON.stringify(path.join(here, `${name}.ts`))}).then((m) => m.run(${JSON.stringify(argv)}, { stdout: process.stdout, stderr: process.stderr, env: process.env })).then((code) => { process.exitCode = code; })`;
  const child = spawn(process.execPath, ['--import', TSX_IMPORT, '--input-type=module', '-e', script], {
    cwd, env: { ...process.env, TSX_TSCONFIG_PATH: CHILD_TSCONFIG, LANG: 'en_US.UTF-8', OLVA_LANG: 'en', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let all = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`olva ${name} did not get ready:\n${all}`)), 60_000);
    const check = () => {
      const match = ready.exec(all);
      if (match) { clearTimeout(timer); resolve({ child, out: () => out, match }); }
    };
    child.stderr!.on('data', (d: Buffer) => { all += d.toString(); check(); });
    child.stdout!.on('data', (d: Buffer) => { out += d.toString(); all += d.toString(); check(); });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`olva ${name} exited (${code}):\n${all}`)); });
  });
}

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-cmd-'));
  dirs.push(d);
  return d;
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('olva serve', () => {
  it('refuses an invalid configuration, says why, and exits 1', async () => {
    const dir = tmp();
    const file = path.join(dir, 'olva.config.json');
    fs.writeFileSync(file, JSON.stringify({ questionnaires: [{ build: 'missing-build' }], server: { port: 'eighty' }, tokens: [{ name: 'x', scope: { territories: 'all', rights: ['read'] } }] }));
    const b = buffers();
    expect(await serve(['--config', file], b.io)).toBe(1);
    expect(b.err()).toContain('invalid configuration, the collector does not start');
    expect(b.err()).toContain(`${file}#/server/port: must be an integer [schema/type]`);
    expect(b.err()).toContain(`${file}#/tokens/0`);
    const french = buffers();
    expect(await serve(['--config', file, '--lang', 'fr'], french.io)).toBe(1);
    expect(french.err()).toContain('configuration invalide, le collecteur ne démarre pas');
    expect(french.err()).toContain(`${file}#/server/port : doit être un nombre entier [schema/type]`);
    const missing = buffers();
    fs.writeFileSync(file, JSON.stringify({ questionnaires: [{ build: 'missing-build' }], database: { url: 'sqlite::memory:' } }));
    expect(await serve(['--config', file], missing.io)).toBe(1);
    expect(missing.err()).toContain(`${file}#/questionnaires/0/build`);
    expect(missing.err()).toContain('run `olva build`');
    const usage = buffers();
    expect(await serve(['--nope'], usage.io)).toBe(2);
  });

  it('serves a valid configuration until SIGTERM', async () => {
    const dir = tmp();
    for (const c of [coreQuestionnaire(), rennesQuestionnaire()]) writeBuild(dir, c);
    const file = path.join(dir, 'olva.config.json');
    fs.writeFileSync(file, JSON.stringify({ questionnaires: [{ build: 'olva-core' }, { build: 'olva-core+rennes-2026' }], database: { url: 'sqlite:data/olva.sqlite' }, server: { logLevel: 'warn' }, origins: [{ origin: 'https://www.rennes.fr', territories: 'all' }] }));
    const { child, match } = await spawnCommand('serve', ['--config', file], dir, { OLVA_PORT: '0' }, /ready on http:\/\/127\.0\.0\.1:(\d+)[^]*also serves: [^\n]*\n/);
    const port = match[1];
    const p = corePayload();
    const posted = await fetch(`http://127.0.0.1:${port}/v1/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(p) });
    expect(posted.status).toBe(201);
    // What the README's two tags and the iframe block load, from the production collector too:
    // the embed and the accepted builds readable by any page (one whose origin is not listed
    // draws the survey and says so, rather than staying blank), the iframe page under CSP.
    expect(match[0]).toContain('also serves: /embed/ /questionnaires/olva-core/ /questionnaires/olva-core+rennes-2026/ /iframe/');
    for (const origin of ['https://www.rennes.fr', 'https://ailleurs.example']) {
      const embed = await fetch(`http://127.0.0.1:${port}/embed/olva.js`, { headers: { origin } });
      expect(embed.status).toBe(200);
      expect(embed.headers.get('access-control-allow-origin')).toBe('*');
      expect(embed.headers.get('content-type')).toMatch(/javascript/);
    }
    const built = await fetch(`http://127.0.0.1:${port}/questionnaires/olva-core+rennes-2026/questionnaire.json`, { headers: { origin: 'https://ailleurs.example' } });
    expect(built.headers.get('access-control-allow-origin')).toBe('*');
    expect((await built.json()).id).toBe(rennesQuestionnaire().id);
    const iframe = await fetch(`http://127.0.0.1:${port}/iframe/`, { headers: { origin: 'https://ailleurs.example' } });
    expect(iframe.headers.get('content-security-policy')).toContain("require-trusted-types-for 'script'");
    expect(iframe.headers.get('access-control-allow-origin')).toBeNull();
    expect((await fetch(`http://127.0.0.1:${port}/embed/olva.js.map`)).status).toBe(404);
    const done = exited(child);
    child.kill('SIGTERM');
    expect(await done).toBe(0);
    const store = await openStore(`sqlite:${path.join(dir, 'data/olva.sqlite')}`);
    expect((await store.get(p.submissionId))?.payload).toEqual(p);
    await store.close();
  }, 120_000);
});

describe('olva demo', () => {
  it('serves the municipal page under CSP, the embed, the builds and the API, and prints tokens and a curl line', async () => {
    // A copy of the repository layout the demo reads, with the real demo configuration.
    const root = tmp();
    fs.mkdirSync(path.join(root, 'examples/demo'), { recursive: true });
    fs.copyFileSync(path.join(repo, 'examples/demo/olva.config.json'), path.join(root, 'examples/demo/olva.config.json'));
    const builds = path.join(root, 'build/questionnaires');
    fs.mkdirSync(builds, { recursive: true });
    for (const c of [coreQuestionnaire(), rennesQuestionnaire(), lorientQuestionnaire()]) writeBuild(builds, c);
    fs.mkdirSync(path.join(root, 'examples/municipal'), { recursive: true });
    fs.writeFileSync(path.join(root, 'examples/municipal/index.html'), '<!doctype html><title>Ville</title><script src="/embed/olva.js"></script>');
    fs.mkdirSync(path.join(root, 'packages/embed/dist'), { recursive: true });
    fs.writeFileSync(path.join(root, 'packages/embed/dist/olva.js'), 'export {};');

    // `--data` keeps the database out of the repository (a folder that does not exist yet).
    const data = path.join(tmp(), 'atelier', 'demo');
    // `--origin`: a web developer's own page may post to the demo's collector.
    const mine = 'http://localhost:3000';
    const { child, out, match } = await spawnCommand('demo', ['--data', data, '--origin', mine], root, { OLVA_PORT: '0', OLVA_DATABASE_URL: 'sqlite:/nowhere/ignored.sqlite' }, /curl -H "Authorization: Bearer (\S+)" "(http:\/\/127\.0\.0\.1:\d+)\/v1\/responses\?limit=10"/);
    const [, national, base] = match;
    expect(out()).toContain(`open ${base}/`);
    expect(out()).toContain('territorial token "rennes": ');
    expect(out()).toContain('territorial token "lorient-agglo": ');
    expect(out()).toContain('territorial token "lorient": demo-lorient-commune-');

    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe("script-src 'self'; require-trusted-types-for 'script'; connect-src 'self'");
    expect(await page.text()).toContain('<title>Ville</title>');
    expect((await fetch(`${base}/embed/olva.js`)).status).toBe(200);
    const q = await fetch(`${base}/questionnaires/olva-core+rennes-2026/questionnaire.json`);
    expect((await q.json()).id).toBe('olva-core+rennes-2026');
    expect((await fetch(`${base}/questionnaires/../examples/demo/olva.config.json`)).status).toBe(404);

    const p = corePayload();
    const posted = await fetch(`${base}/v1/responses`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify(p) });
    expect(posted.status).toBe(201);
    const read = await fetch(`${base}/v1/responses?limit=10`, { headers: { authorization: `Bearer ${national}` } });
    expect((await read.json()).items.map((i: { submissionId: string }) => i.submissionId)).toContain(p.submissionId);
    await new Promise((r) => setTimeout(r, 200));
    expect(out()).toContain(`response ${p.submissionId} stored`);
    expect(out()).toContain(`database: ${path.join(data, 'demo.sqlite')} (embedded SQLite)`);
    // The commands of the README read the repository's database unless told this one.
    expect(out()).toContain(`olva analyse, crosstab, export… --config examples/demo/olva.config.json read it with OLVA_DATABASE_URL=sqlite:${path.join(data, 'demo.sqlite')}`);
    // The network's publication, as RNMA would make it from a shell: the line printed works.
    const networkLine = out().match(/curl -X PUT -H "Authorization: Bearer (\S+)" "(\S+\/v1\/results\/network:all\/2026\/publication)"/)!;
    expect(networkLine[1]).toBe(national);
    expect((await fetch(networkLine[2]!, { method: 'PUT', headers: { authorization: `Bearer ${national}` } })).status).toBe(200);

    expect(out()).toContain(`page also allowed to send responses: ${mine}`);
    const preflight = (origin: string) => fetch(`${base}/v1/responses`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    const allowed = await preflight(mine);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(mine);
    const fromMine = corePayload();
    const postedFromMine = await fetch(`${base}/v1/responses`, { method: 'POST', headers: { 'content-type': 'application/json', origin: mine }, body: JSON.stringify(fromMine) });
    expect(postedFromMine.status).toBe(201);
    expect(postedFromMine.headers.get('access-control-allow-origin')).toBe(mine);
    const other = 'http://localhost:3001';
    expect((await preflight(other)).status).toBe(404);
    const refused = await fetch(`${base}/v1/responses`, { method: 'POST', headers: { 'content-type': 'application/json', origin: other }, body: JSON.stringify(corePayload()) });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(fs.existsSync(path.join(data, 'demo.sqlite'))).toBe(true);
    expect(fs.existsSync(path.join(root, '.olva-data'))).toBe(false);

    const done = exited(child);
    child.kill('SIGINT');
    expect(await done).toBe(0);
  }, 120_000);
});

describe('olva demo --seed-responses', () => {
  it('says which of the demo\'s questionnaires are not built, in French, instead of crashing', async () => {
    // A demo configuration edited down to the core: the generated responses also need Rennes and Lorient.
    const root = tmp();
    fs.mkdirSync(path.join(root, 'examples/demo'), { recursive: true });
    const config = JSON.parse(fs.readFileSync(path.join(repo, 'examples/demo/olva.config.json'), 'utf8')) as { questionnaires: unknown[] };
    fs.writeFileSync(path.join(root, 'examples/demo/olva.config.json'), JSON.stringify({ ...config, questionnaires: config.questionnaires.slice(0, 1) }));
    writeBuild(path.join(root, 'build/questionnaires'), coreQuestionnaire());
    const { child, match } = await spawnCommand('demo', ['--seed-responses', '--data', path.join(root, 'data')], root, { OLVA_PORT: '0', OLVA_LANG: 'fr' }, /olva demo : .*lancez d’abord npm run build\./);
    const done = child.exitCode !== null ? Promise.resolve(child.exitCode) : exited(child);
    expect(match[0]).toBe('olva demo : --seed-responses demande les questionnaires de la démo, et build/questionnaires n’a pas olva-core + rennes-2026, olva-core + lorient-agglo-2026 ; lancez d’abord npm run build.');
    expect(await done).toBe(1);
  }, 120_000);
});

describe('olva demo --origin', () => {
  it('refuses what a browser never sends as an origin, naming the option, the rule and the form to give', () => {
    expect(demoOrigins(['http://localhost:3000', 'https://www.rennes.fr', 'http://localhost:3000'])).toEqual({ ok: true, origins: ['http://localhost:3000', 'https://www.rennes.fr'] });
    expect(demoOrigins(['http://localhost:3000/'])).toEqual({ ok: false, problem: {
      fr: '--origin http://localhost:3000/ n’est pas une origine : http:// ou https://, l’hôte en minuscules, le port s’il y en a un, sans chemin ni « / » final (ici : --origin http://localhost:3000)',
      en: '--origin http://localhost:3000/ is not an origin: http:// or https://, the host in lower case, the port if any, without a path or a trailing "/" (here: --origin http://localhost:3000)',
    } });
    for (const [bad, instead] of [['https://www.Rennes.fr/agenda', 'https://www.rennes.fr'], ['localhost:3000', undefined], ['file:///tmp/page.html', undefined], ['www.rennes.fr', undefined]] as const) {
      const refused = demoOrigins(['http://localhost:3000', bad]);
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.problem.en.endsWith(instead ? `(here: --origin ${instead})` : 'trailing "/"')).toBe(true);
    }
  });

  it('says so before starting anything, with the usage (exit 2)', async () => {
    const b = buffers();
    expect(await demo(['--origin', 'http://localhost:3000/page.html'], b.io)).toBe(2);
    expect(b.err()).toContain('olva demo: --origin http://localhost:3000/page.html is not an origin');
    expect(b.err()).toContain('--origin also lets a page of yours send responses');
  });
});

describe('olva demo --data', () => {
  it('refuses a path that is a file, by name, before starting anything', () => {
    const file = path.join(tmp(), 'not-a-folder');
    fs.writeFileSync(file, '');
    const refused = demoDatabase(file);
    expect(refused?.ok).toBe(false);
    expect(refused && !refused.ok && refused.problem.en).toBe(`olva demo: --data ${file} is not a folder; give the folder where demo.sqlite is kept.`);
    expect(demoDatabase(undefined)).toBeUndefined();
  });
});

describe('olva purge', () => {
  it('refuses an invalid configuration with every problem (file, pointer, rule) and exits 1', async () => {
    const file = path.join(tmp(), 'olva.config.json');
    fs.writeFileSync(file, JSON.stringify({ questionnaires: [{ build: 'missing-build' }], server: { port: 'eighty' } }));
    const b = buffers();
    expect(await purge(['--config', file], b.io)).toBe(1);
    expect(b.err()).toContain(`olva purge: invalid configuration:\n  ${file}#/server/port: must be an integer [schema/type]\n`);
    const french = buffers();
    expect(await purge(['--config', file, '--lang', 'fr'], french.io)).toBe(1);
    expect(french.err()).toContain(`olva purge : configuration invalide :\n  ${file}#/server/port : doit être un nombre entier [schema/type]\n`);
  });

  it('applies retention per questionnaire, logs counts only, and erases on request', async () => {
    const dir = tmp();
    writeBuild(dir, coreQuestionnaire());
    const file = path.join(dir, 'olva.config.json');
    fs.writeFileSync(file, JSON.stringify({ questionnaires: [{ build: 'olva-core' }], database: { url: 'sqlite:olva.sqlite' }, retention: { 'olva-core': 30 } }));
    const store = await openStore(`sqlite:${path.join(dir, 'olva.sqlite')}`);
    const kept = corePayload({ source: 'ne-pas-journaliser' });
    const erased = corePayload();
    for (const p of [kept, erased]) await store.insert(p, payloadDigest(p));
    await store.close();

    const retention = buffers();
    expect(await purge(['--config', file], retention.io)).toBe(0);
    expect(retention.out()).toMatch(/^olva-core: 0 responses received before \S+ \(retention 30 days\) deleted\n$/);
    expect(retention.out() + retention.err()).not.toContain('ne-pas-journaliser');

    const json = buffers();
    expect(await purge(['--config', file, '--json'], json.io)).toBe(0);
    expect(JSON.parse(json.out()).purged).toEqual([expect.objectContaining({ questionnaireId: 'olva-core', retentionDays: 30, deleted: 0 })]);

    const erase = buffers();
    expect(await purge(['--config', file, '--submission', erased.submissionId], erase.io)).toBe(0);
    expect(erase.out()).toContain(`response ${erased.submissionId} erased`);
    const again = buffers();
    expect(await purge(['--config', file, '--submission', erased.submissionId], again.io)).toBe(1);
    expect(again.out()).toContain('not found: never received, or already erased');
    expect(await purge(['--config', file, '--submission', 'not-a-uuid'], buffers().io)).toBe(2);

    const after = await openStore(`sqlite:${path.join(dir, 'olva.sqlite')}`);
    expect(await after.get(erased.submissionId)).toBeNull();
    expect(await after.get(kept.submissionId)).not.toBeNull();
    await after.close();
  });

  it('removes personal answers only: by personalRetention, or --personal-only --before <date>, keeping the rest, once', async () => {
    const dir = tmp();
    writeBuild(dir, coreQuestionnaire());
    const file = path.join(dir, 'olva.config.json');
    fs.writeFileSync(file, JSON.stringify({ questionnaires: [{ build: 'olva-core' }], database: { url: 'sqlite:olva.sqlite' }, personalRetention: { 'olva-core': 30 } }));
    const store = await openStore(`sqlite:${path.join(dir, 'olva.sqlite')}`);
    const marked = coreQuestionnaire();
    marked.sections[0]!.questions.push({ ...marked.sections[0]!.questions[0]!, id: 'nom_association', type: 'text', personal: true } as never);
    await store.saveQuestionnaire(marked);
    const payloads = [corePayload(), corePayload()].map((p) => ({ ...p, answers: { ...p.answers, nom_association: 'Les Amis du Blosne' } }));
    for (const p of payloads) await store.insert(p, payloadDigest(p));
    await store.close();

    const byRetention = buffers();
    expect(await purge(['--config', file], byRetention.io)).toBe(0);
    expect(byRetention.out()).toMatch(/^olva-core: personal answers \(nom_association\) removed from 0 responses received before \S+ \(retention 30 days\)\n$/);

    const now = buffers();
    expect(await purge(['--config', file, '--personal-only', '--before', '2999-01-01', '--json'], now.io)).toBe(0);
    expect(JSON.parse(now.out()).personal).toEqual([{ questionnaireId: 'olva-core', before: '2999-01-01T00:00:00.000Z', questions: ['nom_association'], responses: 2 }]);
    expect(now.out() + now.err()).not.toContain('Blosne');
    const again = buffers();
    expect(await purge(['--config', file, '--personal-only', '--before', '2999-01-01', '--lang', 'fr'], again.io)).toBe(0);
    expect(again.out()).toContain('olva-core : réponses personnelles (nom_association) retirées de 0 réponse reçue avant le');

    for (const bad of [['--before', '2999-01-01'], ['--personal-only', '--before', 'demain'], ['--personal-only', '--submission', payloads[0]!.submissionId]]) {
      const refused = buffers();
      expect(await purge(['--config', file, ...bad], refused.io), bad.join(' ')).toBe(2);
      expect(refused.err()).toMatch(/^olva purge: /);
    }
    const after = await openStore(`sqlite:${path.join(dir, 'olva.sqlite')}`);
    for (const p of payloads) expect((await after.get(p.submissionId))!.payload.answers).toEqual(corePayload().answers);
    await after.close();
  });
});
