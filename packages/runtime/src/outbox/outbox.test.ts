import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import type { ResponsePayload } from '@olva/schema';
import { Outbox, responsesUrl } from './outbox.js';
import { IndexedDbOutboxStore, MemoryOutboxStore, type OutboxStore } from './store.js';
import { backoffDelay, retryAfterDelay, MAX_DELAY_MS } from './backoff.js';
import type { DeliveryEvent } from '../types.js';

const ENDPOINT = 'https://collecte.example.org';
const URL_ = `${ENDPOINT}/v1/responses`;

function payload(id = '0193a0c4-0000-4000-8000-000000000001'): ResponsePayload {
  return {
    kind: 'olva-response', specVersion: 1, submissionId: id,
    questionnaire: { id: 'olva-core', version: '2026.1.0' }, extension: null,
    territory: { level: 'commune', code: '35238' }, wave: '2026', channel: 'web', locale: 'fr',
    startedAt: '2026-03-01T10:00:00Z', submittedAt: '2026-03-01T10:05:00Z',
    client: { name: 'test', version: '0' }, answers: { secteur: 'sport' },
  };
}

const receipt = (id: string, status = 201) =>
  new Response(JSON.stringify({ submissionId: id, receivedAt: '2026-03-01T10:05:01Z' }), { status, headers: { 'content-type': 'application/json' } });

type Reply = (body: ResponsePayload, init: RequestInit) => Response | Promise<Response>;

/** A stub fetch that answers with the replies in order (the last one repeats). */
function stubFetch(...replies: Reply[]) {
  const calls: ResponsePayload[] = [];
  const fn = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    expect(String(url)).toBe(URL_);
    expect(init?.method).toBe('POST');
    const body = JSON.parse(String(init!.body)) as ResponsePayload;
    calls.push(body);
    return replies[Math.min(calls.length - 1, replies.length - 1)](body, init!);
  });
  return { fetch: fn as unknown as typeof fetch, calls };
}

function recorder() {
  const events: DeliveryEvent[] = [];
  const waiters: { type: string; resolve: (e: DeliveryEvent) => void }[] = [];
  return {
    events,
    onEvent: (e: DeliveryEvent) => {
      events.push(e);
      for (const w of waiters.splice(0)) (w.type === e.type ? w.resolve(e) : waiters.push(w));
    },
    next: (type: DeliveryEvent['type']) => new Promise<DeliveryEvent>((resolve) => waiters.push({ type, resolve })),
  };
}

let factory: IDBFactory;
let store: IndexedDbOutboxStore;
let outboxes: Outbox[] = [];

function makeOutbox(fetchFn: typeof fetch, onEvent?: (e: DeliveryEvent) => void, s: OutboxStore = store) {
  const o = new Outbox({ endpoint: ENDPOINT, store: s, fetch: fetchFn, onEvent, random: () => 1 });
  outboxes.push(o);
  return o;
}

/** An outbox whose collector first answers `status` with `Retry-After: 120`, then takes the response. */
function askedToWait(status: number) {
  const rec = recorder();
  const { fetch, calls } = stubFetch(
    () => new Response('busy', { status, headers: { 'retry-after': '120' } }),
    (b) => receipt(b.submissionId),
  );
  return { rec, calls, outbox: makeOutbox(fetch, rec.onEvent) };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(new Date('2026-03-01T10:05:00Z'));
  factory = new IDBFactory();
  store = new IndexedDbOutboxStore('olva-outbox-test', factory);
});

afterEach(() => {
  for (const o of outboxes) o.close();
  outboxes = [];
  store.close();
  vi.useRealTimers();
});

describe('Outbox delivery', () => {
  it('saves the payload before the first send and removes it after the collector receipt', async () => {
    const p = payload();
    const rec = recorder();
    const { fetch, calls } = stubFetch(async (body) => {
      expect((await store.get(body.submissionId))?.payload).toEqual(p);
      return receipt(body.submissionId);
    });
    const result = await makeOutbox(fetch, rec.onEvent).submit(p);
    expect(result).toEqual({ submissionId: p.submissionId, receivedAt: '2026-03-01T10:05:01Z' });
    expect(calls).toEqual([p]);
    expect(await store.list()).toEqual([]);
    expect(rec.events.map((e) => e.type)).toEqual(['queued', 'delivered']);
  });

  it('sends the respondent\'s language as Accept-Language, read at each sending, and none when it has none', async () => {
    const headers: Record<string, string>[] = [];
    const { fetch } = stubFetch((b, init) => {
      headers.push(init.headers as Record<string, string>);
      return receipt(b.submissionId);
    });
    let language = 'en';
    const outbox = new Outbox({ endpoint: ENDPOINT, store, fetch, random: () => 1, language: () => language });
    outboxes.push(outbox);
    await outbox.submit(payload());
    language = 'fr';
    await outbox.submit({ ...payload(), submissionId: '00000000-0000-4000-8000-000000000002' });
    await makeOutbox(fetch).submit({ ...payload(), submissionId: '00000000-0000-4000-8000-000000000003' });
    expect(headers.map((h) => h['accept-language'])).toEqual(['en', 'fr', undefined]);
  });

  it('accepts 200 with the receipt (payload sent again)', async () => {
    const { fetch } = stubFetch((b) => receipt(b.submissionId, 200));
    const outbox = makeOutbox(fetch);
    expect(await outbox.submit(payload())).toMatchObject({ submissionId: payload().submissionId });
    expect(await outbox.pending()).toBe(0);
  });

  it('does not take a captive portal 200 page, nor another id, for a delivery', async () => {
    const rec = recorder();
    const { fetch, calls } = stubFetch(
      () => new Response('<html><body>Connectez-vous au Wi-Fi</body></html>', { status: 200, headers: { 'content-type': 'text/html' } }),
      () => new Response(JSON.stringify({ submissionId: 'someone-else', receivedAt: 'x' }), { status: 201 }),
      (b) => receipt(b.submissionId),
    );
    const outbox = makeOutbox(fetch, rec.onEvent);
    expect(await outbox.submit(payload())).toEqual({ queued: true, submissionId: payload().submissionId });
    expect(await outbox.pending()).toBe(1);
    const retry = rec.events.at(-1) as Extract<DeliveryEvent, { type: 'retrying' }>;
    expect(retry.type).toBe('retrying');
    expect(retry.reason).toMatch(/captive portal/);

    let next = rec.next('retrying');
    await vi.advanceTimersByTimeAsync(retry.inMs);
    await next;
    await outbox.flush(); // lets the flush under way re-arm its timer
    expect(calls).toHaveLength(2);
    expect(await outbox.pending()).toBe(1);

    next = rec.next('delivered');
    await vi.advanceTimersByTimeAsync(MAX_DELAY_MS);
    await next;
    expect(calls).toHaveLength(3);
    expect(await outbox.pending()).toBe(0);
  });

  it('never retries a 400: rejected and removed', async () => {
    const rec = recorder();
    const problems = [{ pointer: '/answers/x', code: 'unknown-question', message: 'no' }];
    const { fetch, calls } = stubFetch(() => new Response(JSON.stringify(problems), { status: 422 }));
    const outbox = makeOutbox(fetch, rec.onEvent);
    const result = await outbox.submit(payload());
    expect(result).toEqual({ rejected: true, submissionId: payload().submissionId, status: 422, problems });
    expect(await store.list()).toEqual([]);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(calls).toHaveLength(1);
    expect(rec.events.map((e) => e.type)).toEqual(['queued', 'rejected']);
  });

  it('reports a 409 (another payload with this id) as rejected and keeps it out of the queue', async () => {
    const { fetch, calls } = stubFetch(() => new Response('{"error":"conflict"}', { status: 409 }));
    const outbox = makeOutbox(fetch);
    expect(await outbox.submit(payload())).toMatchObject({ rejected: true, status: 409 });
    expect(await outbox.pending()).toBe(0);
    await outbox.flush();
    expect(calls).toHaveLength(1);
  });

  it('honours Retry-After on a 429', async () => {
    const { rec, calls, outbox } = askedToWait(429);
    expect(await outbox.submit(payload())).toMatchObject({ queued: true });
    expect(rec.events.at(-1)).toMatchObject({ type: 'retrying', inMs: 120_000, reason: 'HTTP 429' });
    await vi.advanceTimersByTimeAsync(119_000);
    expect(calls).toHaveLength(1);
    const delivered = rec.next('delivered');
    await vi.advanceTimersByTimeAsync(1_000);
    await delivered;
    expect(calls).toHaveLength(2);
    expect(await outbox.pending()).toBe(0);
  });

  it('retries a 503 with exponential backoff, and a network error too', async () => {
    const rec = recorder();
    const { fetch, calls } = stubFetch(
      () => new Response('down', { status: 503 }),
      () => { throw new TypeError('Failed to fetch'); },
      () => new Response('timeout', { status: 408 }),
      (b) => receipt(b.submissionId),
    );
    const outbox = makeOutbox(fetch, rec.onEvent);
    await outbox.submit(payload());
    for (const delay of [1_000, 2_000, 4_000]) {
      expect(rec.events.at(-1)).toMatchObject({ type: 'retrying', inMs: delay });
      await vi.advanceTimersByTimeAsync(delay - 1);
      const before = calls.length;
      expect(before).toBe([1_000, 2_000, 4_000].indexOf(delay) + 1);
      const next = rec.next(delay === 4_000 ? 'delivered' : 'retrying');
      await vi.advanceTimersByTimeAsync(1);
      await next;
      await outbox.flush(); // lets the flush under way re-arm its timer
      expect(calls).toHaveLength(before + 1);
    }
    expect(rec.events.filter((e) => e.type === 'retrying').map((e) => (e as { reason: string }).reason))
      .toEqual(['HTTP 503', 'network error: Failed to fetch', 'HTTP 408']);
    expect(await outbox.pending()).toBe(0);
  });

  it('treats a hung request as a network error after the timeout', async () => {
    const rec = recorder();
    let started!: () => void;
    const sent = new Promise<void>((resolve) => { started = resolve; });
    const { fetch } = stubFetch((_b, init) => new Promise<Response>((_resolve, reject) => {
      init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      started();
    }));
    const outbox = new Outbox({ endpoint: ENDPOINT, store, fetch, onEvent: rec.onEvent, timeoutMs: 10_000 });
    outboxes.push(outbox);
    const result = outbox.submit(payload());
    const retrying = rec.next('retrying');
    await sent;
    await vi.advanceTimersByTimeAsync(10_000);
    await retrying;
    expect(await result).toMatchObject({ queued: true });
    expect(await outbox.pending()).toBe(1);
  });

  it('resumes on the next visit: a new Outbox finds and sends what is left', async () => {
    const first = stubFetch(() => { throw new TypeError('offline'); });
    const tab1 = makeOutbox(first.fetch);
    await tab1.submit(payload('0193a0c4-0000-4000-8000-00000000000a'));
    await tab1.submit(payload('0193a0c4-0000-4000-8000-00000000000b'));
    tab1.close();
    store.close();

    // Next visit: a new page, a new connection to the same database.
    const reopened = new IndexedDbOutboxStore('olva-outbox-test', factory);
    const second = stubFetch((b) => receipt(b.submissionId));
    const tab2 = makeOutbox(second.fetch, undefined, reopened);
    expect(await tab2.pending()).toBe(2);
    // What waits is readable before it is sent, oldest first, payload included (to tell the respondent).
    expect((await tab2.waiting()).map((e) => [e.submissionId, e.payload.questionnaire.id])).toEqual([
      ['0193a0c4-0000-4000-8000-00000000000a', 'olva-core'], ['0193a0c4-0000-4000-8000-00000000000b', 'olva-core'],
    ]);
    await vi.advanceTimersByTimeAsync(MAX_DELAY_MS);
    expect(await tab2.flush()).toBe(0);
    expect(second.calls.map((c) => c.submissionId)).toEqual(['0193a0c4-0000-4000-8000-00000000000a', '0193a0c4-0000-4000-8000-00000000000b']);
    reopened.close();
  });

  it('two tabs flushing together send each response once', async () => {
    const offline = stubFetch(() => { throw new TypeError('offline'); });
    const writer = makeOutbox(offline.fetch);
    for (const n of [1, 2, 3]) await writer.submit(payload(`0193a0c4-0000-4000-8000-00000000000${n}`));
    writer.close();
    await vi.advanceTimersByTimeAsync(MAX_DELAY_MS);

    const shared = stubFetch(async (b) => {
      await new Promise((r) => setImmediate(r));
      return receipt(b.submissionId);
    });
    const storeA = new IndexedDbOutboxStore('olva-outbox-test', factory);
    const storeB = new IndexedDbOutboxStore('olva-outbox-test', factory);
    const tabA = makeOutbox(shared.fetch, undefined, storeA);
    const tabB = makeOutbox(shared.fetch, undefined, storeB);
    await Promise.all([tabA.flush(), tabB.flush(), tabA.flush()]);
    expect(shared.calls.map((c) => c.submissionId).sort()).toEqual([1, 2, 3].map((n) => `0193a0c4-0000-4000-8000-00000000000${n}`));
    expect(await tabB.pending()).toBe(0);
    storeA.close();
    storeB.close();
  });

  it('leaves alone an entry another tab is sending, until its lease runs out', async () => {
    const now = Date.now();
    const p = payload();
    await store.put({ submissionId: p.submissionId, endpoint: URL_, payload: p, attempts: 1, nextAttemptAt: now, queuedAt: now, inFlightUntil: now + 60_000 });
    const rec = recorder();
    const { fetch, calls } = stubFetch((b) => receipt(b.submissionId));
    const outbox = makeOutbox(fetch, rec.onEvent);
    expect(await outbox.flush()).toBe(1);
    expect(calls).toHaveLength(0);
    const delivered = rec.next('delivered');
    await vi.advanceTimersByTimeAsync(60_000);
    await delivered;
    expect(calls).toHaveLength(1);
  });

  it('sends at once, on a flush asked for now (the network back, a new visit), what waits out its backoff', async () => {
    const offline = stubFetch(() => { throw new TypeError('Failed to fetch'); });
    const writer = makeOutbox(offline.fetch);
    await writer.submit(payload());
    writer.close();
    // Offline for long: the backoff has grown to its five minutes.
    const [entry] = await store.list();
    await store.put({ ...entry!, attempts: 12, nextAttemptAt: Date.now() + MAX_DELAY_MS });

    const { fetch, calls } = stubFetch((b) => receipt(b.submissionId));
    const outbox = makeOutbox(fetch);
    expect(await outbox.flush()).toBe(1);
    expect(calls).toHaveLength(0);
    expect(await outbox.flush(true)).toBe(0);
    expect(calls).toHaveLength(1);
  });

  it('keeps, on a flush asked for now, the wait the collector asked for (Retry-After) and another tab\'s lease', async () => {
    const { rec, calls, outbox } = askedToWait(503);
    await outbox.submit(payload());
    const now = Date.now();
    const leased = payload('0193a0c4-0000-4000-8000-0000000000ff');
    await store.put({ submissionId: leased.submissionId, endpoint: URL_, payload: leased, attempts: 1, nextAttemptAt: now + 30_000, queuedAt: now, inFlightUntil: now + 60_000 });
    expect(await outbox.flush(true)).toBe(2);
    expect(calls).toHaveLength(1);
    // Each goes when its own wait is over: the lease at 60 s, the collector's at 120 s.
    for (const [id, at] of [[leased.submissionId, 60_000], [payload().submissionId, 120_000]] as const) {
      const sent = calls.length;
      await vi.advanceTimersByTimeAsync(at - 1 - (Date.now() - now));
      expect(calls).toHaveLength(sent);
      const delivered = rec.next('delivered');
      await vi.advanceTimersByTimeAsync(1);
      expect(await delivered).toMatchObject({ submissionId: id });
      await outbox.flush(); // lets the flush under way re-arm its timer
    }
    expect(calls.map((c) => c.submissionId)).toEqual([payload().submissionId, leased.submissionId, payload().submissionId]);
    expect(await outbox.pending()).toBe(0);
  });

  it('goes round once more when a flush is asked for now while another runs', async () => {
    const now = Date.now();
    const [due, waiting] = ['0193a0c4-0000-4000-8000-0000000000d1', '0193a0c4-0000-4000-8000-0000000000d2'].map((id) => payload(id));
    await store.put({ submissionId: due!.submissionId, endpoint: URL_, payload: due!, attempts: 1, nextAttemptAt: now, queuedAt: now });
    await store.put({ submissionId: waiting!.submissionId, endpoint: URL_, payload: waiting!, attempts: 9, nextAttemptAt: now + MAX_DELAY_MS, queuedAt: now - 1 });
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => { answer = resolve; });
    const { fetch, calls } = stubFetch(async (b) => {
      if (b.submissionId === due!.submissionId) await answered;
      return receipt(b.submissionId);
    });
    const outbox = makeOutbox(fetch);
    // The retry timer's flush is sending the entry due; the other one, older, it passed over.
    const running = outbox.flush();
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    const asked = outbox.flush(true);
    expect(asked).toBe(running);
    answer();
    expect(await asked).toBe(0);
    expect(calls.map((c) => c.submissionId)).toEqual([due!.submissionId, waiting!.submissionId]);
  });

  it('holds a Web Lock named after the endpoint when the platform has Web Locks', async () => {
    const names: string[] = [];
    let tail: Promise<unknown> = Promise.resolve();
    const locks = {
      request: <T>(name: string, task: () => Promise<T>): Promise<T> => {
        names.push(name);
        const run = tail.then(task);
        tail = run.catch(() => undefined);
        return run;
      },
    };
    vi.stubGlobal('navigator', { locks });
    try {
      const { fetch } = stubFetch((b) => receipt(b.submissionId));
      await makeOutbox(fetch, undefined, new MemoryOutboxStore()).submit(payload());
      expect(names).toEqual([`olva-outbox:${URL_}`]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('under Web Locks, leaves no lease on the entry it sends: a page gone mid-send does not hold the next visit back', async () => {
    // Each request gets the lock: the page that held it is gone (reloaded or closed while sending).
    vi.stubGlobal('navigator', { locks: { request: <T>(_name: string, task: () => Promise<T>) => task() } });
    try {
      let sending!: () => void;
      const sent = new Promise<void>((resolve) => { sending = resolve; });
      const gone = stubFetch(() => {
        sending();
        return new Promise<Response>(() => undefined);
      });
      void makeOutbox(gone.fetch).submit(payload());
      await sent;
      const { fetch, calls } = stubFetch((b) => receipt(b.submissionId));
      expect(await makeOutbox(fetch).flush(true)).toBe(0);
      expect(calls).toHaveLength(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('still sends when the store refuses to save', async () => {
    const broken = new IndexedDbOutboxStore('olva-outbox-broken', undefined);
    const { fetch, calls } = stubFetch((b) => receipt(b.submissionId));
    const outbox = makeOutbox(fetch, undefined, broken);
    expect(await outbox.submit(payload())).toMatchObject({ receivedAt: '2026-03-01T10:05:01Z' });
    expect(calls).toHaveLength(1);
  });

  it('stops retrying when closed, keeping the entry', async () => {
    const { fetch, calls } = stubFetch(() => new Response('down', { status: 503 }));
    const outbox = makeOutbox(fetch);
    await outbox.submit(payload());
    outbox.close();
    await vi.advanceTimersByTimeAsync(MAX_DELAY_MS * 2);
    expect(calls).toHaveLength(1);
    expect(await store.list()).toHaveLength(1);
  });
});

describe('backoff', () => {
  it('doubles from one second up to five minutes, with jitter between half and all of it', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, () => 1))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(backoffDelay(30, () => 1)).toBe(MAX_DELAY_MS);
    expect(backoffDelay(30, () => 0)).toBe(MAX_DELAY_MS / 2);
    expect(MAX_DELAY_MS).toBe(300_000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-03-01T10:00:00Z');
    expect(retryAfterDelay('30', now)).toBe(30_000);
    expect(retryAfterDelay('Sun, 01 Mar 2026 10:02:00 GMT', now)).toBe(120_000);
    expect(retryAfterDelay('Sun, 01 Mar 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterDelay('soon', now)).toBeNull();
    expect(retryAfterDelay(null, now)).toBeNull();
  });
});

describe('responsesUrl', () => {
  it('appends /v1/responses to a base URL only', () => {
    expect(responsesUrl('https://c.example/')).toBe('https://c.example/v1/responses');
    expect(responsesUrl('https://c.example/olva/v1/responses')).toBe('https://c.example/olva/v1/responses');
    expect(responsesUrl('')).toBe('/v1/responses');
  });
});
