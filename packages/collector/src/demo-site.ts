/**
 * The pages of the demo (`olva demo`): a municipal page that embeds the survey, the embed
 * bundle and the build outputs, served beside the collector API. HTML pages carry the
 * Content-Security-Policy the embed is written for.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/** Where the demo's files are: the collector's site (`SiteFiles`) and the municipal page. */
export interface DemoSite extends SiteFiles {
  /** The municipal example page (`examples/municipal/`), served at `/`. */
  municipalDir: string;
  embedDir: string;
  questionnairesDir: string;
}

/**
 * The policy of every HTML page: scripts from this origin only, DOM sinks behind Trusted
 * Types, and requests (the questionnaire, the answers) to this origin only, so that no page
 * of the collector's origin can send answers elsewhere.
 */
export const DEMO_CSP = "script-src 'self'; require-trusted-types-for 'script'; connect-src 'self'";

/**
 * The iframe page for sites that cannot add a script (`iframe/` beside `src/` and `dist/`):
 * shipped in the package, so that an installed collector serves it as the demo does.
 */
export const IFRAME_PAGE_DIR = fileURLToPath(new URL('../iframe/', import.meta.url));

/** Source maps are not served: they would publish the sources and paths of the build. */
const notSourceMap = (pathname: string): boolean => !pathname.toLowerCase().endsWith('.map');

const MISSING = `<!doctype html><html lang="fr"><meta charset="utf-8"><title>OLVA</title><link rel="icon" href="data:,">
<h1>Démo OLVA</h1><p>La page municipale d'exemple est absente : lancez <code>npm run build</code> puis <code>npm start</code>.</p>
<p lang="en">The example municipal page is missing: run <code>npm run build</code>, then <code>npm start</code>.</p></html>`;

/**
 * The files a collector serves beside its API so that a page on another site can embed the
 * survey (`olva serve` and `olva demo`): each directory given is mounted, a missing one is
 * skipped.
 */
export interface SiteFiles {
  /** The embed bundle (`packages/embed/dist/`), served at `/embed/`. */
  embedDir?: string;
  /** The `<olva-results>` bundle (`packages/results-element/dist/`), at `/results-embed/`. */
  resultsEmbedDir?: string;
  /** The iframe page for sites that cannot add a script ({@link IFRAME_PAGE_DIR}), at `/iframe/`. */
  iframeDir?: string;
  /** A directory of builds (`build/questionnaires/`), served at `/questionnaires/`. */
  questionnairesDir?: string;
  /** Build directories written by `olva build`, each at `/questionnaires/<directory name>/`. */
  builds?: readonly string[];
}

/** The prefixes of the files any page may load (the bundles and the questionnaires): public code and definitions. */
const PUBLIC_PREFIXES = ['/embed/', '/results-embed/', '/questionnaires/'];

/**
 * Registers the static files of `site` with the CSP hook; returns the URL prefixes mounted.
 * A module script and the questionnaire's fetch from another origin need CORS: the bundles and
 * the questionnaires are readable by every page (`*`, without credentials), so that a page
 * whose origin is not in `origins` still draws the survey and says what to fix (its wave
 * check reads `origin-not-allowed`) instead of staying blank; posting stays for `origins`.
 */
export async function siteRoutes(app: FastifyInstance, site: SiteFiles): Promise<string[]> {
  app.addHook('onSend', async (request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html')) reply.header('content-security-policy', DEMO_CSP);
    else if (PUBLIC_PREFIXES.some((prefix) => request.url.startsWith(prefix))) reply.header('access-control-allow-origin', '*');
    reply.header('x-content-type-options', 'nosniff');
    return payload;
  });
  const mounts: [string, string | undefined][] = [
    ['/embed/', site.embedDir],
    ['/questionnaires/', site.questionnairesDir],
    ...(site.builds ?? []).map((dir) => [`/questionnaires/${path.basename(path.resolve(dir))}/`, dir] as [string, string]),
    ['/iframe/', site.iframeDir],
    ['/results-embed/', site.resultsEmbedDir],
  ];
  const mounted: string[] = [];
  for (const [prefix, root] of mounts) {
    if (!root || !fs.existsSync(root)) continue;
    await app.register(fastifyStatic, { root: path.resolve(root), prefix, decorateReply: mounted.length === 0, index: ['index.html'], dotfiles: 'deny', allowedPath: notSourceMap });
    mounted.push(prefix);
  }
  if (mounted.length > 0) encodedBuildRoute(app, site);
  return mounted;
}

/**
 * `/questionnaires/<build>/…` with the build's name percent-encoded (`olva-core%2Brennes-2026`,
 * as browsers and `encodeURIComponent` write `+`): the router matches prefixes on the encoded
 * `+` and the static files decode only what `decodeURI` does, so that spelling was a 404 while
 * `/iframe/?questionnaire=` accepted it. The literal spelling still goes to its own mount
 * (static segments win); this route takes the rest, with the segment decoded, and serves the
 * same file through the same options (`sendFile` of the first mount).
 */
function encodedBuildRoute(app: FastifyInstance, site: SiteFiles): void {
  const builds = new Map((site.builds ?? []).filter((dir) => fs.existsSync(dir)).map((dir) => [path.basename(path.resolve(dir)), path.resolve(dir)]));
  const all = site.questionnairesDir && fs.existsSync(site.questionnairesDir) ? path.resolve(site.questionnairesDir) : undefined;
  if (!all && builds.size === 0) return;
  app.route({
    method: ['GET', 'HEAD'],
    url: '/questionnaires/:build/*',
    handler: (request, reply) => {
      const { build, '*': rest } = request.params as { build: string; '*': string };
      const root = builds.get(build);
      if (root) return reply.sendFile(`/${rest}`, root);
      if (all) return reply.sendFile(`/${build}/${rest}`, all);
      return reply.callNotFound();
    },
  });
}

/** Registers the demo pages (call inside `extraRoutes` of `createCollector`). */
export async function demoRoutes(app: FastifyInstance, site: DemoSite): Promise<void> {
  const decorated = (await siteRoutes(app, site)).length > 0;
  if (fs.existsSync(path.join(site.municipalDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: path.resolve(site.municipalDir), prefix: '/', decorateReply: !decorated, index: ['index.html'], dotfiles: 'deny', allowedPath: notSourceMap });
  } else {
    app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(MISSING));
  }
}
