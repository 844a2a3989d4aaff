/**
 * Every relative link in the repository's Markdown (README.md, CONTRIBUTING.md, docs/, the
 * packages' and examples' READMEs) leads somewhere: the file or folder exists, and a `#anchor`
 * into a Markdown file names one of its headings as GitHub spells it. A renamed file or heading
 * otherwise leaves a reader on a 404 with nothing to say so. "Exists" means tracked by git: a
 * link to a built or ignored file works on this machine only.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The files git tracks, relative to the root with `/`. */
const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
const trackedFiles = new Set(tracked);
const trackedDirs = new Set(tracked.flatMap((f) => f.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))));

/** The tracked Markdown files, but for changelogs (their links are history). */
function markdownFiles(): string[] {
  return tracked.filter((f) => f.endsWith('.md') && !/(^|\/)CHANGELOG\.md$/.test(f));
}

/** The text a reader sees as prose: fenced blocks and inline code removed (their brackets are not links). */
function prose(markdown: string): string {
  return markdown
    .replace(/^( {0,3})(```|~~~)[^\n]*\n[\s\S]*?^\1\2[^\n]*$/gm, '')
    .replace(/(`+)[\s\S]*?\1/g, '');
}

/** Inline links `[text](target)` and reference definitions `[name]: target`, images included. */
function linkTargets(markdown: string): string[] {
  const text = prose(markdown);
  const inline = [...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!);
  const defined = [...text.matchAll(/^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((m) => m[1]!);
  return [...inline, ...defined];
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, each space a hyphen. */
function slug(heading: string): string {
  return heading
    .trim()
    .replace(/`/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M} _-]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors of a Markdown file, numbered as GitHub numbers repeated headings. */
function anchors(file: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const m of prose(fs.readFileSync(file, 'utf8')).matchAll(/^ {0,3}#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = slug(m[1]!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    result.add(n === 0 ? base : `${base}-${n}`);
  }
  return result;
}

/** What is wrong with one link from `from`, or null when it resolves. */
function brokenLink(from: string, target: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) return null; // absolute URL, mailto:
  const [rawPath, rawAnchor] = target.split('#', 2) as [string, string | undefined];
  const file = rawPath === '' ? path.join(root, from) : path.resolve(path.dirname(path.join(root, from)), decodeURIComponent(rawPath));
  const relative = path.relative(root, file).split(path.sep).join('/');
  if (relative.startsWith('..') || path.isAbsolute(relative)) return `${from}: ${target} leaves the repository`;
  if (relative !== '' && !trackedFiles.has(relative) && !trackedDirs.has(relative)) return `${from}: ${target} is no file or folder of the repository`;
  if (rawAnchor === undefined || !file.endsWith('.md')) return null;
  const anchor = decodeURIComponent(rawAnchor).toLowerCase();
  return anchors(file).has(anchor) ? null : `${from}: ${target} names no heading of ${path.relative(root, file)}`;
}

describe('the Markdown links of the repository', () => {
  it('resolve to a file or folder that exists, and to one of its headings', () => {
    const files = markdownFiles();
    expect(files).toContain('README.md');
    const broken = files.flatMap((from) =>
      linkTargets(fs.readFileSync(path.join(root, from), 'utf8'))
        .map((target) => brokenLink(from, target))
        .filter((problem): problem is string => problem !== null),
    );
    expect(broken).toEqual([]);
  });

  it('spells anchors as GitHub does, accents and a slash between words included', () => {
    expect(slug('Intégrer le questionnaire / embed it')).toBe('intégrer-le-questionnaire--embed-it');
    expect(slug('For web teams: bundles, CSP, look')).toBe('for-web-teams-bundles-csp-look');
    expect(slug('`olva serve` options')).toBe('olva-serve-options');
  });

  it('finds inline links and reference definitions, not brackets inside code', () => {
    expect(linkTargets('[a](x.md) `[b](y.md)`\n```\n[c](z.md)\n```\n[d]: w.md "t"\n')).toEqual(['x.md', 'w.md']);
  });
});
