import { describe, expect, it } from 'vitest';
import { ageAt, waveReferenceDate } from './reference-date.js';

describe('waveReferenceDate', () => {
  it('is 1 January of a four-digit wave unless configured', () => {
    expect(waveReferenceDate('2026')).toBe('2026-01-01');
    expect(waveReferenceDate('2026', { '2026': '2026-06-30' })).toBe('2026-06-30');
    expect(waveReferenceDate('printemps-2026')).toBeNull();
    expect(waveReferenceDate('printemps-2026', { 'printemps-2026': '2026-04-01' })).toBe('2026-04-01');
  });

  it('refuses a configured date that is not a calendar date, naming the wave', () => {
    expect(() => waveReferenceDate('2026', { '2026': '2026-02-30' })).toThrow('/referenceDates/2026: [analysis/reference-date]');
    expect(() => waveReferenceDate('2026', { '2026': '30/06/2026' })).toThrow(/YYYY-MM-DD/);
  });
});

describe('ageAt', () => {
  it('turns a year into whole years at the reference date', () => {
    expect(ageAt(2021, '2026-01-01')).toBe(5);
    expect(ageAt(2026, '2026-06-30')).toBe(0);
  });
});
