/**
 * The pages of the demo (`olva demo`): a municipal page that embeds the survey, the embed
 * bundle and the build outputs, served beside the collector API. HTML pages carry the
 * Content-Security-Policy the embed is written for.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/** Where the demo's files are. */
export interface DemoSite {
  /** The municipal example page (`examples/municipal/`), served at `/`. */
  municipalDir: string;
  /** The embed bundle (`packages/embed/dist/`), served at `/embed/`. */
  embedDir: string;
  /** The builds (`build/questionnaires/`), served at `/questionnaires/`. */
  questionnairesDir: string;
  /** The iframe page for sites that cannot add a script (`examples/iframe/`), at `/iframe/`. */
  iframeDir?: string;
  /** The `<olva-results>` bundle (`packages/results-element/dist/`), at `/results-embed/`. */
  resultsEmbedDir?: string;
}

/**
 * The policy of every HTML page: scripts from this origin only, DOM sinks behind Trusted
 * Types, and requests (the questionnaire, the answers) to this origin only, so that no page
 * of the collector's origin can send answers elsewhere.
 */
export const DEMO_CSP = "script-src 'self'; require-trusted-types-for 'script'; connect-src 'self'";

/** Source maps are not served: they would publish the sources and paths of the build. */
const notSourceMap = (pathname: string): boolean => !pathname.toLowerCase().endsWith('.map');

const MISSING = `<!doctype html><html lang="fr"><meta charset="utf-8"><title>OLVA</title><link rel="icon" href="data:,">
<h1>Démo OLVA</h1><p>La page municipale d'exemple est absente : lancez <code>npm run build</code> puis <code>npm start</code>.</p>
<p lang="en">The example municipal page is missing: run <code>npm run build</code>, then <code>npm start</code>.</p></html>`;

/** Registers the demo pages (call inside `extraRoutes` of `createCollector`). */
export async function demoRoutes(app: FastifyInstance, site: DemoSite): Promise<void> {
  app.addHook('onSend', async (_request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html')) reply.header('content-security-policy', DEMO_CSP);
    reply.header('x-content-type-options', 'nosniff');
    return payload;
  });
  const mounts: [string, string][] = [
    ['/embed/', site.embedDir],
    ['/questionnaires/', site.questionnairesDir],
    ...(site.iframeDir ? [['/iframe/', site.iframeDir] as [string, string]] : []),
    ...(site.resultsEmbedDir ? [['/results-embed/', site.resultsEmbedDir] as [string, string]] : []),
  ];
  let decorated = false;
  for (const [prefix, root] of mounts) {
    if (!fs.existsSync(root)) continue;
    await app.register(fastifyStatic, { root: path.resolve(root), prefix, decorateReply: !decorated, index: ['index.html'], dotfiles: 'deny', allowedPath: notSourceMap });
    decorated = true;
  }
  if (fs.existsSync(path.join(site.municipalDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: path.resolve(site.municipalDir), prefix: '/', decorateReply: !decorated, index: ['index.html'], dotfiles: 'deny', allowedPath: notSourceMap });
  } else {
    app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(MISSING));
  }
}
