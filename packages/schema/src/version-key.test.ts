import { describe, expect, it } from 'vitest';
import { compareVersions, versionKeyString } from './version-key.js';

describe('compareVersions', () => {
  it('orders numeric parts as numbers and other parts as text', () => {
    const sorted = ['2026.10.0', '2026.2.0', '2027.1.0', '2026.2.1', '1.0.0+build.2', '1.0.0+build.10'].sort(compareVersions);
    expect(sorted).toEqual(['1.0.0+build.2', '1.0.0+build.10', '2026.2.0', '2026.2.1', '2026.10.0', '2027.1.0']);
    expect(compareVersions('2026.2.0', '2026.2.0')).toBe(0);
    expect(compareVersions('2026.2', '2026.2.0')).toBeLessThan(0);
  });

  it('spells a version key once', () => {
    expect(versionKeyString({ questionnaire: { id: 'olva-core', version: '2026.1.0' }, extension: { id: 'rennes-2026', version: '1.0.0' } })).toBe('olva-core@2026.1.0+rennes-2026@1.0.0');
  });
});
