import type { AnswerValue } from '@olva/runtime';
import { OlvaEvent } from './olva-event.js';

/** Detail of `olva-change`. */
export interface OlvaChangeDetail {
  /** Id of the question answered (`<id>_other` for an "other, please specify" text). */
  questionId: string;
  /** The new answer; undefined when the answer was cleared. */
  value: AnswerValue | undefined;
}

/** `olva-change`: the respondent changed one answer. */
export class OlvaChangeEvent extends OlvaEvent<OlvaChangeDetail> {
  static readonly eventName = 'olva-change';
  constructor(questionId: string, value: AnswerValue | undefined) {
    super(OlvaChangeEvent.eventName, { questionId, value });
  }
  /** Id of the question answered. */
  get questionId(): string {
    return this.detail.questionId;
  }
  /** The new answer; undefined when cleared. */
  get value(): AnswerValue | undefined {
    return this.detail.value;
  }
}

declare global {
  interface HTMLElementEventMap {
    'olva-change': OlvaChangeEvent;
  }
}
