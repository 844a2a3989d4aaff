/**
 * Fetching a results document: a static file (`results.json`) or the collector's public
 * route (`/v1/public/results/<level:code>/<wave>`). No cookies are sent: published results
 * are public and the collector may be on another site.
 */
import type { ResultsDocument } from '@olva/analysis';

/** Why loading failed: the network, HTTP 404 (not published), another status, or the format. */
export class ResultsLoadError extends Error {
  constructor(readonly reason: 'fetch' | 'not-found' | 'format', message: string) {
    super(message);
    this.name = 'ResultsLoadError';
  }
}

/** True when `value` has the shape of `schemas/results.schema.json` that the element reads. */
export function isResultsDocument(value: unknown): value is ResultsDocument {
  const d = value as Partial<ResultsDocument> | null;
  return !!d && typeof d === 'object' && d.kind === 'olva-results' && d.formatVersion === 1
    && Array.isArray(d.groups) && !!d.rules && typeof d.rules.minCell === 'number';
}

/** Fetches and checks the document at `src`. */
export async function loadResults(src: string, signal?: AbortSignal): Promise<ResultsDocument> {
  let response: Response;
  try {
    response = await fetch(src, { credentials: 'omit', headers: { accept: 'application/json' }, signal });
  } catch (error) {
    if ((error as Error)?.name === 'AbortError') throw error;
    throw new ResultsLoadError('fetch', `${src}: ${(error as Error)?.message ?? String(error)}`);
  }
  if (response.status === 404) throw new ResultsLoadError('not-found', `${src}: HTTP 404`);
  if (!response.ok) throw new ResultsLoadError('fetch', `${src}: HTTP ${response.status}`);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ResultsLoadError('format', `${src}: not JSON`);
  }
  if (!isResultsDocument(body)) throw new ResultsLoadError('format', `${src}: not an OLVA results document (kind "olva-results", formatVersion 1)`);
  return body;
}
