/**
 * What fastify and the static files refuse themselves (error-replies.ts) is worded by the
 * collector, with a code that says it: a hidden file, an unmet condition, a range outside the
 * file, a path segment too long had `bad-request` and fastify's English (« requête refusée :
 * Range Not Satisfiable »).
 */
import { describe, expect, it } from 'vitest';
import { sqliteBackend } from '@olva/test-support/store-backends';
import { testCollectorOn } from '@olva/test-support/test-collector';

describe('refusals made by fastify and the static files, over real HTTP on SQLite', () => {
  const server = testCollectorOn(sqliteBackend());
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(new URL(path, server.url), { headers });
    return { status: res.status, language: res.headers.get('content-language'), body: await res.json() as { error: string; message: string } };
  };

  it('names each with its own code, in French by default and in English when asked', async () => {
    const cases: [string, Record<string, string>, number, string, string][] = [
      ['/suivi/.hidden', {}, 403, 'forbidden', 'ce fichier n’est pas servi (fichier caché, ou chemin qui sort de son dossier)'],
      ['/suivi/..%2f..%2fpackage.json', {}, 403, 'forbidden', 'ce fichier n’est pas servi (fichier caché, ou chemin qui sort de son dossier)'],
      ['/suivi/', { range: 'bytes=999999-' }, 416, 'range-not-satisfiable', 'la plage demandée (Range) ne tient pas dans le fichier'],
      ['/suivi/index.html', { 'if-match': '"not-this-one"' }, 412, 'precondition-failed', 'la condition de la requête (If-Match, If-Unmodified-Since) n’est pas remplie'],
      [`/v1/communes/${'a'.repeat(101)}`, {}, 414, 'uri-too-long', 'adresse trop longue : un segment du chemin dépasse 100 caractères'],
    ];
    for (const [path, headers, status, error, message] of cases) {
      expect(await get(path, headers), path).toEqual({ status, language: 'fr', body: { error, message } });
      const en = await get(path, { ...headers, 'accept-language': 'en' });
      expect(en.status).toBe(status);
      expect(en.language).toBe('en');
      expect(en.body.message).not.toBe(message);
    }
  });
});
