/**
 * The addresses a web team copies from the documentation answer: every bundle or iframe path
 * that a README, guide or example page gives (`https://collecte.example.org/results-embed/…`,
 * `…/embed/olva.js`, `/iframe/`) is fetched from the collector's own static routes (`siteRoutes`,
 * as `olva serve` mounts them, over real HTTP) and must be a 200; and the documentation names
 * the collector by one example host, `collecte.example.org`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IFRAME_PAGE_DIR, siteRoutes } from './demo-site.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SKIP = new Set(['node_modules', 'dist', 'build', 'storybook-static', 'coverage', '.git', '.olva-data', '.tmp']);

/** The documentation a reader sees: every `.md` and `.html` of the repository, outside builds. */
function docs(dir = repo): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name.startsWith('.') || SKIP.has(e.name)) return [];
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return docs(full);
    return /\.(md|html)$/.test(e.name) ? [full] : [];
  });
}

/** A path of the collector's site (bundles, iframe page) written in a document, with where it was written. */
const SITE_PATH = /(?:collecte\.example\.org|…|["'(`\s])(\/(?:embed|results-embed)\/[\w.-]+\.js|\/iframe\/)/g;

describe('the collector addresses the documentation gives', () => {
  let app: FastifyInstance;
  let base: string;
  const files = docs();
  beforeAll(async () => {
    // Closing must not wait for the keep-alive sockets of fetch.
    app = Fastify({ forceCloseConnections: true });
    await siteRoutes(app, {
      embedDir: path.join(repo, 'packages/embed/dist'),
      resultsEmbedDir: path.join(repo, 'packages/results-element/dist'),
      iframeDir: IFRAME_PAGE_DIR,
    });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => { await app?.close(); });

  it('answers 200 for every bundle and iframe path written in a README, guide or example page', async () => {
    const found = new Map<string, string>();
    for (const file of files) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(SITE_PATH)) if (!found.has(m[1]!)) found.set(m[1]!, path.relative(repo, file));
    }
    // Both bundles are documented, so the scan is reading what it should.
    expect([...found.keys()]).toEqual(expect.arrayContaining(['/embed/olva.js', '/results-embed/olva-results.js', '/iframe/']));
    const failing: string[] = [];
    for (const [pathname, file] of found) {
      const response = await fetch(base + pathname);
      await response.arrayBuffer();
      const status = response.status;
      if (status !== 200) failing.push(`${file}: ${pathname} → ${status}`);
    }
    expect(failing, 'run `npm run build` first: the bundles are read from dist/').toEqual([]);
  });

  it('names the collector collecte.example.org, as the rest of the project does', () => {
    const other = files.filter((f) => /\bolva\.example\.org\b/.test(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(repo, f));
    expect(other).toEqual([]);
  });
});
