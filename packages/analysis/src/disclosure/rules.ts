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

/** One reason configured thresholds are refused: a JSON pointer into them, a rule, a message
 * in French and in English. */
export interface RuleProblem {
  pointer: string;
  rule: string;
  message: { fr: string; en: string };
}

/**
 * Every reason configured thresholds (the defaults filling what is not given) cannot be used:
 * each a whole number ≥ 1, `minBase` ≥ `minCell` (a published base is never itself a small
 * count), `smallBase` ≥ `minBase` (a "small base" lies between the two). The collector's
 * configuration and `olva analyse` report them with their file.
 */
export function disclosureRuleProblems(configured: Readonly<Record<string, unknown>> = {}): RuleProblem[] {
  const rules = { ...DEFAULT_DISCLOSURE_RULES, ...configured } as Record<keyof DisclosureRules, unknown>;
  const problems: RuleProblem[] = [];
  for (const key of ['minCell', 'smallBase', 'minBase'] as const) {
    const value = rules[key];
    if (!Number.isInteger(value) || (value as number) < 1) problems.push({ pointer: `/${key}`, rule: 'disclosure/threshold', message: {
      fr: `un seuil du secret statistique est un nombre entier ≥ 1, pas ${JSON.stringify(value)}`,
      en: `a disclosure threshold is a whole number ≥ 1, got ${JSON.stringify(value)}`,
    } });
  }
  if (problems.length) return problems;
  const { minCell, smallBase, minBase } = rules as DisclosureRules;
  // A base smaller than a protected cell would publish a total that is itself a small count.
  if (minBase < minCell) problems.push({ pointer: '/minBase', rule: 'disclosure/min-base', message: {
    fr: `la plus petite base publiée (${minBase}) doit valoir au moins minCell (${minCell})`,
    en: `the smallest published base (${minBase}) must be at least minCell (${minCell})`,
  } });
  if (smallBase < minBase) problems.push({ pointer: '/smallBase', rule: 'disclosure/small-base', message: {
    fr: `le seuil de « petite base » (${smallBase}) doit valoir au moins minBase (${minBase}) : une petite base est publiée en dessous de lui`,
    en: `the "small base" threshold (${smallBase}) must be at least minBase (${minBase}): a small base is one published under it`,
  } });
  return problems;
}

/**
 * The rules to apply: the defaults overridden by configuration.
 * @throws RangeError naming the field (`/minBase: …`, in English) when the thresholds are
 * refused; `disclosureRuleProblems` gives every reason in both languages.
 */
export function disclosureRules(configured: Partial<DisclosureRules> = {}): DisclosureRules {
  const [problem] = disclosureRuleProblems(configured);
  if (problem) throw new RangeError(`${problem.pointer}: ${problem.message.en}`);
  return { ...DEFAULT_DISCLOSURE_RULES, ...configured };
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
