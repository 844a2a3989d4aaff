/**
 * The collector's `GET /v1/communes` and `GET /v1/communes/<code>` for the test site, answered
 * by the collector's own code (`@olva/collector`), so that the commune picker is tested against
 * the real search over the official geography.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerCommuneLookup, answerCommuneSearch, negotiateLanguage } from '@olva/collector';

/** Answers a commune request; false for any other path. */
export function handleCommunes(req: IncomingMessage, res: ServerResponse): boolean {
  const url = new URL(req.url ?? '/', 'http://x');
  const prefix = '/v1/communes/';
  if (url.pathname !== '/v1/communes' && !url.pathname.startsWith(prefix)) return false;
  const param = (name: string) => {
    const all = url.searchParams.getAll(name);
    return all.length > 1 ? all : all[0];
  };
  const answer = url.pathname === '/v1/communes'
    ? answerCommuneSearch({ q: param('q'), limit: param('limit') })
    : answerCommuneLookup(decodeURIComponent(url.pathname.slice(prefix.length)));
  // A refusal's message in the request's language, as the collector sends it.
  const lang = negotiateLanguage(req.headers['accept-language']);
  const body = answer.status === 200 ? answer.body : { ...answer.body, message: answer.body.message[lang] };
  res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*' });
  res.end(JSON.stringify(body));
  return true;
}
