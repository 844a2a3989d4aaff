/**
 * What every question renderer is given, and what it returns. Renderers are plain functions
 * returning Lit templates, not elements of their own: label, control, help and error must
 * share the one shadow root of <olva-survey> for `for`/`aria-describedby` to work.
 */
import type { TemplateResult } from 'lit';
import type { AnswerValue, CompiledQuestion, Locale } from '@olva/runtime';
import type { Strings } from '../strings.js';

/** How a question is shown. */
export type EntryMode =
  /** A respondent answering: labels only. */
  | 'web'
  /** Someone typing in paper forms: question numbers and choice codes shown, typed codes. */
  | 'paper';

/** Everything a renderer needs to draw one question. */
export interface QuestionContext {
  question: CompiledQuestion;
  /** The current answer, or undefined. */
  value: AnswerValue | undefined;
  /** The current "other, please specify" text (`<id>_other`), for single and multiple. */
  otherValue: string | undefined;
  /** What the respondent last typed in a text box, kept as typed ("3," while typing 3,5). */
  typed: string | undefined;
  /** The error message to show, already in the interface language, or null. */
  error: string | null;
  /** A coherence warning about this answer, to confirm, in the interface language (never with an error). */
  warning?: string | null;
  /** Whether an answer is required right now (a condition may make it so). */
  required: boolean;
  locale: Locale;
  strings: Strings;
  mode: EntryMode;
  /** The survey's collector (`endpoint`), for questions that ask it (the commune search). */
  endpoint?: string;
  /**
   * Records a new answer; `typed` is the raw text when it came from a text box. `shown`: the
   * question as drawn shows this answer already, and nothing else of it follows the answer
   * (a radio button the respondent checked, that shows or hides nothing of the question): it is
   * not drawn again for this answer.
   */
  onChange(value: AnswerValue | undefined, typed?: string, shown?: boolean): void;
  /** Records the "other, please specify" text. */
  onOtherChange(text: string | undefined): void;
  /** Says a sentence in the live region (what a change did beyond the control touched). */
  announce?(text: string): void;
  /**
   * Paper and phone entry of a required question: its "left blank" mark (the respondent left
   * it blank, which the payload records in `blank`). Undefined elsewhere.
   */
  leftBlank?: { marked: boolean; onToggle(marked: boolean): void };
}

/** Draws one question type. */
export type QuestionRenderer = (context: QuestionContext) => TemplateResult;
