/**
 * A tiny real HTTP endpoint on 127.0.0.1 that speaks the collector's `POST /v1/responses`
 * contract (docs/contracts.md §4) for browser tests: it stores every posted payload, validates it
 * against the generic payload schema and, when given, the payload schema built for one
 * questionnaire (`build/questionnaires/<id>/payload.schema.json`), and answers like the
 * collector: 201 `{submissionId, receivedAt}`, 200 with the same body on an identical replay,
 * 409 on a different payload reusing an id, 422 with `{problems}` when invalid, 415 for another
 * content type. CORS is open so that a page on another loopback port can post.
 */
import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { createAjv, toProblems, type SchemaProblem } from '@olva/schema/validate';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** One POST the endpoint received, whatever its outcome. */
export interface ReceivedRequest {
  at: number;
  status: number;
  contentType: string | undefined;
  /** The request's `Accept-Language` (the embed sends the form's language). */
  acceptLanguage: string | undefined;
  body: unknown;
  problems: SchemaProblem[];
}

/** A payload stored with a 201. */
export interface StoredPayload {
  submissionId: string;
  receivedAt: string;
  payload: Record<string, unknown>;
}

export interface CollectorEndpoint {
  /** `http://127.0.0.1:<port>/v1/responses`: what the survey's `endpoint` attribute names. */
  url: string;
  origin: string;
  /** Every POST in arrival order (replays and rejections included). */
  requests: ReceivedRequest[];
  /** Payloads stored with a 201, in order. */
  stored: StoredPayload[];
  /** The POSTs whose body names this submissionId (deliveries and replays). */
  postsFor(submissionId: string): ReceivedRequest[];
  /** Resolves when `count` payloads are stored, or rejects after `timeoutMs`. */
  waitForStored(count: number, timeoutMs?: number): Promise<StoredPayload[]>;
  /** The request handler, to mount the endpoint on another server (same origin). */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  close(): Promise<void>;
}

export interface CollectorEndpointOptions {
  /** Path of a built payload.schema.json that every payload must also satisfy. */
  payloadSchemaPath?: string;
  /** Do not listen: only build the handler (to mount on a static server). */
  noListen?: boolean;
}

/** Compiles the per-questionnaire payload schema next to the generic ones (it may $ref them). */
function compileBuiltSchema(path: string): ValidateFunction {
  const schema = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  try {
    return createAjv().compile(schema);
  } catch {
    // Same $id as a generic schema, or self-contained: compile it alone.
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    return ajv.compile(schema);
  }
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'content-type',
  'access-control-max-age': '600',
};

/** Starts the endpoint (unless `noListen`). */
export async function startCollectorEndpoint(options: CollectorEndpointOptions = {}): Promise<CollectorEndpoint> {
  const generic = createAjv().getSchema('urn:olva:schema:payload:1');
  if (!generic) throw new Error('payload schema urn:olva:schema:payload:1 not registered by createAjv()');
  const built = options.payloadSchemaPath ? compileBuiltSchema(options.payloadSchemaPath) : undefined;
  const requests: ReceivedRequest[] = [];
  const stored: StoredPayload[] = [];
  const byId = new Map<string, { canonical: string; receipt: { submissionId: string; receivedAt: string } }>();
  const waiters = new Set<() => void>();

  const reply = (res: ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...CORS });
    res.end(JSON.stringify(body));
  };

  const validate = (body: unknown): SchemaProblem[] => {
    const problems = generic(body) ? [] : toProblems(generic.errors);
    if (built && !built(body)) problems.push(...toProblems(built.errors));
    return problems;
  };

  const handle = (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path !== '/v1/responses') return false;
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS);
      res.end();
      return true;
    }
    if (req.method !== 'POST') {
      reply(res, 405, { error: 'method not allowed' });
      return true;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const contentType = req.headers['content-type'];
      const record: ReceivedRequest = { at: Date.now(), status: 0, contentType, acceptLanguage: req.headers['accept-language'], body: undefined, problems: [] };
      requests.push(record);
      const text = Buffer.concat(chunks).toString('utf8');
      if (!contentType || !/^application\/json\b/i.test(contentType)) {
        record.status = 415;
        return reply(res, 415, { error: 'content type must be application/json' });
      }
      try {
        record.body = JSON.parse(text);
      } catch {
        record.status = 422;
        record.problems = [{ pointer: '', rule: 'json', message: 'body is not JSON' }];
        return reply(res, 422, { problems: [{ pointer: '', code: 'json', message: 'body is not JSON' }] });
      }
      record.problems = validate(record.body);
      if (record.problems.length) {
        record.status = 422;
        return reply(res, 422, { problems: record.problems.map((p) => ({ pointer: p.pointer, code: p.rule, message: p.message })) });
      }
      const payload = record.body as Record<string, unknown>;
      const submissionId = String(payload.submissionId);
      const canonical = JSON.stringify(payload);
      const known = byId.get(submissionId);
      if (known) {
        record.status = known.canonical === canonical ? 200 : 409;
        return reply(res, record.status, record.status === 200 ? known.receipt : { error: 'submissionId reused by a different payload' });
      }
      const receipt = { submissionId, receivedAt: new Date().toISOString() };
      byId.set(submissionId, { canonical, receipt });
      stored.push({ ...receipt, payload });
      record.status = 201;
      reply(res, 201, receipt);
      for (const wake of waiters) wake();
    });
    return true;
  };

  let server: Server | undefined;
  let origin = '';
  if (!options.noListen) {
    server = createServer((req, res) => {
      if (!handle(req, res)) reply(res, 404, { error: 'not found' });
    });
    await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  return {
    url: `${origin}/v1/responses`,
    origin,
    requests,
    stored,
    postsFor: (id) => requests.filter((r) => (r.body as { submissionId?: unknown } | undefined)?.submissionId === id),
    waitForStored(count, timeoutMs = 15_000) {
      if (stored.length >= count) return Promise.resolve(stored.slice());
      return new Promise((done, fail) => {
        const timer = setTimeout(() => {
          waiters.delete(wake);
          fail(new Error(`endpoint: expected ${count} stored payload(s) within ${timeoutMs} ms, got ${stored.length} (requests: ${requests.map((r) => r.status).join(', ') || 'none'})`));
        }, timeoutMs);
        const wake = (): void => {
          if (stored.length < count) return;
          clearTimeout(timer);
          waiters.delete(wake);
          done(stored.slice());
        };
        waiters.add(wake);
      });
    },
    handle,
    close: () => new Promise<void>((done) => {
      if (!server) return done();
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}
