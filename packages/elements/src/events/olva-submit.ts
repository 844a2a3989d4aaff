import type { ResponsePayload } from '@olva/runtime';
import { OlvaEvent } from './olva-event.js';

/** Detail of `olva-submit`. */
export interface OlvaSubmitDetail {
  /** The payload about to be delivered, exactly as the collector will receive it. */
  payload: ResponsePayload;
}

/**
 * `olva-submit`: the respondent sent the form; the payload is about to go to the outbox.
 * Cancelable: `preventDefault()` keeps the element from delivering it (the page then
 * delivers it itself), and the receipt is shown as for a delivered response.
 */
export class OlvaSubmitEvent extends OlvaEvent<OlvaSubmitDetail> {
  static readonly eventName = 'olva-submit';
  constructor(payload: ResponsePayload) {
    super(OlvaSubmitEvent.eventName, { payload }, true);
  }
  /** The payload about to be delivered. */
  get payload(): ResponsePayload {
    return this.detail.payload;
  }
}

declare global {
  interface HTMLElementEventMap {
    'olva-submit': OlvaSubmitEvent;
  }
}
