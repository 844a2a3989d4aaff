/**
 * The reference date of a wave (docs/contracts.md, "Decisions of December 2026"): the date years
 * are turned into ages at, printed in every result. Configured per wave; by default 1 January
 * of a four-digit wave id ("2026" → 2026-01-01); none for another wave id without one.
 */
import { AnalysisError } from '../errors.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The reference date of a wave, `YYYY-MM-DD`, or null when it has none.
 * @throws AnalysisError when the configured date is not a calendar date.
 */
export function waveReferenceDate(wave: string, configured: Readonly<Record<string, string>> = {}): string | null {
  const date = configured[wave];
  if (date !== undefined) {
    const m = DATE.exec(date);
    const time = m === null ? NaN : Date.parse(`${date}T00:00:00Z`);
    // Date.parse rolls 2026-02-30 over to March: the date must read back the same.
    const valid = !Number.isNaN(time) && new Date(time).toISOString().startsWith(date);
    if (!valid) throw new AnalysisError(`/referenceDates/${wave}`, 'analysis/reference-date', `a reference date is a calendar date written YYYY-MM-DD, got ${JSON.stringify(date)}`, { fr: `une date de référence est une date du calendrier écrite AAAA-MM-JJ, pas ${JSON.stringify(date)}`, en: `a reference date is a calendar date written YYYY-MM-DD, got ${JSON.stringify(date)}` }, false);
    return date;
  }
  return /^\d{4}$/.test(wave) ? `${wave}-01-01` : null;
}

/**
 * The age in whole years at the reference date of something that began in `year`, when only
 * the year is known: the reference year minus that year (an association created in 2021 is 5
 * at 2026-01-01, whatever its month).
 */
export function ageAt(year: number, referenceDate: string): number {
  return Number(referenceDate.slice(0, 4)) - year;
}
