import { OlvaEvent } from './olva-event.js';

/** The collector's acknowledgement of a stored response. */
export interface Receipt {
  submissionId: string;
  /** RFC 3339 time at which the collector stored it. */
  receivedAt: string;
}

/** Detail of `olva-submitted`. */
export interface OlvaSubmittedDetail {
  receipt: Receipt;
}

/** `olva-submitted`: the collector stored the response (a 2xx); it will not be lost. */
export class OlvaSubmittedEvent extends OlvaEvent<OlvaSubmittedDetail> {
  static readonly eventName = 'olva-submitted';
  constructor(receipt: Receipt) {
    super(OlvaSubmittedEvent.eventName, { receipt });
  }
  /** The collector's receipt. */
  get receipt(): Receipt {
    return this.detail.receipt;
  }
}

declare global {
  interface HTMLElementEventMap {
    'olva-submitted': OlvaSubmittedEvent;
  }
}
