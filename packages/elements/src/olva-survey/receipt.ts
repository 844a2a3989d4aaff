/**
 * What the respondent sees after sending: thanks, and the response number to quote (to ask
 * for erasure, for instance); or, offline, that the response waits on this device.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Strings } from '../strings.js';

/** The outcome of a sending. */
export interface ReceiptState {
  /** `sent`: the collector has it; `queued`: it waits on the device; `handed`: the page took it (no endpoint, or olva-submit prevented). */
  kind: 'sent' | 'queued' | 'handed';
  submissionId: string;
}

/** Id of the receipt heading, focused when it appears. */
export const RECEIPT_HEADING = 'olva-receipt-title';

export interface ReceiptOptions {
  strings: Strings;
  receipt: ReceiptState;
  /** Kiosk: seconds before the form starts again, and the button to start now. */
  kiosk?: { secondsLeft: number; onNew: () => void };
}

export function renderReceipt({ strings, receipt, kiosk }: ReceiptOptions): TemplateResult {
  const queued = receipt.kind === 'queued';
  return html`<div class="receipt" part="receipt">
    <h3 id=${RECEIPT_HEADING} class="section-title" tabindex="-1">${queued ? strings.queuedTitle : strings.sentTitle}</h3>
    ${queued ? html`<p>${strings.queuedOffline}</p>` : nothing}
    <p>${strings.sentReceipt(receipt.submissionId)}</p>
    ${kiosk
      ? html`<p>${strings.kioskReset(kiosk.secondsLeft)}</p>
        <button type="button" part="button button-primary" class="primary" @click=${kiosk.onNew}>${strings.newResponse}</button>`
      : nothing}
  </div>`;
}
