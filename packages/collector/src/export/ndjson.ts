/**
 * The stored payloads as NDJSON: one `olva-response` payload per line, exactly as accepted,
 * the input of `olva analyse --responses`. Pulled from the store's stream one response at a
 * time: a consumer that reads slowly (a socket, a file) holds the reading back, so memory
 * holds one batch of the store, never the export.
 */
import { Readable } from 'node:stream';
import type { StoredResponse } from '../store/types.js';

/** The payloads of a stream of stored responses, one JSON line each. */
export function ndjsonReadable(responses: AsyncIterable<StoredResponse>): Readable {
  async function* lines(): AsyncIterable<string> {
    for await (const r of responses) yield `${JSON.stringify(r.payload)}\n`;
  }
  // Readable.from pulls the generator only when its buffer has room: back-pressure end to end.
  return Readable.from(lines(), { objectMode: false, highWaterMark: 64 * 1024 });
}
