/**
 * The thresholds of statistical disclosure control. They come from configuration and every
 * results document states the ones it was made with, so a reader knows what "< 3" means.
 */

/** Disclosure thresholds, all counts of associations (whole numbers ≥ 1). */
export interface DisclosureRules {
  /** A cell of fewer associations than this (and more than 0) is shown as "< minCell". */
  minCell: number;
  /** A share on a base below this is marked "small base, read with care". */
  smallBase: number;
  /** Figures on a base below this are not published at all. */
  minBase: number;
}

/** The network's defaults: cells under 3, small bases under 30, nothing under 10. */
export const DEFAULT_DISCLOSURE_RULES: Readonly<DisclosureRules> = Object.freeze({ minCell: 3, smallBase: 30, minBase: 10 });

/**
 * The rules to apply: the defaults overridden by configuration.
 * @throws RangeError naming the field when a threshold is not a whole number ≥ 1.
 */
export function disclosureRules(configured: Partial<DisclosureRules> = {}): DisclosureRules {
  const rules = { ...DEFAULT_DISCLOSURE_RULES, ...configured };
  for (const key of ['minCell', 'smallBase', 'minBase'] as const) {
    const value = rules[key];
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`/${key}: a disclosure threshold is a whole number ≥ 1, got ${JSON.stringify(value)}`);
  }
  // A base smaller than a protected cell would publish a total that is itself a small count.
  if (rules.minBase < rules.minCell) throw new RangeError(`/minBase: the smallest published base (${rules.minBase}) must be at least minCell (${rules.minCell})`);
  return rules;
}

/** How a base stands against the rules. */
export type BaseStatus = 'withheld' | 'small' | 'ok';

/** `withheld` below `minBase` (nothing published), `small` below `smallBase`, else `ok`. */
export function baseStatus(base: number, rules: DisclosureRules): BaseStatus {
  if (base < rules.minBase) return 'withheld';
  return base < rules.smallBase ? 'small' : 'ok';
}

/** What is published of one count: its value, or why not. */
export type CellStatus = 'shown' | 'small' | 'complementary';

/** True for a count that the frequency rule protects: more than 0 and fewer than `minCell`. */
export function isSmallCell(count: number, rules: DisclosureRules): boolean {
  return count > 0 && count < rules.minCell;
}
