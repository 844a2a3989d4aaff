/**
 * When to try again: exponential backoff with jitter, capped at five minutes, unless the
 * collector said when with `Retry-After` (seconds or an HTTP date).
 */

/** First delay, in ms. */
export const BASE_DELAY_MS = 1_000;
/** Longest delay of the exponential backoff, in ms (five minutes). */
export const MAX_DELAY_MS = 5 * 60_000;
/** Longest `Retry-After` honoured, in ms: beyond a day the header is not believed. */
const MAX_RETRY_AFTER_MS = 24 * 3_600_000;

/**
 * Delay before attempt `attempt + 1` after `attempt` failures (attempt ≥ 1): 1 s, 2 s, 4 s…
 * up to 5 min, each scaled by a random factor in [0.5, 1] so that many clients coming back
 * online at once do not all retry in step.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const exponential = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential * (0.5 + random() / 2));
}

/**
 * The delay a `Retry-After` header asks for, in ms, or null when absent or unreadable.
 * Accepts delta-seconds ("120") and an HTTP date; a date in the past means now.
 */
export function retryAfterDelay(header: string | null | undefined, now: number): number | null {
  if (header === null || header === undefined) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Math.min(MAX_RETRY_AFTER_MS, Number(text) * 1_000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, date - now));
}
