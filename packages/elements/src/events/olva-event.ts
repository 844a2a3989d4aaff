/**
 * Base of every event of <olva-survey>: it bubbles and crosses shadow roots (composed), so a
 * page can listen on the element, on a container or on `document`. The data is both in
 * `detail` (for code written against CustomEvent) and in typed fields on the event.
 */
export abstract class OlvaEvent<D extends object> extends CustomEvent<D> {
  constructor(type: string, detail: D, cancelable = false) {
    super(type, { detail, bubbles: true, composed: true, cancelable });
  }
}
