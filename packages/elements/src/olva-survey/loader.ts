/**
 * Fetching a compiled questionnaire from the `src` attribute. No cookies are sent
 * (`credentials: 'omit'`): the questionnaire is public and the collector may be on another site.
 * A `src` of the form `#<id>` names a `<script type="application/json" id="<id>">` of the page
 * that holds the compiled questionnaire itself: the page then needs no second round trip
 * before the first question (the script is data, never run, so the CSP is not concerned).
 */
import type { CompiledQuestionnaire } from '@olva/runtime';
import { COMPILED_FORMAT_VERSION } from '@olva/schema';
import { keyOf, requestQuestionnaire, takeEarlyResponse } from './early-fetch.js';

/**
 * Why loading failed: the network/HTTP, the page's Content-Security-Policy (`connect-src`), or
 * a file that is not a compiled questionnaire.
 */
export class QuestionnaireLoadError extends Error {
  constructor(readonly reason: 'fetch' | 'policy' | 'format', message: string) {
    super(message);
    this.name = 'QuestionnaireLoadError';
  }
}

/** True when `value` looks like what `olva build` writes as questionnaire.json. */
export function isCompiledQuestionnaire(value: unknown): value is CompiledQuestionnaire {
  const q = value as Partial<CompiledQuestionnaire> | null;
  return !!q && typeof q === 'object' && q.kind === 'olva-compiled-questionnaire' && q.formatVersion === COMPILED_FORMAT_VERSION
    && Array.isArray(q.sections) && Array.isArray(q.checks) && !!q.questionnaire;
}

/** True when `src` names a questionnaire inlined in the page (`#<id>`) rather than a URL. */
function isInlineSource(src: string): boolean {
  return src.startsWith('#');
}

/** Reads and checks the questionnaire inlined in the page under `#<id>`. */
function inlineQuestionnaire(src: string): CompiledQuestionnaire {
  const holder = document.getElementById(src.slice(1));
  if (!(holder instanceof HTMLScriptElement) || holder.type !== 'application/json') {
    throw new QuestionnaireLoadError('fetch', `${src}: no <script type="application/json" id="${src.slice(1)}"> in the page`);
  }
  let body: unknown;
  try {
    body = JSON.parse(holder.textContent ?? '');
  } catch {
    throw new QuestionnaireLoadError('format', `${src}: not JSON`);
  }
  return checked(src, body);
}

/** `body` as a compiled questionnaire, or the format error that names `src`. */
function checked(src: string, body: unknown): CompiledQuestionnaire {
  if (!isCompiledQuestionnaire(body)) {
    throw new QuestionnaireLoadError('format', `${src}: not a compiled OLVA questionnaire (kind "olva-compiled-questionnaire", formatVersion ${COMPILED_FORMAT_VERSION}): build it again with this version of olva`);
  }
  return body;
}

/** Fetches (or reads, for `#<id>`) and checks the compiled questionnaire at `src`. */
export async function loadQuestionnaire(src: string, signal?: AbortSignal): Promise<CompiledQuestionnaire> {
  if (isInlineSource(src)) return inlineQuestionnaire(src);
  let response: Response;
  try {
    // A request started early (see early-fetch.ts) has no signal: an abort is the caller's to
    // honour, as it does for a late answer.
    response = await (takeEarlyResponse(src) ?? requestQuestionnaire(src, signal));
  } catch (error) {
    if ((error as Error)?.name === 'AbortError') throw error;
    // A request that the page's Content-Security-Policy refuses fails as a network error does;
    // only the browser's report of the violation tells the web team that their own page is the
    // cause. Chromium fires it after the rejection, in a task queued with the request: before
    // the next timer, and so after a request started early (early-fetch.ts) as well. Only a
    // connect-src report of this URL counts (an image that img-src blocks meanwhile is not the
    // questionnaire's); it names the URL asked for even when a redirect led elsewhere (CSP3: the
    // request's url, not its current url), without the fragment, as every report does.
    const url = keyOf(src)?.split('#')[0];
    const refused = await new Promise((resolve) => {
      const seen = (e: SecurityPolicyViolationEvent) => e.effectiveDirective == 'connect-src' && e.blockedURI == url && done(true);
      // The listener goes with the timer: left behind, it would wait for any later violation.
      const done = (about?: true) => {
        removeEventListener('securitypolicyviolation', seen);
        resolve(about);
      };
      addEventListener('securitypolicyviolation', seen);
      setTimeout(done);
    });
    throw new QuestionnaireLoadError(refused ? 'policy' : 'fetch', `${src}: ${(error as Error)?.message ?? String(error)}`);
  }
  if (!response.ok) throw new QuestionnaireLoadError('fetch', `${src}: HTTP ${response.status}`);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new QuestionnaireLoadError('format', `${src}: not JSON`);
  }
  return checked(src, body);
}
