#!/usr/bin/env node
// The README a package carries to npm. The manifests name no repository (there is none public
// yet), so npm's site cannot rewrite a relative link (`../../docs/performance.md`): it points
// into npmjs.com and breaks, as it does in node_modules. At pack time each relative link becomes
// absolute, to the very version packed:
//   - a file of this package, or of another @olva package: `https://cdn.jsdelivr.net/npm/<name>@<version>/<path>`
//     (jsDelivr serves every published package's files; all @olva packages share one version);
//   - another @olva package's README: its page, `https://www.npmjs.com/package/<name>` (and the anchor);
//   - any other file of the repository (docs/, schemas/): copied into the package's `docs/`, and
//     linked there as above, so that a reader without the network finds it in node_modules too;
//     the Markdown files copied have their links rewritten the same way, a link between two of
//     them staying relative (the files they name are shipped too).
// `npm run pack` (scripts/pack.mjs, rule `readme-link`) checks every link of the packed READMEs.
//   prepack:  node ../../scripts/packed-readme.mjs prepack
//   postpack: node ../../scripts/packed-readme.mjs postpack
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where a published package's files are read on the web, by `<name>@<version>/<path>`. */
export const CDN = 'https://cdn.jsdelivr.net/npm';
/** A published package's page on npm's site (its README). */
export const NPM_PAGE = 'https://www.npmjs.com/package';
/** The folder of a package that receives the repository files its README links to. */
export const DOCS = 'docs';

/** The README's text before prepack, and the files prepack made: postpack puts everything back. */
const STATE = '.packed-readme.json';

/**
 * The link targets of a Markdown text, with their offsets: inline links and images
 * `[text](target "title")` and reference definitions `[id]: target`, outside code (fenced or
 * in backticks).
 */
export function markdownLinks(text) {
  const links = [];
  let fenced = false;
  let offset = 0;
  for (const line of text.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    else if (!fenced) {
      // Code spans blanked, not removed: the offsets stay those of the text.
      const prose = line.replace(/(`+)[\s\S]*?\1/g, (code) => ' '.repeat(code.length));
      for (const m of prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
        const start = offset + m.index + m[0].indexOf(m[1]);
        links.push({ target: m[1], start, end: start + m[1].length });
      }
      const definition = /^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)/.exec(prose);
      if (definition) {
        const start = offset + definition[0].length - definition[1].length;
        links.push({ target: definition[1], start, end: start + definition[1].length });
      }
    }
    offset += line.length + 1;
  }
  return links;
}

/** True for a link that reads the same anywhere: a URL with a scheme, or an anchor in the page. */
export const isAbsoluteLink = (target) => /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#');

/**
 * The README as packed: `text` (the README of the package in `packageDir`) with every relative
 * link made absolute (see the top of this file), and the repository files to copy into the
 * package (`ship`: `{ from, to, text? }`, `to` relative to the package; `text`, for a Markdown
 * file, its links rewritten too: to another shipped file relatively, in the same `docs/`, else as
 * in the README; a folder that no package ships, such as `examples/`, has no address and stays as
 * written). `workspace`: the packages of the repository (`{ name, version, private, dir }`,
 * `dir` relative to `root`). Throws on a README link out of the repository, to a missing file or
 * to such a folder.
 */
export function packedReadme(text, { packageDir, root, workspace }) {
  const packages = workspace.map((m) => ({ ...m, abs: path.resolve(root, m.dir) }));
  const self = packages.find((m) => m.abs === path.resolve(packageDir));
  if (!self) throw new Error(`${packageDir} is not a package of the workspace`);
  const ship = new Map();
  /** `source`'s links rewritten; `file` is where it lies in the repository, `shipped` whether it is a copy in docs/. */
  const rewrite = (source, file, shipped) => {
    const pieces = [];
    let at = 0;
    for (const { target, start, end } of markdownLinks(source)) {
      if (isAbsoluteLink(target)) continue;
      const [link, anchor = ''] = target.split(/(?=#)/);
      const resolved = path.resolve(path.dirname(file), decodeURI(link));
      const where = `${path.relative(root, file)}: « ${target} »`;
      if (!fs.existsSync(resolved)) throw new Error(`${where}: no such file`);
      const owner = packages.filter((m) => !m.private && (resolved + path.sep).startsWith(m.abs + path.sep)).sort((a, b) => b.abs.length - a.abs.length)[0];
      let url;
      if (owner && path.relative(owner.abs, resolved) === 'README.md') {
        url = `${NPM_PAGE}/${owner.name}${anchor}`;
      } else if (owner) {
        url = `${CDN}/${owner.name}@${owner.version}/${path.relative(owner.abs, resolved).split(path.sep).join('/')}${fs.statSync(resolved).isDirectory() ? '/' : ''}${anchor}`;
      } else {
        if (!(resolved + path.sep).startsWith(path.resolve(root) + path.sep)) throw new Error(`${where}: outside the repository`);
        if (!fs.statSync(resolved).isFile()) {
          if (shipped) continue;
          throw new Error(`${where}: a folder outside any package cannot be shipped: link a file`);
        }
        const to = `${DOCS}/${path.basename(resolved)}`;
        if (ship.has(to) && ship.get(to) !== resolved) throw new Error(`${where}: ${to} is already ${path.relative(root, ship.get(to))}`);
        ship.set(to, resolved);
        url = shipped ? `${path.basename(resolved)}${anchor}` : `${CDN}/${self.name}@${self.version}/${to}${anchor}`;
      }
      pieces.push(source.slice(at, start), url);
      at = end;
    }
    pieces.push(source.slice(at));
    return pieces.join('');
  };
  const packedText = rewrite(text, path.join(packageDir, 'README.md'), false);
  // Each shipped Markdown file may name others, shipped in turn (the Map grows as it is read).
  const texts = new Map();
  for (const [to, from] of ship) if (from.endsWith('.md')) texts.set(to, rewrite(fs.readFileSync(from, 'utf8'), from, true));
  return { text: packedText, ship: [...ship].map(([to, from]) => ({ from, to, ...(texts.has(to) ? { text: texts.get(to) } : {}) })) };
}

/** The workspace's packages (`{ name, version, private, dir }`) from the root package.json. */
function workspaceOf(root) {
  const { workspaces } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  return workspaces.map((dir) => ({ ...JSON.parse(fs.readFileSync(path.join(root, dir, 'package.json'), 'utf8')), dir }));
}

/**
 * prepack, in the package's folder: writes the packed README, copies the files it links to into
 * `docs/`, and records what postpack undoes.
 */
export function prepack(packageDir, root) {
  if (fs.existsSync(path.join(packageDir, STATE))) postpack(packageDir); // An interrupted pack.
  const readme = path.join(packageDir, 'README.md');
  const source = fs.readFileSync(readme, 'utf8');
  const { text, ship } = packedReadme(source, { packageDir, root, workspace: workspaceOf(root) });
  const docsExisted = fs.existsSync(path.join(packageDir, DOCS));
  fs.writeFileSync(path.join(packageDir, STATE), JSON.stringify({ readme: source, made: ship.map((s) => s.to), docsExisted }));
  for (const { from, to, text: rewritten } of ship) {
    fs.mkdirSync(path.dirname(path.join(packageDir, to)), { recursive: true });
    if (rewritten === undefined) fs.copyFileSync(from, path.join(packageDir, to));
    else fs.writeFileSync(path.join(packageDir, to), rewritten);
  }
  fs.writeFileSync(readme, text);
}

/** postpack: the README as it was, and the copied files gone. */
export function postpack(packageDir) {
  const statePath = path.join(packageDir, STATE);
  if (!fs.existsSync(statePath)) return;
  const state = JSON.parse(fs.readFileSync(statePath, 'utf8'));
  fs.writeFileSync(path.join(packageDir, 'README.md'), state.readme);
  for (const file of state.made) fs.rmSync(path.join(packageDir, file), { force: true });
  const docs = path.join(packageDir, DOCS);
  if (!state.docsExisted && fs.existsSync(docs) && fs.readdirSync(docs).length === 0) fs.rmdirSync(docs);
  fs.rmSync(statePath);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command] = process.argv.slice(2);
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  if (command === 'prepack') prepack(process.cwd(), root);
  else if (command === 'postpack') postpack(process.cwd());
  else {
    console.error('usage: packed-readme.mjs prepack | postpack');
    process.exit(2);
  }
}
