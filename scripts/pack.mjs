#!/usr/bin/env node
// `npm run pack`: builds, then packs every publishable workspace package (`npm pack`, the very
// tarball `npm publish` would upload) into .olva-pack/, and checks each tarball as a user would
// receive it: no test code, nothing reaching out of the package, every file its manifest names
// present, every package it imports at run time declared, one version across the workspace.
// Private packages (@olva/test-support) are left out. See docs/release.md.
//   node scripts/pack.mjs [--out DIR] [--no-build]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { init, parse } from 'es-module-lexer';
import { CDN, NPM_PAGE, isAbsoluteLink, markdownLinks } from './packed-readme.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The dependency fields a user's install reads; devDependencies are never installed for them. */
const INSTALLED_FIELDS = ['dependencies', 'peerDependencies', 'optionalDependencies'];
const BUILTINS = new Set(builtinModules);

/** A test file, a fixture folder or a type-check leftover: never for users. */
const TEST_PATH = /(^|\/)(__fixtures__|__tests__|__mocks__)\/|\.(test|spec)\.[^/]+$/;
const LEFTOVER = /(^|\/)[^/]*\.tsbuildinfo$/;
const CODE = /\.(m|c)?js$/;

/**
 * The module specifiers a built file names: static and dynamic imports and re-exports (read by
 * es-module-lexer, so that a `from "…"` inside a template string is not taken for an import),
 * plus `import.meta.resolve('…')`, which finds an optional package.
 */
export function specifiersOf(text, file = 'x.js') {
  // Declarations are TypeScript, which the lexer does not read; tsc writes their imports plainly.
  if (file.endsWith('.d.ts')) {
    const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    return [...new Set([...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s*)(['"])([^'"\n]+)\1/gm)].map((m) => m[2]))];
  }
  const [imports] = parse(text);
  const found = new Set();
  for (const entry of imports) {
    if (entry.n !== undefined) found.add(entry.n);
    else if (entry.d === -2) {
      const resolved = /^\.resolve\(\s*(['"])([^'"\n]+)\1\s*\)/.exec(text.slice(entry.se));
      if (resolved) found.add(resolved[2]);
    }
  }
  return [...found];
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
export function packageNameOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Every file path an `exports` value points at (through conditions and arrays), with its JSON pointer. */
function exportTargets(value, pointer) {
  if (typeof value === 'string') return [{ target: value, pointer }];
  if (Array.isArray(value)) return value.flatMap((v, i) => exportTargets(v, `${pointer}/${i}`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => exportTargets(v, `${pointer}/${k.replaceAll('~', '~0').replaceAll('/', '~1')}`));
  }
  return [];
}

/** The subpaths (`.`, `./define`, `./bundled/*`) a package's `exports` map offers. */
export function exportedSubpaths(manifest) {
  const exp = manifest.exports;
  if (exp === undefined) return null;
  if (typeof exp === 'string' || Array.isArray(exp) || !Object.keys(exp).some((k) => k.startsWith('.'))) return ['.'];
  return Object.keys(exp);
}

/** True when `subpath` (`./x/y`) is offered by one of `subpaths`, patterns included. */
function offers(subpaths, subpath) {
  return subpaths.some((s) => {
    if (!s.includes('*')) return s === subpath;
    const [before, after] = s.split('*');
    return subpath.startsWith(before) && subpath.endsWith(after) && subpath.length >= before.length + after.length;
  });
}

/** True when the tarball holds `target` (`./dist/x.js`), or a file matching it when it is a pattern. */
function holds(files, target) {
  const rel = path.posix.normalize(target);
  if (!rel.includes('*')) return files.has(rel);
  const [before, after] = rel.split('*');
  return [...files.keys()].some((f) => f.startsWith(before) && f.endsWith(after) && f.length > before.length + after.length);
}

/**
 * The sources of a packed source map (`file`) a user's debugger cannot show: neither a file of
 * the tarball (resolved from the map's folder and its `sourceRoot`) nor inlined in
 * `sourcesContent`. Null when the map is not JSON.
 */
export function unresolvedSources(file, bytes, files) {
  let map;
  try {
    map = JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
  const from = path.posix.join(path.posix.dirname(file), map.sourceRoot ?? '');
  return (map.sources ?? []).filter((source, i) => typeof map.sourcesContent?.[i] !== 'string'
    && (/^[a-z]+:/.test(source) || !files.has(path.posix.normalize(path.posix.join(from, source)))));
}

const problem = (pkg, file, rule, fr, en) => ({ package: pkg, file, rule, fr, en });

/**
 * The links of a packed README that do not lead where a reader of npm's site or of node_modules
 * can follow, each with the reason in French and English: a relative link (npm's site, without a
 * `repository`, sends it into npmjs.com), a file of an @olva package (on the CDN) that its
 * tarball lacks or at another version, an @olva package that is not packed.
 */
export function readmeLinkProblems(text, packed) {
  const byName = new Map(packed.map((p) => [p.manifest.name, p]));
  const problems = [];
  for (const { target } of markdownLinks(text)) {
    if (!isAbsoluteLink(target)) {
      problems.push([target, { fr: 'lien relatif, cassé sur le site de npm et dans node_modules (scripts/packed-readme.mjs au prepack ?)', en: 'relative link, broken on npm\'s site and in node_modules (scripts/packed-readme.mjs at prepack?)' }]);
      continue;
    }
    const page = target.startsWith(`${NPM_PAGE}/@olva/`) ? /^[^#?]+/.exec(target.slice(NPM_PAGE.length + 1))[0] : undefined;
    if (page !== undefined && !byName.has(page)) problems.push([target, { fr: `${page} n’est pas un paquet publié`, en: `${page} is not a published package` }]);
    if (!target.startsWith(`${CDN}/@olva/`)) continue;
    const [, name, version, file] = /^(@olva\/[^@/]+)@([^/]+)\/([^#?]*)/.exec(target.slice(CDN.length + 1)) ?? [];
    const other = byName.get(name);
    if (!other) problems.push([target, { fr: `${name ?? '?'} n’est pas un paquet publié`, en: `${name ?? '?'} is not a published package` }]);
    else if (version !== other.manifest.version) problems.push([target, { fr: `version ${version}, le paquet est en ${other.manifest.version}`, en: `version ${version}, the package is at ${other.manifest.version}` }]);
    else if (!(file.endsWith('/') ? [...other.files.keys()].some((f) => f.startsWith(file)) : other.files.has(decodeURI(file)))) {
      problems.push([target, { fr: `${file} n’est pas dans ${name} (« files » ?)`, en: `${file} is not in ${name} ("files"?)` }]);
    }
  }
  return problems;
}

/**
 * The problems of the packed packages, as a user installing them would meet them.
 * `packed`: `{ manifest, files: Map<path inside the package, Buffer> }` for each tarball;
 * `workspace`: every workspace manifest by name (the private ones too), to tell an internal
 * dependency from a third-party one and to check the subpaths one package imports of another;
 * `shipsTypes(dep, packageDir)`: whether a third-party package carries its own declarations (else its
 * types come from `@types/…`, which must then be declared too); `supportedNode`: the Node range
 * the repository supports (its root `engines.node`), which every package declares to its users.
 */
export async function checkPackages(packed, workspace, shipsTypes = installedShipsTypes, supportedNode = rootEngines()) {
  await init;
  const problems = [];
  const versions = packed.map((p) => p.manifest.version);
  // The release version is the one most packages carry: the odd ones out are the mistakes.
  const release = [...new Set(versions)].sort((a, b) => versions.filter((v) => v === b).length - versions.filter((v) => v === a).length)[0];
  const thirdPartyRanges = new Map();

  for (const { manifest, files } of packed) {
    const name = manifest.name;
    const add = (file, rule, fr, en) => problems.push(problem(name, file, rule, fr, en));

    if (manifest.version !== release) {
      add('package.json#/version', 'version-mismatch', `version ${manifest.version}, les autres paquets sont en ${release}`, `version ${manifest.version}, the other packages are at ${release}`);
    }
    // npm runs prepublishOnly when it publishes a folder, never a tarball: the guard refuses
    // the one and lets the checked tarballs through (scripts/publish-guard.mjs).
    if (!/\bpublish-guard\.mjs\b/.test(manifest.scripts?.prepublishOnly ?? '')) {
      add('package.json#/scripts/prepublishOnly', 'publish-guard', '« npm publish » depuis le dossier n’est pas refusé : « prepublishOnly »: « node ../../scripts/publish-guard.mjs »', '"npm publish" from the folder is not refused: "prepublishOnly": "node ../../scripts/publish-guard.mjs"');
    }
    // Without it, npm installs a package on a Node it cannot run on, silently: the failure comes
    // at run time, far from the cause. With it, npm says EBADENGINE at install.
    if (manifest.engines?.node !== supportedNode) {
      const has = manifest.engines?.node === undefined ? { fr: 'absent', en: 'missing' } : { fr: `« ${manifest.engines.node} »`, en: `"${manifest.engines.node}"` };
      add('package.json#/engines/node', 'engines', `${has.fr} : le dépôt prend en charge Node « ${supportedNode} » (engines du package.json racine), que chaque paquet déclare`, `${has.en}: the repository supports Node "${supportedNode}" (the root package.json's engines), which every package declares`);
    }
    if (!manifest.license) add('package.json#/license', 'license', 'aucune licence déclarée (champ « license »)', 'no licence declared ("license" field)');
    if (![...files.keys()].some((f) => /^readme(\.md)?$/i.test(f))) {
      add('README.md', 'readme', 'pas de README dans le paquet : ajoutez-le, et à « files » s’il le faut', 'no README in the package: add one, and to "files" if needed');
    }
    if (files.has('README.md')) {
      for (const [target, why] of readmeLinkProblems(files.get('README.md').toString('utf8'), packed)) {
        add('README.md', 'readme-link', `« ${target} » : ${why.fr}`, `"${target}": ${why.en}`);
      }
    }

    // Internal dependencies: pinned to the release, never a private package.
    for (const field of [...INSTALLED_FIELDS, 'devDependencies']) {
      for (const [dep, range] of Object.entries(manifest[field] ?? {})) {
        const internal = workspace.get(dep);
        if (!internal) {
          if (field !== 'devDependencies') {
            if (!thirdPartyRanges.has(dep)) thirdPartyRanges.set(dep, []);
            thirdPartyRanges.get(dep).push({ name, field, range });
          }
          continue;
        }
        if (internal.private && field !== 'devDependencies') {
          add(`package.json#/${field}/${dep.replace('/', '~1')}`, 'private-dependency', `dépend de ${dep}, paquet privé jamais publié`, `depends on ${dep}, a private package that is never published`);
        } else if (!internal.private && range !== release) {
          add(`package.json#/${field}/${dep.replace('/', '~1')}`, 'unpinned-dependency', `${dep} « ${range} » : un paquet du dépôt se fixe à la version publiée, « ${release} »`, `${dep} "${range}": a package of the workspace is pinned to the released version, "${release}"`);
        }
      }
    }

    // Every file the manifest points at is in the tarball.
    const targets = [
      ...exportTargets(manifest.exports, '/exports'),
      ...['types', 'typings', 'main', 'module', 'customElements'].filter((f) => typeof manifest[f] === 'string').map((f) => ({ target: manifest[f], pointer: `/${f}` })),
      ...(typeof manifest.bin === 'string' ? [{ target: manifest.bin, pointer: '/bin' }] : exportTargets(manifest.bin, '/bin')),
      ...(Array.isArray(manifest.sideEffects) ? manifest.sideEffects.map((t, i) => ({ target: t, pointer: `/sideEffects/${i}` })) : []),
    ];
    for (const { target, pointer } of targets) {
      if (!holds(files, target)) {
        add(`package.json#${pointer}`, 'missing-target', `« ${target} » n’est pas dans le paquet (construit ? listé dans « files » ?)`, `"${target}" is not in the package (built? listed in "files"?)`);
      }
    }
    // A `files` entry that brings nothing in is a stale name, or a build that did not run.
    for (const [i, entry] of (manifest.files ?? []).entries()) {
      if (entry.startsWith('!') || entry.includes('*')) continue;
      const rel = path.posix.normalize(entry).replace(/\/$/, '');
      if (!files.has(rel) && ![...files.keys()].some((f) => f.startsWith(`${rel}/`))) {
        add(`package.json#/files/${i}`, 'files-entry-empty', `« ${entry} » n’apporte aucun fichier au paquet`, `"${entry}" brings no file into the package`);
      }
    }

    const declared = new Set(INSTALLED_FIELDS.flatMap((f) => Object.keys(manifest[f] ?? {})));
    const undeclared = new Map();
    const undeclaredTypes = new Map();
    for (const [file, bytes] of files) {
      if (TEST_PATH.test(file)) {
        add(file, 'test-file', 'fichier de test dans le paquet : excluez-le de « files »', 'test file in the package: leave it out of "files"');
        continue;
      }
      if (LEFTOVER.test(file)) {
        add(file, 'build-leftover', 'reste de compilation (tsc -b) dans le paquet : excluez-le de « files »', 'build leftover (tsc -b) in the package: leave it out of "files"');
        continue;
      }
      if (file.endsWith('.map')) {
        const missing = unresolvedSources(file, bytes, files);
        // tsc never inlines a declaration map's sources: its sources are shipped, or it is useless.
        const fix = file.endsWith('.d.ts.map')
          ? { fr: 'livrez les sources (« src » dans « files »)', en: 'ship the sources ("src" in "files")' }
          : { fr: '« inlineSources »', en: '"inlineSources"' };
        if (missing === null) add(file, 'map-source-missing', 'carte des sources illisible (JSON attendu)', 'unreadable source map (JSON expected)');
        else if (missing.length) {
          add(file, 'map-source-missing', `la carte des sources renvoie à ${missing.length} fichier(s) absent(s) du paquet et non inclus (« ${missing[0]} ») : ${fix.fr}`, `the source map refers to ${missing.length} file(s) neither in the package nor inlined ("${missing[0]}"): ${fix.en}`);
        }
        continue;
      }
      if (!CODE.test(file) && !file.endsWith('.d.ts')) continue;
      const text = bytes.toString('utf8');
      // A script's map is what devtools and stack traces read; a declaration's, what an editor's
      // "go to definition" follows into src/*.ts. Either one named and left out makes tools warn.
      const mapUrl = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(text)?.[1];
      if (mapUrl && !/^[a-z]+:/.test(mapUrl) && !files.has(path.posix.normalize(path.posix.join(path.posix.dirname(file), mapUrl)))) {
        add(file, 'map-missing', `« sourceMappingURL=${mapUrl} » : cette carte n’est pas dans le paquet (exclue de « files » ?)`, `"sourceMappingURL=${mapUrl}": that map is not in the package (left out of "files"?)`);
      }
      for (const spec of specifiersOf(text, file)) {
        if (spec.includes('test-support')) {
          add(file, 'test-support', `importe « ${spec} » : le code de test reste hors des paquets`, `imports "${spec}": test code stays out of the packages`);
          continue;
        }
        if (spec.startsWith('.')) {
          const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
          if (resolved.startsWith('../')) {
            add(file, 'outside-package', `importe « ${spec} », hors du paquet : importez l’autre paquet par son nom`, `imports "${spec}", outside the package: import the other package by its name`);
          }
          continue;
        }
        if (spec.startsWith('node:') || BUILTINS.has(spec) || /^[a-z]+:/.test(spec)) continue;
        const dep = packageNameOf(spec);
        const subpath = `.${spec.slice(dep.length)}`;
        const internal = workspace.get(dep);
        if (internal && /(^|\/)src(\/|$)/.test(subpath.slice(2))) {
          add(file, 'reaches-src', `importe « ${spec} », les sources d’un autre paquet : passez par ses « exports »`, `imports "${spec}", another package's sources: go through its "exports"`);
          continue;
        }
        if (internal && dep !== name) {
          const subpaths = exportedSubpaths(internal);
          if (subpaths && !offers(subpaths, subpath)) {
            add(file, 'unexported-subpath', `importe « ${spec} », que les « exports » de ${dep} n’offrent pas`, `imports "${spec}", which ${dep}'s "exports" do not offer`);
          }
        }
        if (dep === name) continue;
        if (declared.has(dep)) {
          // Declared, but typed by DefinitelyTyped (better-sqlite3 by @types/better-sqlite3): a
          // user's TypeScript finds its types only if that package is declared as well.
          const typesPackage = `@types/${dep.replace(/^@([^/]+)\//, '$1__')}`;
          if (!CODE.test(file) && !internal && !declared.has(typesPackage) && !shipsTypes(dep, workspace.get(name)?.dir) && !undeclaredTypes.has(typesPackage)) {
            undeclaredTypes.set(typesPackage, file);
          }
          continue;
        }
        if (CODE.test(file)) {
          if (!undeclared.has(dep)) undeclared.set(dep, file);
        } else if (!undeclaredTypes.has(dep)) {
          // A declaration naming a package that only hoisting brings (lit-html under lit) types
          // the user's code as any, or fails, under a strict layout (pnpm).
          undeclaredTypes.set(dep, file);
        }
      }
    }
    for (const [dep, file] of undeclared) {
      const where = manifest.devDependencies?.[dep] ? { fr: ' (seulement dans ses devDependencies)', en: ' (only in its devDependencies)' } : { fr: '', en: '' };
      add(file, 'undeclared-dependency', `importe « ${dep} » à l’exécution, absent de ses « dependencies »${where.fr}`, `imports "${dep}" at run time, missing from its "dependencies"${where.en}`);
    }
    for (const [dep, file] of undeclaredTypes) {
      if (dep.startsWith('@types/')) {
        add(file, 'undeclared-type-dependency', `ses types viennent de « ${dep} », absent de ses « dependencies » : déclarez-le, ou ne nommez pas ces types dans les déclarations publiées`, `its types come from "${dep}", missing from its "dependencies": declare it, or keep those types out of the published declarations`);
      } else {
        add(file, 'undeclared-type-dependency', `ses types importent « ${dep} », absent de ses « dependencies » : importez-le par un paquet déclaré`, `its types import "${dep}", missing from its "dependencies": import it through a declared package`);
      }
    }
  }

  // One range per third-party package across the workspace: an install resolves them together.
  for (const [dep, uses] of thirdPartyRanges) {
    const ranges = new Set(uses.map((u) => u.range));
    if (ranges.size < 2) continue;
    for (const u of uses) {
      const others = [...ranges].filter((r) => r !== u.range).join(', ');
      problems.push(problem(u.name, `package.json#/${u.field}/${dep.replace('/', '~1')}`, 'range-mismatch', `${dep} « ${u.range} », ailleurs dans le dépôt « ${others} » : alignez les versions`, `${dep} "${u.range}", elsewhere in the workspace "${others}": align the ranges`));
    }
  }
  return problems;
}

/**
 * Whether the package `dep`, as installed for the workspace package in `packageDir`, carries its own
 * declarations: a `types`/`typings` field, a `types` condition in its exports, or an index.d.ts.
 */
export function installedShipsTypes(dep, packageDir = '.') {
  // Where Node would find it from the package: its own node_modules (npm nests a version
  // there when the root's differs), else the root's.
  const dir = [path.join(root, packageDir, 'node_modules', dep), path.join(root, 'node_modules', dep)].find((d) => fs.existsSync(d));
  if (!dir) return true; // Not installed here: the undeclared-dependency rules speak for it.
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  } catch {
    return true; // Not installed here: the undeclared-dependency rules speak for it.
  }
  return Boolean(manifest.types || manifest.typings) || JSON.stringify(manifest.exports ?? {}).includes('"types"')
    || fs.existsSync(path.join(dir, 'index.d.ts'));
}

/** The Node range the repository supports: its root package.json's `engines.node`. */
export function rootEngines(at = root) {
  return JSON.parse(fs.readFileSync(path.join(at, 'package.json'), 'utf8')).engines?.node;
}

/** One problem as the project prints them: where, the rule, French then English. */
export function formatPackProblem(p) {
  return `${p.package} ${p.file}: [${p.rule}] ${p.fr}\n    ${p.en}`;
}

/** Every file of an unpacked package directory, by its path inside the package. */
function readTree(dir, prefix = '', files = new Map()) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) readTree(path.join(dir, entry.name), rel, files);
    else files.set(rel, fs.readFileSync(path.join(dir, entry.name)));
  }
  return files;
}

/** Unpacks an npm tarball (`package/…`) into `dir`, as npm installs it. */
export function extractTarball(tarball, dir) {
  fs.mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1']);
}

/** The workspace's manifests by package name, the private ones included. */
export function workspaceManifests(at = root) {
  const { workspaces } = JSON.parse(fs.readFileSync(path.join(at, 'package.json'), 'utf8'));
  return new Map(workspaces.map((dir) => {
    const manifest = JSON.parse(fs.readFileSync(path.join(at, dir, 'package.json'), 'utf8'));
    return [manifest.name, { ...manifest, dir }];
  }));
}

/**
 * The packages with each one after the @olva packages it depends on: the order to publish them
 * in, so that no published package names a version the registry does not have yet.
 */
export function publishOrder(manifests) {
  const byName = new Map(manifests.map((m) => [m.name, m]));
  const ordered = new Set();
  const visit = (m) => {
    if (ordered.has(m)) return;
    for (const field of INSTALLED_FIELDS) for (const dep of Object.keys(m[field] ?? {})) if (byName.has(dep)) visit(byName.get(dep));
    ordered.add(m);
  };
  manifests.forEach(visit);
  return [...ordered];
}

/**
 * Packs every publishable package into `out` and checks the tarballs. Returns the tarballs
 * (package name → file) and the problems found.
 */
export async function packAll(out) {
  const workspace = workspaceManifests();
  const publishable = publishOrder([...workspace.values()].filter((m) => !m.private));
  // Only the previous tarballs go: `--out` may name a folder that holds other things.
  fs.mkdirSync(out, { recursive: true });
  for (const f of fs.readdirSync(out)) if (f.endsWith('.tgz') || f === 'publish-order.txt') fs.rmSync(path.join(out, f));
  const report = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', out, ...publishable.flatMap((m) => ['-w', m.dir])], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
  const filenames = new Map(report.map((r) => [r.name, r.filename]));
  const tarballs = new Map(publishable.map((m) => [m.name, path.join(out, filenames.get(m.name))]));
  const unpacked = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-pack-'));
  try {
    const packed = [...tarballs].map(([name, tarball]) => {
      const dir = path.join(unpacked, name);
      extractTarball(tarball, dir);
      return { manifest: JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')), files: readTree(dir) };
    });
    return { tarballs, problems: await checkPackages(packed, workspace) };
  } finally {
    fs.rmSync(unpacked, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const out = path.resolve(outAt >= 0 ? args[outAt + 1] : path.join(root, '.olva-pack'));
  if (!args.includes('--no-build')) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  const { tarballs, problems } = await packAll(out);
  for (const p of problems) console.error(formatPackProblem(p));
  if (problems.length) {
    console.error(`\n${problems.length} problème(s) dans les paquets / problem(s) in the packages`);
    process.exit(1);
  }
  console.log(`${tarballs.size} paquets vérifiés dans ${path.relative(process.cwd(), out) || '.'}, dans l’ordre où les publier / ${tarballs.size} packages checked, in the order to publish them:`);
  for (const file of tarballs.values()) console.log(`  ${path.basename(file)}`);
  // For `xargs -n1 npm publish --access public < publish-order.txt` from that folder (docs/release.md).
  fs.writeFileSync(path.join(out, 'publish-order.txt'), [...tarballs.values()].map((f) => `${path.basename(f)}\n`).join(''));
}
