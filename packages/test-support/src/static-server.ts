/**
 * A static file server on 127.0.0.1 for browser tests: serves files of the repository under
 * chosen URL prefixes, plus in-memory pages, with configurable response headers (e.g. a
 * Content-Security-Policy), and can hand some paths to another handler (a collector endpoint on
 * the same origin).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

/** Content types by file extension. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

/** A request handler given the paths it claims; returns false to fall through. */
export type Handler = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

export interface StaticServerOptions {
  /** URL prefix (starting and ending with `/`) → directory on disk. */
  mounts?: Record<string, string>;
  /** Exact URL path → file on disk. */
  files?: Record<string, string>;
  /** Exact URL path → in-memory body; the content type comes from the path's extension. */
  pages?: Record<string, string>;
  /** Headers added to every response, or computed per request path. */
  headers?: Record<string, string> | ((path: string) => Record<string, string>);
  /** Tried first for every request (e.g. a collector endpoint under `/v1/`). */
  handler?: Handler;
}

export interface StaticServer {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  origin: string;
  server: Server;
  /** Adds or replaces an in-memory page while the server runs. */
  setPage(path: string, body: string): void;
  close(): Promise<void>;
}

/** Starts the server on an ephemeral loopback port. */
export async function startStaticServer(options: StaticServerOptions = {}): Promise<StaticServer> {
  const pages = new Map(Object.entries(options.pages ?? {}));
  const mounts = Object.entries(options.mounts ?? {}).sort((a, b) => b[0].length - a[0].length);
  const headersFor = (path: string): Record<string, string> =>
    typeof options.headers === 'function' ? options.headers(path) : (options.headers ?? {});

  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer, path: string): void => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headersFor(path) });
    res.end(body);
  };

  const server = createServer(async (req, res) => {
    try {
      if (options.handler && (await options.handler(req, res))) return;
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed', path);
      const page = pages.get(path);
      if (page !== undefined) return send(res, 200, TYPES[extname(path)] ?? TYPES['.html']!, page, path);
      let file = options.files?.[path];
      if (!file) {
        for (const [prefix, dir] of mounts) {
          if (!path.startsWith(prefix)) continue;
          const root = resolve(dir);
          const candidate = normalize(join(root, path.slice(prefix.length)));
          // Never serve anything outside the mounted directory.
          if (candidate !== root && !candidate.startsWith(root + sep)) break;
          file = candidate;
          break;
        }
      }
      if (file) {
        const info = await stat(file).catch(() => null);
        if (info?.isDirectory()) file = join(file, 'index.html');
        const body = await readFile(file).catch(() => null);
        if (body) return send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', body, path);
      }
      send(res, 404, 'text/plain; charset=utf-8', `not found: ${path}`, path);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    server,
    setPage: (path, body) => { pages.set(path, body); },
    close: () => new Promise<void>((done) => { server.closeAllConnections(); server.close(() => done()); }),
  };
}
