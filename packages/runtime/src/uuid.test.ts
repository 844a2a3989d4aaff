import { describe, expect, it } from 'vitest';
import { newSubmissionId, uuidOfBytes } from './uuid.js';

describe('uuids', () => {
  it('sets the version and the RFC 9562 variant of 16 bytes, and reads no further', () => {
    expect(uuidOfBytes(new Uint8Array(16), 4)).toBe('00000000-0000-4000-8000-000000000000');
    expect(uuidOfBytes(new Uint8Array(20).fill(0xff), 5)).toBe('ffffffff-ffff-5fff-bfff-ffffffffffff');
    const bytes = new Uint8Array(16).fill(0xff);
    uuidOfBytes(bytes, 4);
    expect(bytes[6]).toBe(0xff);
  });

  it('makes a v4 submission id', () => {
    expect(newSubmissionId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
