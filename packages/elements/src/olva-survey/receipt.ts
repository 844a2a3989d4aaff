/**
 * What the respondent sees after sending: thanks, and the response number to quote (to ask
 * for erasure, for instance); or, offline, that the response waits on this device; or, when the
 * collector could not be reached although the device is online (down, or refusing the page's
 * origin), that it waits without a promise; or that the collector refused it later.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Strings } from '../strings.js';
import type { FlowStrings } from './flow-strings.js';

/** The outcome of a sending. */
export interface ReceiptState {
  /**
   * `sent`: the collector has it; `queued`: it waits on the device, offline; `unreachable`: it
   * waits, but the collector did not answer although the device is online; `refused`: the
   * collector refused it after it waited; `handed`: the page took it (no endpoint, or
   * olva-submit prevented).
   */
  kind: 'sent' | 'queued' | 'unreachable' | 'refused' | 'handed';
  submissionId: string;
}

/** Id of the receipt heading, focused when it appears. */
export const RECEIPT_HEADING = 'olva-receipt-title';

export interface ReceiptOptions {
  strings: Strings;
  flow: FlowStrings;
  receipt: ReceiptState;
  /**
   * Kiosk: seconds before the form starts again, whether the countdown waits, the button to
   * start now, and `onHold` told when the receipt is looked at (pointer over it, or a focus
   * inside it other than the one the receipt got when it appeared) and no longer.
   */
  kiosk?: { secondsLeft: number; paused: boolean; onNew: () => void; onHold: (how: 'pointer' | 'focus', held: boolean) => void };
}

/** The receipt's title and, unless all went well, what it means. */
function outcome(strings: Strings, flow: FlowStrings, kind: ReceiptState['kind']): [string, string | undefined] {
  switch (kind) {
    case 'queued': return [strings.queuedTitle, strings.queuedOffline];
    case 'unreachable': return [flow.unreachableTitle, flow.unreachableText];
    case 'refused': return [strings.rejectedTitle, strings.rejectedText];
    default: return [strings.sentTitle, undefined];
  }
}

export function renderReceipt({ strings, flow, receipt, kiosk }: ReceiptOptions): TemplateResult {
  const [title, text] = outcome(strings, flow, receipt.kind);
  return html`<div class="receipt" part="receipt"
    @pointerenter=${kiosk ? () => kiosk.onHold('pointer', true) : nothing}
    @pointerleave=${kiosk ? () => kiosk.onHold('pointer', false) : nothing}
    @focusin=${kiosk ? (e: FocusEvent) => (e.target as Element).id !== RECEIPT_HEADING && kiosk.onHold('focus', true) : nothing}
    @focusout=${kiosk ? (e: FocusEvent) => {
      const receipt = e.currentTarget as Element;
      if (!(e.relatedTarget instanceof Node && receipt.contains(e.relatedTarget))) kiosk.onHold('focus', false);
    } : nothing}>
    <h3 id=${RECEIPT_HEADING} class="section-title" tabindex="-1">${title}</h3>
    ${text ? html`<p>${text}</p>` : nothing}
    <p>${strings.sentReceipt(receipt.submissionId)}</p>
    ${kiosk
      ? html`<p>${kiosk.paused ? flow.kioskPaused : strings.kioskReset(kiosk.secondsLeft)}</p>
        <button type="button" part="button button-primary" class="primary" @click=${kiosk.onNew}>${strings.newResponse}</button>`
      : nothing}
  </div>`;
}
