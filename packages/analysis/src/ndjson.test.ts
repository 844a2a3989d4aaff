import { describe, expect, it } from 'vitest';
import { validateDocument } from '@olva/schema/validate';
import { readNdjsonPayloads } from './ndjson.js';
import type { AnalysisError } from './errors.js';
import { aggregateResponses } from './aggregate/aggregate.js';
import { builds, generate } from './__fixtures__/responses.js';
import type { ResponsePayload } from '@olva/schema';

async function all(source: AsyncIterable<ResponsePayload>): Promise<ResponsePayload[]> {
  const out: ResponsePayload[] = [];
  for await (const p of source) out.push(p);
  return out;
}

/** Cuts a text into UTF-8 byte chunks of a given size, splitting lines and characters. */
function bytes(text: string, size: number): Uint8Array[] {
  const all = new TextEncoder().encode(text);
  const out: Uint8Array[] = [];
  for (let i = 0; i < all.length; i += size) out.push(all.subarray(i, i + size));
  return out;
}

describe('readNdjsonPayloads', () => {
  const items = generate(31).slice(0, 40);
  const payloads = items.map((g) => g.payload);
  const text = payloads.map((p) => JSON.stringify({ ...p, answers: { ...p.answers, note: 'Fédération « été »' } })).join('\r\n') + '\n\n';

  it('reads payloads from chunks cut anywhere, multi-byte characters and CRLF included', async () => {
    for (const size of [1, 7, 4096]) {
      const read = await all(readNdjsonPayloads(bytes(text, size)));
      expect(read.map((p) => p.submissionId)).toEqual(payloads.map((p) => p.submissionId));
      expect(read[0]!.answers.note).toBe('Fédération « été »');
    }
  });

  it('feeds the aggregation the same figures as the payloads themselves', async () => {
    const b = builds();
    const compiled = [b.core, b.rennes, b.lorient];
    const fromText = await aggregateResponses(readNdjsonPayloads([text]), { compiled });
    expect(fromText).toEqual(await aggregateResponses(payloads, { compiled }));
  });

  it('stops at the first bad line, naming the source, line, pointer and rule', async () => {
    const lines = text.split('\r\n');
    await expect(all(readNdjsonPayloads([lines[0] + '\n{"kind":\n'], { source: 'x.ndjson' }))).rejects.toThrow(/^x\.ndjson:2: \[analysis\/ndjson\] not JSON/);
    // Where in the line and which slip, in both languages, never V8's English.
    const slip = await all(readNdjsonPayloads(['{"kind": \'olva-response\'}\n'], { source: 'y.ndjson' })).catch((e: AnalysisError) => e);
    expect([(slip as AnalysisError).text?.fr, (slip as AnalysisError).text?.en]).toEqual([
      'pas du JSON, colonne 10 : le JSON écrit les textes entre guillemets droits doubles ("…"), pas entre apostrophes',
      'not JSON, column 10: JSON writes texts between double quotes ("…"), not single ones',
    ]);
    await expect(all(readNdjsonPayloads(['{"kind":\n']))).rejects.toThrow('responses:1: [analysis/ndjson] not JSON, column 9: the line ends before the JSON does');
    await expect(all(readNdjsonPayloads(['[]\n']))).rejects.toThrow('responses:1#: [analysis/ndjson] each line is one JSON object');
    await expect(all(readNdjsonPayloads(['\n{"kind":"other"}']))).rejects.toThrow('responses:2#/kind: [analysis/ndjson] must be "olva-response", got "other"');
    const noWave = { ...payloads[0], wave: undefined };
    await expect(all(readNdjsonPayloads([JSON.stringify(noWave)]))).rejects.toThrow('responses:1#/wave: [analysis/ndjson] missing wave');
  });

  it('applies a full validator when given one', async () => {
    const bad = { ...payloads[0], channel: 'fax' };
    const validate = (p: unknown) => validateDocument('payload', p);
    await expect(all(readNdjsonPayloads([JSON.stringify(bad)], { validate }))).rejects.toThrow('responses:1#/channel: [schema/enum]');
    await expect(all(readNdjsonPayloads([lines(payloads)], { validate }))).resolves.toHaveLength(payloads.length);
  });
});

function lines(payloads: ResponsePayload[]): string {
  return payloads.map((p) => JSON.stringify(p)).join('\n');
}
