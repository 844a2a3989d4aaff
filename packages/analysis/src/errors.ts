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

/**
 * The error of a wave asked for that no response read is of: the waves read, so the asker sees
 * a typing slip (`2062`) or a store without that wave yet.
 */
export function emptyWaveError(wave: string, read: Iterable<string>): AnalysisError {
  const waves = [...new Set(read)].sort().join(', ');
  const en = `no response of wave "${wave}"${waves ? ` (waves read: ${waves})` : ''}`;
  return new AnalysisError('/wave', 'analysis/empty-wave', en, { fr: `aucune réponse au millésime « ${wave} »${waves ? ` (millésimes lus : ${waves})` : ''}`, en });
}

/**
 * The error of a territory asked for that no response of the wave (or of any wave read, when
 * none is asked) comes from: the territories that have some, so a wrong code shows.
 */
export function unknownTerritoryError(territory: { level: string; code: string }, wave: string | undefined, present: Iterable<string>): AnalysisError {
  const t = `${territory.level}:${territory.code}`;
  const list = [...new Set(present)].sort().join(', ');
  const en = wave !== undefined
    ? `no response of ${t} in wave "${wave}" (territories of the wave: ${list})`
    : `no response of ${t} (territories read: ${list})`;
  const fr = wave !== undefined
    ? `aucune réponse de ${t} au millésime « ${wave} » (territoires du millésime : ${list})`
    : `aucune réponse de ${t} (territoires lus : ${list})`;
  return new AnalysisError('/territory', 'analysis/unknown-territory', en, { fr, en });
}
