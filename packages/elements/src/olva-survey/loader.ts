/**
 * Fetching a compiled questionnaire from the `src` attribute. No cookies are sent
 * (`credentials: 'omit'`): the questionnaire is public and the collector may be on another site.
 */
import type { CompiledQuestionnaire } from '@olva/runtime';
import { COMPILED_FORMAT_VERSION } from '@olva/schema';
import { requestQuestionnaire, takeEarlyResponse } from './early-fetch.js';

/** Why loading failed: the network/HTTP, or a file that is not a compiled questionnaire. */
export class QuestionnaireLoadError extends Error {
  constructor(readonly reason: 'fetch' | 'format', message: string) {
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

/** Fetches and checks the compiled questionnaire at `src`. */
export async function loadQuestionnaire(src: string, signal?: AbortSignal): Promise<CompiledQuestionnaire> {
  let response: Response;
  try {
    // A request started early (see early-fetch.ts) has no signal: an abort is the caller's to
    // honour, as it does for a late answer.
    response = await (takeEarlyResponse(src) ?? requestQuestionnaire(src, signal));
  } catch (error) {
    if ((error as Error)?.name === 'AbortError') throw error;
    throw new QuestionnaireLoadError('fetch', `${src}: ${(error as Error)?.message ?? String(error)}`);
  }
  if (!response.ok) throw new QuestionnaireLoadError('fetch', `${src}: HTTP ${response.status}`);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new QuestionnaireLoadError('format', `${src}: not JSON`);
  }
  if (!isCompiledQuestionnaire(body)) {
    throw new QuestionnaireLoadError('format', `${src}: not a compiled OLVA questionnaire (kind "olva-compiled-questionnaire", formatVersion ${COMPILED_FORMAT_VERSION}): build it again with this version of olva`);
  }
  return body;
}
