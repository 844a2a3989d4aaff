/**
 * Delivering responses: the durable outbox (IndexedDB) to the collector, the sending in
 * progress, the receipt's state, and what happens later: a response that waited is delivered
 * or refused (a retry, the network back, a previous visit), which the receipt and the note
 * about earlier responses say, and `olva-submitted` / `olva-error` tell the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Outbox, responsesUrl, type CompiledQuestionnaire, type DeliveryEvent, type ResponsePayload } from '@olva/runtime';
import { OlvaErrorEvent, OlvaQueuedEvent, OlvaSubmitEvent, OlvaSubmittedEvent } from '../events/index.js';
import type { Announcer } from './announcer.js';
import type { ReceiptState } from './receipt.js';
import { noteFor, notesFrom, noteText, type OutboxNote } from './outbox-note.js';

/** What delivery reads from the survey. */
export interface DeliverySource {
  /** The `endpoint` attribute. */
  endpoint(): string | undefined;
  /** The questionnaire whose earlier responses the note is about, when the note is shown (not in a kiosk, not in data entry). */
  noted(): CompiledQuestionnaire | undefined;
  /** The form's language (`fr`, `en`): the collector words the problems of a refusal in it. */
  language(): string;
}

/** One survey's outbox and the state of its responses. */
export class Delivery implements ReactiveController {
  #outbox: Outbox | undefined;
  /** The response being sent now: its outcome is handled where it is awaited, not as a later delivery. */
  #submitting: string | null = null;
  #receipt: ReceiptState | undefined;
  #sending = false;
  #pending = 0;
  /** Responses found waiting in the outbox when it opened, and what became of them. */
  #notes: readonly OutboxNote[] = [];

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #voice: Announcer;
  readonly #source: DeliverySource;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    voice: Announcer,
    source: DeliverySource,
  ) {
    this.#host = host;
    this.#voice = voice;
    this.#source = source;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('online', this.#onOnline);
    this.open();
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.#onOnline);
    this.#outbox?.close();
    this.#outbox = undefined;
  }

  /** True while a response is being sent (the buttons wait). */
  get sending(): boolean {
    return this.#sending;
  }

  /** Responses waiting on the device. */
  get pending(): number {
    return this.#pending;
  }

  /** The outcome of the last response sent, shown by the receipt; undefined before one (or for a new response). */
  get receipt(): ReceiptState | undefined {
    return this.#receipt;
  }

  set receipt(receipt: ReceiptState | undefined) {
    this.#receipt = receipt;
    this.#host.requestUpdate();
  }

  /** Opens the outbox of the endpoint (again, if it changed), and sends what waits in it. */
  open(): void {
    const endpoint = this.#source.endpoint()?.trim();
    if (!this.#host.isConnected || (this.#outbox && endpoint && this.#outbox.endpoint === responsesUrl(endpoint))) return;
    this.#outbox?.close();
    const outbox = endpoint ? new Outbox({ endpoint, onEvent: (event) => this.#onDelivery(event), language: () => this.#source.language() }) : undefined;
    this.#outbox = outbox;
    this.#setNotes([]);
    // What waits from an earlier visit is read before sending it, to tell what becomes of it.
    outbox?.waiting().then((entries) => {
      if (this.#outbox === outbox) this.#setNotes(notesFrom(entries));
    }, () => undefined).finally(() => this.#flush());
  }

  /** The note shown above the form: the latest waiting response to this questionnaire, on the respondent's own device. */
  note(): OutboxNote | undefined {
    const questionnaire = this.#source.noted();
    return questionnaire ? noteFor(this.#notes, questionnaire) : undefined;
  }

  /**
   * Delivers a response: `olva-submit` first (the page may take it), then the outbox. `finish`
   * gets the receipt once the response left the form (sent, or waiting on the device); a
   * refusal or a failure leaves it in the form, with a notice.
   */
  async send(payload: ResponsePayload, finish: (receipt: ReceiptState) => void): Promise<void> {
    const strings = this.#voice.strings;
    const submit = new OlvaSubmitEvent(payload);
    this.#host.dispatchEvent(submit);
    if (submit.defaultPrevented || !this.#outbox) {
      finish({ kind: 'handed', submissionId: payload.submissionId });
      return;
    }
    this.#setSending(true);
    this.#submitting = payload.submissionId;
    try {
      const result = await this.#outbox.submit(payload);
      if ('rejected' in result) {
        this.#voice.notify('error', (s) => `${s.rejectedTitle} ${s.rejectedText}`);
        this.#host.dispatchEvent(new OlvaErrorEvent(strings.rejectedTitle, result.problems));
      } else if ('queued' in result) {
        const offline = !navigator.onLine;
        finish({ kind: offline ? 'queued' : 'unreachable', submissionId: result.submissionId });
        this.#host.dispatchEvent(new OlvaQueuedEvent(result.submissionId, offline));
        if (offline) this.#voice.announce((s) => s.queuedLive);
        else {
          // Online, yet no answer: the collector is down or refuses this page (CORS). No promise.
          this.#voice.announce((_, flow) => flow.unreachableTitle);
          const flow = this.#voice.flow;
          this.#host.dispatchEvent(new OlvaErrorEvent(`${flow.unreachableTitle} ${flow.unreachableText}`));
        }
      } else {
        finish({ kind: 'sent', submissionId: result.submissionId });
        this.#host.dispatchEvent(new OlvaSubmittedEvent(result));
      }
    } catch (error) {
      this.#voice.notify('error', (s) => s.sendFailed);
      this.#host.dispatchEvent(new OlvaErrorEvent(`${strings.sendFailed} (${(error as Error)?.message ?? String(error)})`));
    } finally {
      this.#setSending(false);
      this.#submitting = null;
      this.#countPending();
    }
  }

  #setSending(sending: boolean): void {
    this.#sending = sending;
    this.#host.requestUpdate();
  }

  #setNotes(notes: readonly OutboxNote[]): void {
    this.#notes = notes;
    this.#host.requestUpdate();
  }

  #setPending(pending: number): void {
    this.#pending = pending;
    this.#host.requestUpdate();
  }

  #countPending(): void {
    this.#outbox?.pending().then((n) => this.#setPending(n), () => undefined);
  }

  /** On load and when the network comes back: what waits goes now, not at the end of its backoff. */
  #flush(): void {
    this.#outbox?.flush(true).then((pending) => this.#setPending(pending), () => undefined);
  }

  #onOnline = (): void => this.#flush();

  /** A response found waiting was delivered or refused since: the note says so, aloud if it is shown. */
  #updateNote(submissionId: string, state: OutboxNote['state']): void {
    if (!this.#notes.some((n) => n.submissionId === submissionId)) return;
    this.#setNotes(this.#notes.map((n) => (n.submissionId === submissionId ? { ...n, state } : n)));
    const note = this.note();
    if (note?.submissionId === submissionId) this.#voice.announce((_, flow) => noteText(note, flow));
  }

  /** Deliveries that happen later (retries, previous visits); the current sending is handled where it is awaited. */
  #onDelivery(event: DeliveryEvent): void {
    if (event.submissionId === this.#submitting) return;
    if (event.type === 'delivered') {
      if (this.#receipt?.submissionId === event.submissionId) {
        this.receipt = { kind: 'sent', submissionId: event.submissionId };
        this.#voice.announce((s) => s.deliveredLater);
      }
      this.#updateNote(event.submissionId, 'delivered');
      this.#host.dispatchEvent(new OlvaSubmittedEvent(event.receipt));
      this.#countPending();
    } else if (event.type === 'rejected') {
      // A response that waited is refused for good: take back the promise that it will arrive.
      if (this.#receipt?.submissionId === event.submissionId) {
        this.receipt = { kind: 'refused', submissionId: event.submissionId };
        this.#voice.announce((s) => s.rejectedTitle);
      }
      this.#updateNote(event.submissionId, 'refused');
      const strings = this.#voice.strings;
      this.#host.dispatchEvent(new OlvaErrorEvent(`${strings.rejectedTitle} ${strings.rejectedText}`, event.problems));
    }
  }
}
