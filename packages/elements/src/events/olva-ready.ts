import type { CompiledQuestionnaire } from '@olva/runtime';
import { OlvaEvent } from './olva-event.js';

/** Detail of `olva-ready`. */
export interface OlvaReadyDetail {
  /** The compiled questionnaire now shown. */
  questionnaire: CompiledQuestionnaire;
}

/** `olva-ready`: the questionnaire is loaded and its first page is on screen. */
export class OlvaReadyEvent extends OlvaEvent<OlvaReadyDetail> {
  static readonly eventName = 'olva-ready';
  constructor(questionnaire: CompiledQuestionnaire) {
    super(OlvaReadyEvent.eventName, { questionnaire });
  }
  /** The compiled questionnaire now shown. */
  get questionnaire(): CompiledQuestionnaire {
    return this.detail.questionnaire;
  }
}

declare global {
  interface HTMLElementEventMap {
    'olva-ready': OlvaReadyEvent;
  }
}
