/**
 * The language of the collector's replies: French unless the request's `Accept-Language`
 * prefers English. Messages are built in both languages (`messages.ts`) and put in one here,
 * when the reply is sent, with `Content-Language` saying which.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isText, type Lang, type Text } from '../messages.js';

/** Languages the collector answers in, the default first. */
const LANGS: readonly Lang[] = ['fr', 'en'];

/**
 * The language an `Accept-Language` header prefers among French and English (RFC 9110
 * §12.5.4): each range weighs its `q` (1 when absent); a range counts for its primary subtag
 * (`en-GB` is English), `*` for French. The heavier wins; on a tie the one listed first.
 * French when the header is absent, malformed or names neither.
 */
export function negotiateLanguage(header: string | string[] | undefined): Lang {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return 'fr';
  let best: Lang = 'fr';
  let bestQ = 0;
  for (const range of value.slice(0, 1000).split(',')) {
    const [tag = '', ...params] = range.split(';').map((s) => s.trim());
    const primary = tag.toLowerCase().split('-')[0];
    const lang = primary === '*' ? 'fr' : LANGS.find((l) => l === primary);
    if (!lang) continue;
    const qParam = params.find((p) => /^q\s*=/i.test(p));
    const q = qParam === undefined ? 1 : Number(qParam.replace(/^q\s*=\s*/i, ''));
    if (!Number.isFinite(q) || q < 0 || q > 1) continue;
    if (q > bestQ) {
      best = lang;
      bestQ = q;
    }
  }
  return best;
}

/** The language of a request's replies. */
export function requestLanguage(request: FastifyRequest): Lang {
  return negotiateLanguage(request.headers['accept-language']);
}

/** A reply body as the routes build it: messages in both languages. */
interface BilingualBody {
  message?: unknown;
  problems?: unknown;
}

/** The body with its `message` and its problems' messages in `lang` (others untouched). */
export function inLanguage<T>(body: T, lang: Lang): T {
  const b = body as BilingualBody;
  const out: Record<string, unknown> = { ...(body as object) };
  if (isText(b.message)) out.message = (b.message as Text)[lang];
  if (Array.isArray(b.problems)) {
    out.problems = b.problems.map((p: { message?: unknown }) => (isText(p?.message) ? { ...p, message: p.message[lang] } : p));
  }
  return out as T;
}

/** True when a body holds a message in both languages (an error, a 503…). */
function isBilingual(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const b = body as BilingualBody;
  return isText(b.message) || (Array.isArray(b.problems) && b.problems.some((p: { message?: unknown }) => isText(p?.message)));
}

/** Sets `Content-Language`, and adds `Accept-Language` to `Vary` (the body depends on it). */
export function markLanguage(reply: FastifyReply, lang: Lang): void {
  reply.header('content-language', lang);
  const vary = reply.getHeader('vary');
  const list = Array.isArray(vary) ? vary.join(', ') : vary === undefined ? '' : String(vary);
  if (!/\baccept-language\b/i.test(list)) reply.header('vary', list ? `${list}, Accept-Language` : 'Accept-Language');
}

/** A body in the request's language, with the reply's headers saying so. */
export function localise<T>(body: T, request: FastifyRequest, reply: FastifyReply): T {
  const lang = requestLanguage(request);
  markLanguage(reply, lang);
  return inLanguage(body, lang);
}

/**
 * Puts every refusal (status 400 and above) that routes send with a bilingual message into
 * the request's language; successful bodies are left as they are (some hold texts in both
 * languages on purpose, deeper down). Register on the root instance before the routes.
 */
export function localiseReplies(app: FastifyInstance): void {
  app.addHook('preSerialization', (request, reply, payload, done) => {
    done(null, reply.statusCode >= 400 && isBilingual(payload) ? localise(payload, request, reply) : payload);
  });
}
