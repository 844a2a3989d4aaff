/**
 * The web teams' reference (the custom properties and parts tables of the elements' READMEs)
 * says what the elements really do: the tables are those of the JSDoc (through
 * custom-elements.json, made by `npm run build`), each documented default is the one the
 * style sheets fall back on, every `--olva-*` property the style sheets read is documented, and
 * every part the templates write is documented (and no other).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tokens } from '@olva/elements/theme/tokens';
import { CHART_CSS } from '@olva/charts';
// @ts-expect-error: a plain .mjs script without types
import { declarationOf, expectedReadmes, REFERENCES } from './web-reference.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Declaration { cssProperties?: { name: string; default?: string }[]; cssParts?: { name: string }[] }
const declaration = (tag: string): Declaration => {
  const { manifest } = REFERENCES.find((r: { tag: string }) => r.tag === tag);
  return declarationOf(JSON.parse(fs.readFileSync(path.join(root, manifest), 'utf8')), tag);
};
const survey = declaration('olva-survey');
const results = declaration('olva-results');

/** Each `--olva-*` property a style sheet reads, with the value it falls back on. */
const fallbacks = (cssText: string) => new Map([...cssText.matchAll(/var\((--olva-[\w-]+),\s*([^)]+?)\s*\)/g)].map((m) => [m[1]!, m[2]!]));
const shared = fallbacks(tokens.cssText);
const charts = fallbacks(CHART_CSS);

/** The parts the templates of a package's sources write (`part="a b"`). */
function writtenParts(dir: string): Set<string> {
  const out = new Set<string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) {
        for (const m of fs.readFileSync(full, 'utf8').matchAll(/\bpart="([^"$]+)"/g)) for (const p of m[1]!.split(/\s+/)) out.add(p);
      }
    }
  };
  walk(path.join(root, dir));
  return out;
}

describe('the web teams\' reference in the READMEs', () => {
  it('holds the tables of the JSDoc (run `node scripts/web-reference.mjs` after `npm run build` when this fails)', () => {
    for (const [file, expected, current] of expectedReadmes() as [string, string, string][]) {
      expect(current, path.relative(root, file)).toBe(expected);
    }
  });

  it('gives as default of each property the value the style sheets fall back on', () => {
    for (const p of survey.cssProperties!) expect(p.default, p.name).toBe(shared.get(p.name));
    for (const p of results.cssProperties!) expect(p.default, p.name).toBe(shared.get(p.name) ?? charts.get(p.name));
  });

  it('documents every --olva-* property the style sheets read', () => {
    expect(survey.cssProperties!.map((p) => p.name).sort()).toEqual([...shared.keys()].sort());
    const ofResults = results.cssProperties!.map((p) => p.name);
    expect(ofResults.filter((n) => n.startsWith('--olva-chart-')).sort()).toEqual([...charts.keys()].sort());
  });

  it('documents every part the templates write, and no other', () => {
    expect(survey.cssParts!.map((p) => p.name).sort()).toEqual([...writtenParts('packages/elements/src')].sort());
    expect(results.cssParts!.map((p) => p.name).sort()).toEqual([...writtenParts('packages/results-element/src')].sort());
  });
});
