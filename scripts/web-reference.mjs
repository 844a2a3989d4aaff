#!/usr/bin/env node
// The web teams' reference tables of the elements' READMEs: every `--olva-*` custom property
// with its default and what it styles, and every `::part()`. They are made from
// custom-elements.json, which `npm run build` makes from the JSDoc (`@cssprop`, `@csspart`):
// the JSDoc is their one home. `node scripts/web-reference.mjs` (after `npm run build`) rewrites
// them; scripts/web-reference.test.ts fails when a README's tables are not those of the JSDoc.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Each README with generated tables, the manifest they come from and the element they describe. */
export const REFERENCES = [
  { readme: 'packages/elements/README.md', manifest: 'packages/elements/custom-elements.json', tag: 'olva-survey' },
  { readme: 'packages/results-element/README.md', manifest: 'packages/results-element/custom-elements.json', tag: 'olva-results' },
];

export const START = '<!-- reference: made by scripts/web-reference.mjs from the JSDoc (@cssprop, @csspart); edit the JSDoc, not this table -->';
export const END = '<!-- /reference -->';

/** The declaration of the element `tag` in a custom-elements.json. */
export function declarationOf(manifest, tag) {
  const found = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);
  if (!found) throw new Error(`custom-elements.json: no <${tag}>; run npm run build`);
  return found;
}

const cell = (text) => String(text ?? '').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** The two markdown tables of an element: its custom properties (default, what it styles) and its parts. */
export function referenceTables(declaration) {
  const props = (declaration.cssProperties ?? []).map((p) => `| \`${p.name}\` | \`${cell(p.default)}\` | ${cell(p.description)} |`);
  const parts = (declaration.cssParts ?? []).map((p) => `| \`${p.name}\` | ${cell(p.description)} |`);
  return [
    '| custom property | default | styles |', '|---|---|---|', ...props, '',
    '| `::part()` | what it is |', '|---|---|', ...parts,
  ].join('\n');
}

/** The README with the tables between its markers replaced. */
export function withTables(readme, tables, file) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${file}: the markers ${START} … ${END} are missing`);
  return `${readme.slice(0, start + START.length)}\n${tables}\n${readme.slice(end)}`;
}

/** What each README should hold: [path, expected text, current text]. */
export function expectedReadmes() {
  return REFERENCES.map(({ readme, manifest, tag }) => {
    const file = path.join(root, readme);
    const current = fs.readFileSync(file, 'utf8');
    const declaration = declarationOf(JSON.parse(fs.readFileSync(path.join(root, manifest), 'utf8')), tag);
    return [file, withTables(current, referenceTables(declaration), readme), current];
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [file, expected, current] of expectedReadmes()) {
    if (expected !== current) fs.writeFileSync(file, expected);
    console.log(`${path.relative(root, file)}: ${expected === current ? 'up to date' : 'tables rewritten'}`);
  }
}
