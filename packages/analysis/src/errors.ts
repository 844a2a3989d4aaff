/** The one error the analysis throws on bad input: what is wrong, where, and which rule. */

/** Bad input to the analysis (an unknown version, an answer of the wrong shape, a wrong option). */
export class AnalysisError extends Error {
  /** JSON pointer of the offending value, prefixed by the response's id when it is in one. */
  readonly pointer: string;
  /** The rule broken, e.g. `analysis/unknown-version`. */
  readonly rule: string;
  /** The message in French and English, for the errors a person asking for an analysis makes (a command's option, a query). */
  readonly text?: { fr: string; en: string };

  constructor(pointer: string, rule: string, message: string, text?: { fr: string; en: string }) {
    super(`${pointer}: [${rule}] ${message}`);
    this.name = 'AnalysisError';
    this.pointer = pointer;
    this.rule = rule;
    if (text) this.text = text;
  }
}
