import { OlvaEvent } from './olva-event.js';

/** Detail of `olva-page-change`. */
export interface OlvaPageChangeDetail {
  /** Page left: a section id, or `review` / `receipt`. */
  from: string;
  /** Page shown: a section id, or `review` / `receipt`. */
  to: string;
}

/** `olva-page-change`: another page (section, review or receipt) is shown. */
export class OlvaPageChangeEvent extends OlvaEvent<OlvaPageChangeDetail> {
  static readonly eventName = 'olva-page-change';
  constructor(from: string, to: string) {
    super(OlvaPageChangeEvent.eventName, { from, to });
  }
  /** Page left. */
  get from(): string {
    return this.detail.from;
  }
  /** Page shown. */
  get to(): string {
    return this.detail.to;
  }
}

declare global {
  interface HTMLElementEventMap {
    'olva-page-change': OlvaPageChangeEvent;
  }
}
