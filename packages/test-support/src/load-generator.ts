/**
 * A client that posts many responses concurrently over real HTTP and, for a share of them,
 * cuts the connection right after the request is written (the client never sees the
 * answer), then retries like the outbox does until it gets a 2xx.
 */
import http from 'node:http';
import type { ResponsePayload } from '@olva/schema';

export interface LoadReport {
  /** Final statuses by submissionId (201 or 200). */
  statuses: Map<string, number>;
  /** Connections cut after the request was sent. */
  cut: number;
  /** Attempts that failed at the network level and were retried. */
  networkErrors: number;
}

/** Posts one body; with `cutAfterMs` set, destroys the connection that long after the request is written. */
export function send(url: URL, body: string, agent: http.Agent | false, cutAfterMs?: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (cutAfterMs !== undefined) {
      // 'finish': the whole request is handed to the socket; cut then, or a moment later.
      req.on('finish', () => {
        const cut = () => req.destroy(new Error('cut by the test'));
        if (cutAfterMs === 0) setImmediate(cut);
        else setTimeout(cut, cutAfterMs);
      });
    }
    req.end(body);
  });
}

/** Posts every payload with `concurrency` clients; `cut(i)` gives, for first attempts to cut, the delay in ms after the request is written (0: at once). */
export async function postAll(base: string, payloads: ResponsePayload[], options: { concurrency: number; cut: (index: number) => number | undefined; onAccepted?: (id: string) => void }): Promise<LoadReport> {
  const url = new URL('/v1/responses', base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const statuses = new Map<string, number>();
  let next = 0;
  let cut = 0;
  let networkErrors = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= payloads.length) return;
      const p = payloads[i];
      const body = JSON.stringify(p);
      const cutAfterMs = options.cut(i);
      if (cutAfterMs !== undefined) {
        cut++;
        await send(url, body, false, cutAfterMs).then(() => {}, () => {});
      }
      for (let attempt = 0; ; attempt++) {
        try {
          const status = await send(url, body, agent);
          if (status === 200 || status === 201) {
            statuses.set(p.submissionId, status);
            options.onAccepted?.(p.submissionId);
            break;
          }
          throw new Error(`unexpected status ${status} for ${p.submissionId}`);
        } catch (e) {
          if ((e as Error).message.startsWith('unexpected status')) throw e;
          networkErrors++;
          if (attempt > 50) throw e;
          await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** Math.min(attempt, 6))));
        }
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  } finally {
    agent.destroy();
  }
  return { statuses, cut, networkErrors };
}
