import { describe, expect, it } from 'vitest';
import { setImmediate as tick } from 'node:timers/promises';
import { ndjsonReadable } from './ndjson.js';
import { fixtureAnswers, fixtureResponse } from '@olva/test-support/export-fixtures';
import type { StoredResponse } from '../store/types.js';

describe('ndjsonReadable', () => {
  it('pulls from the store only as fast as the reader reads (back-pressure), then gives every payload', async () => {
    let pulled = 0;
    const total = 20_000;
    async function* responses(): AsyncIterable<StoredResponse> {
      for (let i = 0; i < total; i++) {
        pulled += 1;
        yield fixtureResponse(i, fixtureAnswers(i));
      }
    }
    const body = ndjsonReadable(responses());
    const first = await new Promise<Buffer>((resolve) => body.once('readable', () => resolve(body.read(100) as Buffer)));
    for (let i = 0; i < 20; i++) await tick();
    // Nobody reads: the stream stops once its buffer (64 KB) is full, far from the whole export.
    expect(pulled).toBeLessThan(total / 10);
    let text = first.toString('utf8');
    let lines = 0;
    for await (const chunk of body) {
      text += (chunk as Buffer).toString('utf8');
      const cut = text.lastIndexOf('\n');
      for (const line of text.slice(0, cut).split('\n')) expect(JSON.parse(line).kind).toBe('olva-response');
      lines += text.slice(0, cut).split('\n').length;
      text = text.slice(cut + 1);
    }
    expect(text).toBe('');
    expect(pulled).toBe(total);
    expect(lines).toBe(total);
  });
});
