/**
 * Starts fetching the questionnaire of every `<olva-survey src>` already in the page as soon
 * as the script runs, before the rest of the bundle is evaluated and the element upgrades:
 * the download then overlaps that work instead of following it. `loadQuestionnaire` takes the
 * response from here when there is one, so the request is the same and made once. Imported
 * first by `define`, and free of imports, so that it runs first.
 */

const early = new Map<string, Promise<Response>>();

/** The one request the loader and the early start both make. */
export function requestQuestionnaire(src: string, signal?: AbortSignal): Promise<Response> {
  return fetch(src, { credentials: 'omit', signal, headers: { accept: 'application/json' } });
}

/** The absolute URL of `src` (the key both sides use), or undefined when it does not parse. */
export function keyOf(src: string): string | undefined {
  try {
    return new URL(src, document.baseURI).href;
  } catch {
    return undefined;
  }
}

/** Starts the requests now; an answer nobody takes is let go after 30 s. */
export function prefetchQuestionnaires(root: ParentNode = document): void {
  for (const element of root.querySelectorAll('olva-survey[src]')) {
    const src = element.getAttribute('src')?.trim();
    // `#<id>` is a questionnaire inlined in the page (see loader.ts): nothing to fetch.
    const key = src && !src.startsWith('#') ? keyOf(src) : undefined;
    if (!src || !key || early.has(key)) continue;
    const response = requestQuestionnaire(src);
    // Failures are the loader's to report, when it takes the promise.
    response.catch(() => undefined);
    early.set(key, response);
    setTimeout(() => early.delete(key), 30_000);
  }
}

/** The response already requested for `src`, handed out once; undefined when there is none. */
export function takeEarlyResponse(src: string): Promise<Response> | undefined {
  const key = keyOf(src);
  const response = key ? early.get(key) : undefined;
  if (key) early.delete(key);
  return response;
}

if (typeof document !== 'undefined') prefetchQuestionnaires();
