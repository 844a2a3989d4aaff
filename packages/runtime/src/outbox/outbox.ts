/**
 * Delivery of responses to the collector, without losing or duplicating one. A payload is
 * saved in the store before the first send and removed only once the collector has answered
 * 2xx with its own JSON receipt for that submissionId (a captive portal's 200 page is not a
 * delivery). Network errors, 5xx, 408 and 429 are retried with exponential backoff (at most
 * five minutes apart, or when `Retry-After` says); the network back or a new visit cuts the
 * backoff short, not the collector's `Retry-After`. Any other 4xx, 409 included (a different
 * payload reused the id), is final. Every send happens under a Web Lock per endpoint, after
 * re-reading the entry, so two tabs never send one response twice.
 */
import type { ResponsePayload } from '@olva/schema';
import type { DeliveryEvent, DeliveryReceipt, OutboxEntry, SubmitResult } from '../types.js';
import { IndexedDbOutboxStore, MemoryOutboxStore, type OutboxStore } from './store.js';
import { backoffDelay, retryAfterDelay } from './backoff.js';
import { hasWebLocks, withLock } from './lock.js';

/** Options of an `Outbox`. */
export interface OutboxOptions {
  /**
   * The collector: its base URL (`https://collecte.example.org`, `/`) or the full URL of
   * `POST /v1/responses`; `/v1/responses` is appended when the URL does not end with it.
   */
  endpoint: string;
  /** Where entries wait; defaults to IndexedDB when the platform has it, else memory. */
  store?: OutboxStore;
  /** The fetch function (defaults to the global one). */
  fetch?: typeof fetch;
  /** Told of every queued, delivered, retried and rejected response. */
  onEvent?: (event: DeliveryEvent) => void;
  /** Clock in epoch ms, for tests. */
  now?: () => number;
  /** Random number in [0, 1) for the backoff jitter, for tests. */
  random?: () => number;
  /** Longest wait for one request, in ms (default 30 s): a hung request is a network error. */
  timeoutMs?: number;
  /**
   * The respondent's language (`fr`, `en`), read at each sending and sent as
   * `Accept-Language`, so that the collector words a refusal's messages in it (French when
   * absent). A response that waited goes with the language of the form that sends it.
   */
  language?: () => string | undefined;
}

/** How long a tab owns an entry it is about to send, so that other tabs leave it alone. */
const LEASE_MS = 60_000;

/** The URL responses are posted to. */
export function responsesUrl(endpoint: string): string {
  const trimmed = endpoint.replace(/\/+$/, '');
  return /\/v1\/responses$/.test(trimmed) ? trimmed : `${trimmed}/v1/responses`;
}

type Attempt =
  | { outcome: 'delivered'; receipt: DeliveryReceipt }
  | { outcome: 'retry' }
  | { outcome: 'rejected'; status: number; problems: unknown }
  | { outcome: 'gone' };

/** The outbox of one collector endpoint. */
export class Outbox {
  /** The URL responses are posted to. */
  readonly endpoint: string;
  #store: OutboxStore;
  readonly #fetchFn: typeof fetch;
  readonly #onEvent: (event: DeliveryEvent) => void;
  readonly #now: () => number;
  readonly #random: () => number;
  readonly #timeoutMs: number;
  readonly #language: () => string | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #flushing: Promise<number> | undefined;
  /** A flush was asked for now: the next pass sends what waits out its backoff. */
  #urgent = false;
  #closed = false;

  constructor(options: OutboxOptions) {
    this.endpoint = responsesUrl(options.endpoint);
    this.#store = options.store ?? (IndexedDbOutboxStore.available() ? new IndexedDbOutboxStore() : new MemoryOutboxStore());
    this.#fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#onEvent = options.onEvent ?? (() => undefined);
    this.#now = options.now ?? Date.now;
    this.#random = options.random ?? Math.random;
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#language = options.language ?? (() => undefined);
  }

  get #lockName(): string {
    return `olva-outbox:${this.endpoint}`;
  }

  /**
   * Saves the payload, then tries to send it. Resolves with the collector's receipt, with
   * `{ queued: true }` when it will be retried later (offline, server busy…), or with
   * `{ rejected: true, status, problems }` when the collector refused it for good.
   * When the store refuses to save (IndexedDB blocked or full), the outbox goes on in memory
   * for the rest of the visit: sending without a durable copy beats not sending.
   */
  async submit(payload: ResponsePayload): Promise<SubmitResult> {
    const at = this.#now();
    const id = payload.submissionId;
    const entry: OutboxEntry = {
      submissionId: id, endpoint: this.endpoint, payload, attempts: 0,
      nextAttemptAt: at, queuedAt: at, inFlightUntil: at + LEASE_MS,
    };
    try {
      await this.#store.put(entry);
    } catch {
      this.#store = new MemoryOutboxStore();
      await this.#store.put(entry);
    }
    this.#onEvent({ type: 'queued', submissionId: id });
    const attempt = await withLock(this.#lockName, () => this.#attempt(id));
    await this.#schedule();
    switch (attempt.outcome) {
      case 'delivered': return attempt.receipt;
      case 'rejected': return { rejected: true, submissionId: id, status: attempt.status, problems: attempt.problems };
      // Another tab delivered it meanwhile; its receipt stayed there.
      case 'gone': return { submissionId: id, receivedAt: '' };
      default: return { queued: true, submissionId: id };
    }
  }

  /**
   * Sends every entry that is due. Resolves with the number of responses still waiting for
   * this endpoint. Calls made while a flush runs share it.
   * @param now true on load and on the `online` event: that is news the backoff did not
   *   know of, so every entry waiting out its backoff goes now too. Not one another tab is
   *   sending (its lease), nor one whose wait the collector asked for with `Retry-After`.
   *   Asked while a flush runs, it makes that flush go round once more.
   */
  flush(now = false): Promise<number> {
    if (this.#closed) return this.pending();
    this.#urgent ||= now;
    return (this.#flushing ??= this.#runFlush().finally(() => {
      this.#flushing = undefined;
    }));
  }

  /** The number of responses waiting for this endpoint. */
  async pending(): Promise<number> {
    return (await this.#entries()).length;
  }

  /** The responses waiting for this endpoint, oldest first (to tell a returning respondent about theirs). */
  waiting(): Promise<OutboxEntry[]> {
    return this.#entries();
  }

  /** Stops the retry timer; the entries stay in the store for the next visit. */
  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
  }

  async #entries(): Promise<OutboxEntry[]> {
    return (await this.#store.list())
      .filter((e) => e.endpoint === this.endpoint)
      .sort((a, b) => a.queuedAt - b.queuedAt);
  }

  async #runFlush(): Promise<number> {
    do {
      const forced = this.#urgent;
      this.#urgent = false;
      await withLock(this.#lockName, async () => {
        for (const entry of await this.#entries()) {
          if (this.#closed) break;
          const now = this.#now();
          if ((entry.nextAttemptAt > now && !forced) || (entry.inFlightUntil ?? 0) > now) continue;
          await this.#attempt(entry.submissionId);
        }
      });
      await this.#schedule();
    } while (this.#urgent && !this.#closed);
    return this.pending();
  }

  /** Arms the timer for the next entry due. */
  async #schedule(): Promise<void> {
    const entries = await this.#entries();
    // clearTimeout takes a timer that already ran: no need to forget its id.
    clearTimeout(this.#timer);
    if (entries.length === 0 || this.#closed) return;
    const due = Math.min(...entries.map((e) => Math.max(e.nextAttemptAt, e.inFlightUntil ?? 0)));
    this.#timer = setTimeout(() => void this.flush().catch(() => undefined), Math.max(0, due - this.#now()));
  }

  /** One delivery attempt; the caller holds the lock. */
  async #attempt(id: string): Promise<Attempt> {
    const entry = await this.#store.get(id);
    if (!entry) return { outcome: 'gone' };
    entry.attempts += 1;
    // Under Web Locks this attempt holds the lock to its end, so another tab would see its lease
    // (or submit's) only once this page is gone, reloaded or closed mid-send: it would hold the
    // next visit back a minute for nothing.
    entry.inFlightUntil = hasWebLocks() ? undefined : this.#now() + LEASE_MS;
    await this.#store.put(entry);

    let response: Response;
    const abort = new AbortController();
    const timeout = setTimeout(() => abort.abort(), this.#timeoutMs);
    const language = this.#language();
    try {
      response = await this.#fetchFn(this.endpoint, {
        method: 'POST',
        // Accept-Language is a CORS-safelisted header: it adds nothing to the preflight.
        headers: { 'content-type': 'application/json', accept: 'application/json', ...(language ? { 'accept-language': language } : {}) },
        body: JSON.stringify(entry.payload),
        credentials: 'omit',
        signal: abort.signal,
      });
    } catch (error) {
      return this.#retry(entry, null, `network error: ${(error as Error)?.message ?? String(error)}`);
    } finally {
      clearTimeout(timeout);
    }

    const status = response.status;
    if (status >= 200 && status < 300) {
      const receipt = await readReceipt(response, id);
      if (!receipt) return this.#retry(entry, null, `HTTP ${status} without the collector's receipt (captive portal or proxy?)`);
      await this.#store.delete(id);
      this.#onEvent({ type: 'delivered', submissionId: id, receipt });
      return { outcome: 'delivered', receipt };
    }
    // 1xx and 3xx too: neither is the collector's answer.
    if (status < 400 || status >= 500 || status === 408 || status === 429) {
      return this.#retry(entry, response.headers.get('retry-after'), `HTTP ${status}`);
    }
    const problems = await readJson(response);
    await this.#store.delete(id);
    this.#onEvent({ type: 'rejected', submissionId: id, status, problems });
    return { outcome: 'rejected', status, problems };
  }

  async #retry(entry: OutboxEntry, retryAfter: string | null, reason: string): Promise<Attempt> {
    const now = this.#now();
    const asked = retryAfterDelay(retryAfter, now);
    const inMs = asked ?? backoffDelay(entry.attempts, this.#random);
    entry.nextAttemptAt = now + inMs;
    // The wait the collector asked for is held like a lease: a flush asked for now keeps it.
    entry.inFlightUntil = asked === null ? undefined : entry.nextAttemptAt;
    await this.#store.put(entry);
    this.#onEvent({ type: 'retrying', submissionId: entry.submissionId, inMs, reason });
    return { outcome: 'retry' };
  }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return JSON.parse(await response.text());
  } catch {
    return null;
  }
}

/** The collector's receipt for `id` in a 2xx body, or null when the body is anything else. */
async function readReceipt(response: Response, id: string): Promise<DeliveryReceipt | null> {
  const body = await readJson(response);
  if (body === null || typeof body !== 'object') return null;
  const { submissionId, receivedAt } = body as Record<string, unknown>;
  if (submissionId !== id || typeof receivedAt !== 'string') return null;
  return { submissionId, receivedAt };
}
