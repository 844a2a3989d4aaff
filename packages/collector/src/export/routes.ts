/**
 * Export routes (a fastify plugin), behind a bearer token with the `export` right whose
 * scope covers every territory asked for (401 without a valid token, 403 otherwise; a
 * national token may omit `territory` to export everything):
 *
 * - `GET /v1/exports/responses.csv` — data as CSV (`separator=;` for French spreadsheets,
 *   `values=labels` for labels instead of codes, `locale=en` for English labels,
 *   `missing=codes` for -7 not asked, -8 left blank, -9 not in the version answered)
 * - `GET /v1/exports/responses.xlsx` — sheets "réponses", "libellés" and "codebook" (`missing=codes` too)
 * - `GET /v1/exports/codebook.csv`, `GET /v1/exports/codebook.md` — the codebook
 * - `GET /v1/exports/responses.ndjson` — the stored payloads, one per line (for `olva analyse`)
 * - `GET /v1/exports/questionnaires.json` — the compiled versions those payloads were answered
 *   with (a JSON array of `questionnaire.json` documents)
 *
 * Personal data: the answers of questions marked `personal` go only to a token that also holds
 * `export-personal`; otherwise the CSV, XLSX and codebook have no column for them and the NDJSON
 * payloads lack them. The header `olva-personal-data` says `left-out; questions=…`, `included`
 * or `none`; `codebook.md` says it under its title (see personal.ts).
 *
 * `harmonise=true` on each of them: one column set across core versions through the
 * crosswalks the versions declare (see harmonise.ts); the codebook says which codes of which
 * version each harmonised code stands for.
 *
 * Query: `questionnaire=<id>` (required), `wave=` and `territory=<level>:<code>`, both
 * repeatable. Replies are streamed, with a `Content-Disposition: attachment` file name.
 */
import { PassThrough } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { CompiledQuestionnaire } from '@olva/schema';
import type { Authorizer, Principal, Right } from '../auth.js';
import type { QuestionnaireRegistry } from '../questionnaire-registry.js';
import type { ResponseFilter, ResponseStore, StoredResponse } from '../store/types.js';
import { text } from '../messages.js';
import { codebookCsv, codebookEntries, codebookMarkdown } from './codebook.js';
import { csvReadable } from './csv.js';
import { badParameter, exportBaseName, parseReadQuery, type ReadQuery, type ReadQueryOptions } from './query.js';
import { exportVersions } from './versions.js';
import { writeXlsx } from './xlsx.js';
import { parseMissing, type MissingMode } from './missing.js';
import { ndjsonReadable } from './ndjson.js';
import { harmonise, parseHarmonise } from './harmonise.js';
import type { CodebookOptions } from './codebook.js';
import { PERSONAL_HEADER, exportedResponses, mayHavePersonal, exportedVersions, personalHeader, personalNote, personalPolicy, type PersonalPolicy } from './personal.js';

/** The codebook options of a prepared export. */
function codebookOptions(ready: { compiled: CompiledQuestionnaire[]; missing: MissingMode; harmonise: boolean }): CodebookOptions {
  return { missing: ready.missing, ...(ready.harmonise ? { harmonisation: harmonise(ready.compiled) } : {}) };
}

/** What the export routes need from the server. */
export interface ExportRouteOptions {
  store: ResponseStore;
  registry: QuestionnaireRegistry;
  authorizer: Authorizer;
}

/** A request that passed authentication, query parsing and scope checks. */
export interface AuthorizedRead {
  query: ReadQuery;
  filter: ResponseFilter;
  /** Who asked (its scope says, e.g., whether it holds `export-personal`). */
  principal: Principal;
}

/**
 * Authenticates, parses and authorizes a read request; on refusal the reply is sent
 * (401, 400 or 403) and null is returned. `options` say what the route reads besides
 * (`parseReadQuery`): the network named (`network:all`) is authorized as the token's whole scope. Authentication comes first, so that a caller
 * without a token learns nothing, not even that its query is malformed.
 */
export async function authorizeRead(
  authorizer: Authorizer, right: Right, request: FastifyRequest, reply: FastifyReply, requireQuestionnaire: boolean, options: ReadQueryOptions = {},
): Promise<AuthorizedRead | null> {
  const header = request.headers.authorization;
  if (!authorizer.authenticate(header)) {
    const denial = authorizer.authorize(header, right, []);
    await reply.code(denial.ok ? 401 : denial.status).send(denial.ok ? { error: 'unauthorized', message: text('unauthorized.required') } : denial.body);
    return null;
  }
  const query = parseReadQuery((request.query ?? {}) as Record<string, unknown>, requireQuestionnaire, options);
  if ('error' in query) {
    await reply.code(400).send(query);
    return null;
  }
  const decision = authorizer.authorize(header, right, query.territories);
  if (!decision.ok) {
    await reply.code(decision.status).send(decision.body);
    return null;
  }
  const filter: ResponseFilter = { territories: decision.territories };
  if (query.questionnaire) filter.questionnaireId = query.questionnaire;
  if (query.waves) filter.waves = query.waves;
  return { query, filter, principal: decision.principal };
}

/**
 * The responses of a download, read from one snapshot of the store: the reply's end (sent,
 * failed, or the client gone, even before the first row) gives its slot back (`stream`).
 */
function downloaded(store: ResponseStore, filter: ResponseFilter, reply: FastifyReply): AsyncIterableIterator<StoredResponse> {
  const responses = store.stream(filter);
  reply.raw.once('close', () => { responses.return?.().catch(() => {}); });
  return responses;
}

function attachment(reply: FastifyReply, type: string, filename: string): FastifyReply {
  return reply.header('content-type', type).header('content-disposition', `attachment; filename="${filename}"`).header('cache-control', 'no-store');
}

/** The fastify plugin of the export routes. */
export const exportRoutes: FastifyPluginAsync<ExportRouteOptions> = async (app, options) => {
  const { store, registry, authorizer } = options;

  async function prepare(request: FastifyRequest, reply: FastifyReply): Promise<{ read: AuthorizedRead; compiled: CompiledQuestionnaire[]; missing: MissingMode; harmonise: boolean; personal: PersonalPolicy; whole: CompiledQuestionnaire[] } | null> {
    const read = await authorizeRead(authorizer, 'export', request, reply, true);
    if (!read) return null;
    const missing = parseMissing((request.query as Record<string, unknown>).missing);
    if (missing === null) {
      await reply.code(400).send(badParameter('missing', 'missing-value', text('bad-request.missing')));
      return null;
    }
    const harmonise = parseHarmonise((request.query as Record<string, unknown>).harmonise);
    if (harmonise === null) {
      await reply.code(400).send(badParameter('harmonise', 'harmonise-value', text('bad-request.harmonise')));
      return null;
    }
    const known = await registry.all();
    const compiled = exportVersions(known, read.query.questionnaire!, read.filter.territories);
    if (compiled.length === 0) {
      await reply.code(404).send({ error: 'not-found', message: text('not-found.questionnaire', { questionnaire: read.query.questionnaire! }) });
      return null;
    }
    const personal = personalPolicy(known, read.query.questionnaire!, mayHavePersonal(read.principal));
    reply.header(PERSONAL_HEADER, personalHeader(personal));
    return { read, compiled: exportedVersions(compiled, personal), missing, harmonise, personal, whole: compiled };
  }

  app.get('/v1/exports/responses.csv', async (request, reply) => {
    const ready = await prepare(request, reply);
    if (!ready) return reply;
    const q = request.query as Record<string, unknown>;
    const separator = q.separator === ';' || q.separator === 'semicolon' ? ';' : ',';
    const mode = q.values === 'labels' ? 'labels' : 'codes';
    const locale = q.locale === 'en' ? 'en' : 'fr';
    const body = csvReadable(ready.compiled, downloaded(store, ready.read.filter, reply), { separator, mode, locale, missing: ready.missing, harmonise: ready.harmonise });
    return attachment(reply, 'text/csv; charset=utf-8', `${exportBaseName(ready.read.query)}.csv`).send(body);
  });

  app.get('/v1/exports/responses.xlsx', async (request, reply) => {
    const ready = await prepare(request, reply);
    if (!ready) return reply;
    const locale = (request.query as Record<string, unknown>).locale === 'en' ? 'en' : 'fr';
    // Taken before the reply starts: over the limit of snapshots read at once, a 429, not a
    // workbook cut short.
    const responses = downloaded(store, ready.read.filter, reply);
    const out = new PassThrough();
    // zip.pipe(out) and fastify's pipe of `out` to the socket honour back-pressure, and
    // writeXlsx waits for them: `out` holds one high-water mark, never the workbook.
    writeXlsx(ready.compiled, () => responses, out, { locale, missing: ready.missing, harmonise: ready.harmonise }).catch((error: unknown) => {
      // A client that went away (fastify destroyed `out`) is not a failure of the server.
      if (out.destroyed) return;
      request.log.error({ err: error }, 'xlsx export failed');
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    });
    return attachment(reply, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `${exportBaseName(ready.read.query)}.xlsx`).send(out);
  });

  app.get('/v1/exports/codebook.csv', async (request, reply) => {
    const ready = await prepare(request, reply);
    if (!ready) return reply;
    const separator = (request.query as Record<string, unknown>).separator === ';' ? ';' : ',';
    const text = codebookCsv(codebookEntries(ready.compiled, undefined, codebookOptions(ready)), separator);
    return attachment(reply, 'text/csv; charset=utf-8', `${exportBaseName(ready.read.query)}_codebook.csv`).send(text);
  });

  app.get('/v1/exports/codebook.md', async (request, reply) => {
    const ready = await prepare(request, reply);
    if (!ready) return reply;
    const title = ready.compiled.map((c) => c.extension ? `${c.questionnaire.id} ${c.questionnaire.version} + ${c.extension.id} ${c.extension.version}` : `${c.questionnaire.id} ${c.questionnaire.version}`).join(', ');
    const text = codebookMarkdown(codebookEntries(ready.compiled, undefined, codebookOptions(ready)), title, personalNote(ready.personal));
    return attachment(reply, 'text/markdown; charset=utf-8', `${exportBaseName(ready.read.query)}_codebook.md`).send(text);
  });

  app.get('/v1/exports/responses.ndjson', async (request, reply) => {
    const ready = await prepare(request, reply);
    if (!ready) return reply;
    const body = ndjsonReadable(exportedResponses(downloaded(store, ready.read.filter, reply), ready.personal));
    return attachment(reply, 'application/x-ndjson; charset=utf-8', `${exportBaseName(ready.read.query)}.ndjson`).send(body);
  });

  app.get('/v1/exports/questionnaires.json', async (request, reply) => {
    const ready = await prepare(request, reply);
    if (!ready) return reply;
    // The definitions themselves, whole: they hold no answer, and `olva analyse` reads the
    // personal marks from them.
    return attachment(reply, 'application/json; charset=utf-8', `${exportBaseName(ready.read.query)}_questionnaires.json`).send(JSON.stringify(ready.whole));
  });
};
