import { OlvaEvent } from './olva-event.js';

/** Detail of `olva-error`. */
export interface OlvaErrorDetail {
  /** What went wrong, in the interface language. */
  message: string;
  /** The collector's problems (`{pointer, code, message}[]`) when it refused the response. */
  problems?: unknown;
}

/**
 * `olva-error`: something the page's owner should know about: the questionnaire could not be
 * loaded, an attribute is missing or wrong, or the collector refused a response.
 */
export class OlvaErrorEvent extends OlvaEvent<OlvaErrorDetail> {
  static readonly eventName = 'olva-error';
  constructor(message: string, problems?: unknown) {
    super(OlvaErrorEvent.eventName, problems === undefined ? { message } : { message, problems });
  }
  /** What went wrong. */
  get message(): string {
    return this.detail.message;
  }
  /** The collector's problems, when it refused the response. */
  get problems(): unknown {
    return this.detail.problems;
  }
}

declare global {
  interface HTMLElementEventMap {
    'olva-error': OlvaErrorEvent;
  }
}
