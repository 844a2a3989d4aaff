/**
 * What goes wrong with a report's input, said in both languages with where it is: a file and
 * a line and column (CSV), a JSON pointer (JSON files), and the rule broken.
 */
import type { Bilingual, Lang } from './i18n.js';

/** Bad input to a report: the file and place, the rule, and what is wrong. */
export class ReportError extends Error {
  /**
   * @param rule the rule broken, `reports/<name>` (e.g. `reports/reference-number`)
   * @param text what is wrong, in French and English
   * @param where `file:line:column` or `file#/pointer`; '' when the input has no file
   */
  constructor(readonly rule: string, readonly text: Bilingual, readonly where = '') {
    super(`${where ? `${where}: ` : ''}[${rule}] ${text.en}`);
    this.name = 'ReportError';
  }

  /** The message in one language: `where: [rule] text`. */
  describe(lang: Lang): string {
    return `${this.where ? `${this.where}: ` : ''}[${this.rule}] ${this.text[lang]}`;
  }
}
