/**
 * The server of `olva preview` (plain node:http, on localhost): the survey page, the paper
 * form, the codebook, the embed bundle, and `/events` (Server-Sent Events) that tells the
 * pages to reload after each build. The files of the core and the extension are watched
 * (their directories, so that editors that save by renaming are seen too) and rebuilt,
 * debounced, after each change.
 */
import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { basename, dirname, resolve } from 'node:path';
import type { Lang } from '../io.js';
import { PREVIEW_CSS, PREVIEW_JS } from './assets.js';
import { PreviewBuilder, type PreviewState } from './builder.js';
import { extensionOnly } from './extension-only.js';
import { codebookPage, paperPage, previewStrings, surveyPage, type PreviewView } from './pages.js';

/** The policy of the preview pages: scripts and requests to this origin only, DOM sinks behind Trusted Types. */
export const PREVIEW_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'";
/** The paper form keeps the policy written in it (inline style, nothing else); only the preview may frame it. */
const PAPER_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'";

/** How to run a preview. */
export interface PreviewOptions {
  core: string;
  extension: string | null;
  /** Port on 127.0.0.1 (0: any free port). */
  port: number;
  lang: Lang;
  /** The built embed (`packages/embed/dist/olva.js`). */
  embedJs: string;
  /** Called after every build (the command prints its outcome). */
  onBuilt?: (state: PreviewState) => void;
  /** Quiet time after the last change before rebuilding, in ms. */
  debounceMs?: number;
}

/** A running preview. */
export interface Preview {
  url: string;
  builder: PreviewBuilder;
  close(): Promise<void>;
}

/** Starts the preview: a first build, the watchers and the server. */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const clients = new Set<ServerResponse>();
  const announce = (res: ServerResponse, state: PreviewState) => res.write(`event: build\ndata: ${state.number}\n\n`);
  const builder = new PreviewBuilder({ core: options.core, extension: options.extension }, (state) => {
    options.onBuilt?.(state);
    for (const res of clients) announce(res, state);
  });
  await builder.rebuild();

  const watchers = watchFiles([options.core, options.extension].filter((f): f is string => !!f), options.debounceMs ?? 150, () => void builder.rebuild());
  const server = createServer((req, res) => {
    handle(req, res, options, builder.state, clients, announce).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port, '127.0.0.1', () => ok());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://127.0.0.1:${port}/`,
    builder,
    async close() {
      for (const w of watchers) w.close();
      for (const res of clients) res.end();
      await new Promise<void>((ok) => server.close(() => ok()));
      await builder.close();
    },
  };
}

/** Watches the directories of `files`, calling `changed` once things are quiet again. */
function watchFiles(files: string[], debounceMs: number, changed: () => void): FSWatcher[] {
  let timer: NodeJS.Timeout | undefined;
  const byDir = new Map<string, Set<string>>();
  for (const f of files.map((x) => resolve(x))) {
    const names = byDir.get(dirname(f)) ?? new Set<string>();
    names.add(basename(f));
    byDir.set(dirname(f), names);
  }
  return [...byDir].map(([dir, names]) => watch(dir, (_event, name) => {
    if (name !== null && !names.has(basename(String(name)))) return;
    clearTimeout(timer);
    timer = setTimeout(changed, debounceMs);
  }));
}

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8',
  md: 'text/markdown; charset=utf-8', csv: 'text/csv; charset=utf-8', text: 'text/plain; charset=utf-8',
};

function send(res: ServerResponse, status: number, type: keyof typeof TYPES, body: string, csp = PREVIEW_CSP): void {
  res.writeHead(status, {
    'content-type': TYPES[type]!,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    ...(type === 'html' ? { 'content-security-policy': csp } : {}),
  });
  res.end(body);
}

/** The view asked for in the query string (`?section=<id>&only=extension`). */
function viewOf(url: URL): PreviewView {
  return { section: url.searchParams.get('section') || undefined, extensionOnly: url.searchParams.get('only') === 'extension' };
}

async function handle(
  req: IncomingMessage, res: ServerResponse, options: PreviewOptions, state: PreviewState,
  clients: Set<ServerResponse>, announce: (res: ServerResponse, state: PreviewState) => void,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text', 'GET only\n');
  const good = state.good;
  switch (url.pathname) {
    case '/': {
      const view = viewOf(url);
      const s = previewStrings(options.lang);
      let shown = good?.compiled ?? null;
      let note: string | undefined;
      if (good && view.extensionOnly) {
        const cut = extensionOnly(good.compiled);
        if (cut) {
          shown = cut.compiled;
          if (cut.droppedConditions) note = s.dropped(cut.droppedConditions);
        } else note = s.noExtension;
      }
      return send(res, 200, 'html', surveyPage({ lang: options.lang, state, view, shown, note }));
    }
    case '/paper':
      return send(res, 200, 'html', paperPage(options.lang, state));
    case '/codebook':
      return send(res, 200, 'html', codebookPage(options.lang, state));
    case '/paper.html':
      return good ? send(res, 200, 'html', good.files['paper.html'], PAPER_CSP) : send(res, 404, 'text', 'no build yet\n');
    case '/codebook.md':
      return good ? send(res, 200, 'md', good.files['codebook.md']) : send(res, 404, 'text', 'no build yet\n');
    case '/codebook.csv':
      return good ? send(res, 200, 'csv', good.files['codebook.csv']) : send(res, 404, 'text', 'no build yet\n');
    case '/preview.js':
      return send(res, 200, 'js', PREVIEW_JS);
    case '/preview.css':
      return send(res, 200, 'css', PREVIEW_CSS);
    case '/embed/olva.js':
      return send(res, 200, 'js', await readFile(options.embedJs, 'utf8'));
    case '/events': {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write('retry: 1000\n\n');
      announce(res, state);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    default:
      return send(res, 404, 'text', 'not found\n');
  }
}
