/**
 * Error messages in the request's language, over real HTTP: French by default, English when
 * `Accept-Language` prefers it; the codes, pointers and statuses never change with it.
 */
import { describe, expect, it } from 'vitest';
import { sqliteBackend } from '@olva/test-support/store-backends';
import { testCollectorOn, TEST_TOKENS } from '@olva/test-support/test-collector';
import { corePayload } from '@olva/test-support/collector-questionnaires';

interface Reply { status: number; language: string | null; vary: string | null; body: any }

describe('the collector\'s error messages', () => {
  const backend = sqliteBackend();
  const server = testCollectorOn(backend);

  async function call(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}, language?: string): Promise<Reply> {
    const r = await fetch(new URL(path, server.url), { ...init, headers: { ...init.headers, ...(language ? { 'accept-language': language } : {}) } });
    const text = await r.text();
    return { status: r.status, language: r.headers.get('content-language'), vary: r.headers.get('vary'), body: text ? JSON.parse(text) : undefined };
  }
  const postJson = (body: string) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

  it('are French by default, English on "Accept-Language: en", with the same code', async () => {
    const fr = await call('/nowhere');
    expect(fr).toMatchObject({ status: 404, language: 'fr', body: { error: 'not-found', message: 'aucune route GET /nowhere' } });
    expect(fr.vary).toMatch(/accept-language/i);
    const en = await call('/nowhere', {}, 'en');
    expect(en).toMatchObject({ status: 404, language: 'en', body: { error: 'not-found', message: 'no route GET /nowhere' } });
  });

  it('follow the q-values, and fall back to French for a language the collector does not speak', async () => {
    expect((await call('/nowhere', {}, 'en-GB;q=0.9, fr;q=0.8')).body.message).toBe('no route GET /nowhere');
    expect((await call('/nowhere', {}, 'fr;q=0.9, en;q=0.8')).body.message).toBe('aucune route GET /nowhere');
    const german = await call('/nowhere', {}, 'de-DE');
    expect(german.language).toBe('fr');
    expect(german.body.message).toBe('aucune route GET /nowhere');
  });

  it('reach every path a refusal takes: tokens, route bodies, the error handler, the framework', async () => {
    const cases: [string, Parameters<typeof call>[1], number, string, string, string][] = [
      // The authorizer (401, 403).
      ['/v1/responses', {}, 401, 'unauthorized', 'cette requête demande un en-tête « Authorization: Bearer <jeton> »', 'this request needs an "Authorization: Bearer <token>" header'],
      ['/v1/responses?territory=departement:56', bearer(TEST_TOKENS.rennes), 403, 'forbidden', 'le jeton « rennes » ne couvre pas departement:56', 'token "rennes" does not cover departement:56'],
      // A body a route sends itself (the export routes' 400).
      ['/v1/exports/responses.csv?questionnaire=olva-core&missing=maybe', bearer(TEST_TOKENS.national), 400, 'bad-request', 'missing doit valoir « empty »', 'missing must be "empty"'],
      // An HttpError thrown by the body reader.
      ['/v1/responses', postJson('{"kind":'), 400, 'malformed-json', 'le corps n’est pas du JSON valide', 'the body is not valid JSON'],
      // Fastify's own refusal, reworded.
      ['/v1/responses', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' }, 415, 'unsupported-media-type', 'envoyez du JSON', 'send JSON'],
      // A known path with another method.
      ['/v1/responses', { method: 'PATCH' }, 405, 'method-not-allowed', 'PATCH n’est pas permis sur /v1/responses', 'PATCH is not allowed on /v1/responses'],
    ];
    for (const [path, init, status, error, fr, en] of cases) {
      const inFrench = await call(path, init);
      const inEnglish = await call(path, init, 'en-GB;q=0.9, fr;q=0.8');
      for (const [reply, words, language] of [[inFrench, fr, 'fr'], [inEnglish, en, 'en']] as const) {
        expect(reply.status, `${path} ${language}`).toBe(status);
        expect(reply.body.error).toBe(error);
        expect(reply.language).toBe(language);
        expect(reply.body.message).toContain(words);
      }
    }
  });

  it('word a response\'s problems in the asked language, at the same pointers with the same codes', async () => {
    const payload = JSON.stringify(corePayload({ startedAt: '2126-03-01T10:00:00.000Z', submittedAt: '2026-03-01T10:07:00.000Z', territory: { level: 'commune', code: '99999' } }));
    const fr = await call('/v1/responses', postJson(payload));
    const en = await call('/v1/responses', postJson(payload), 'en');
    expect(fr.status).toBe(422);
    expect(en.status).toBe(422);
    const codes = (r: Reply) => r.body.problems.map((p: { pointer: string; code: string }) => `${p.pointer} ${p.code}`);
    expect(codes(fr)).toEqual(['/startedAt future-time', '/submittedAt submitted-before-start', '/territory/code unknown-territory']);
    expect(codes(en)).toEqual(codes(fr));
    expect(fr.body.message).toBe('la réponse a 3 problèmes');
    expect(en.body.message).toBe('the response has 3 problems');
    expect(fr.body.problems[2].message).toBe('« 99999 » n’est pas un code officiel de niveau commune');
    expect(en.body.problems[2].message).toBe('"99999" is not an official commune code');
    // The payload contract's problems are worded by the compiler's schema messages.
    const schema = await call('/v1/responses', postJson(JSON.stringify({ ...corePayload(), channel: undefined })));
    expect(schema.body.problems).toEqual([{ pointer: '', code: 'schema/required', message: 'propriété obligatoire « channel » absente' }]);
  });

  it('leave replies without a message alone', async () => {
    const ok = await call('/health', {}, 'en');
    expect(ok).toMatchObject({ status: 200, language: null, body: { status: 'ok' } });
  });
});
