import { OlvaEvent } from './olva-event.js';

/** Detail of `olva-queued`. */
export interface OlvaQueuedDetail {
  /** Id of the response kept on the device. */
  submissionId: string;
  /** True when the browser reports being offline. */
  offline: boolean;
}

/**
 * `olva-queued`: the response could not be delivered yet; it is saved on this device and
 * will be sent when the network comes back (or on the next visit).
 */
export class OlvaQueuedEvent extends OlvaEvent<OlvaQueuedDetail> {
  static readonly eventName = 'olva-queued';
  constructor(submissionId: string, offline: boolean) {
    super(OlvaQueuedEvent.eventName, { submissionId, offline });
  }
  /** Id of the response kept on the device. */
  get submissionId(): string {
    return this.detail.submissionId;
  }
  /** True when the browser reports being offline. */
  get offline(): boolean {
    return this.detail.offline;
  }
}

declare global {
  interface HTMLElementEventMap {
    'olva-queued': OlvaQueuedEvent;
  }
}
