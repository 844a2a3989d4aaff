/** The one error the analysis throws on bad input: what is wrong, where, and which rule. */

/** Bad input to the analysis (an unknown version, an answer of the wrong shape, a wrong option). */
export class AnalysisError extends Error {
  /** JSON pointer of the offending value, prefixed by the response's id when it is in one. */
  readonly pointer: string;
  /** The rule broken, e.g. `analysis/unknown-version`. */
  readonly rule: string;
  /** The message in French and English, for a command to say in its language. */
  readonly text?: { fr: string; en: string };
  /**
   * True when the request is at fault (a command's option, a query) rather than the responses
   * or builds read: the collector answers it with a 400, the others with a 409.
   */
  readonly byAsker: boolean;

  /** @param byAsker the request is at fault; by default, when the error has its words in both languages (as such errors had first). */
  constructor(pointer: string, rule: string, message: string, text?: { fr: string; en: string }, byAsker = text !== undefined) {
    super(`${pointer}: [${rule}] ${message}`);
    this.name = 'AnalysisError';
    this.pointer = pointer;
    this.rule = rule;
    if (text) this.text = text;
    this.byAsker = byAsker;
  }
}
