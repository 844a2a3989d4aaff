/**
 * The review step: every visible answer, section by section, in words, with a button back to
 * each section. Nothing is sent before the respondent has seen it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { localize, localNumber, otherKey, type AnswerValue, type CompiledQuestion, type Locale, type ResponseSession } from '@olva/runtime';
import { choiceWords, matrixRowWords, scalePointWords, type ChoiceWords } from '@olva/schema';
import { plainText } from '../safe-text.js';
import type { Strings } from '../strings.js';
import { communeInWords } from '../questions/commune-search.js';

/**
 * An answer in words, as the respondent would say it, one line per choice or matrix row; null
 * when not answered. Which words is @olva/schema's (choiceWords, scalePointWords,
 * matrixRowWords: the cockpit reads a stored response with the same); this says them in the
 * language shown.
 */
export function answerInWords(
  question: CompiledQuestion, value: AnswerValue | undefined, other: AnswerValue | undefined,
  locale: Locale, strings: Strings,
): string | null {
  if (value === undefined) return null;
  const label = (c: Omit<ChoiceWords, 'text'>) => (c.label ? plainText(localize(c.label, locale)) : c.code);
  switch (question.type) {
    case 'single':
    case 'multiple':
      // One line per choice; a value not of its kind is shown as the codes it holds.
      return [value].flat().map((code) => {
        const choice = choiceWords(question, String(code), other);
        // The text stands in for the choice "Autre (précisez)" it specifies.
        return choice.text === undefined ? label(choice) : `${label(choice)}${strings.colon} ${choice.text}`;
      }).join('\n');
    case 'boolean':
      return value === true ? strings.yes : value === false ? strings.no : String(value);
    case 'scale': {
      // A value that is no point of the scale has no label, and is shown as it is.
      const point = scalePointWords(question, value as number);
      return point.label ? `${value} – ${label(point)}` : String(value);
    }
    case 'matrix':
      return matrixRowWords(question, value as Record<string, string>)
        .map((row) => `${label(row)}${strings.colon} ${label(row.choice)}`).join('\n');
    case 'commune':
      return communeInWords(String(value));
    case 'integer':
    case 'decimal': {
      if (typeof value !== 'number') return String(value);
      // "12 salariés", "3,5 ETP", "40 %": the unit the definition gives, in the language shown.
      const number = localNumber(value, locale);
      return question.unit ? `${number}\u00a0${plainText(localize(question.unit, locale))}` : number;
    }
    default:
      // Shown as typed. Not closed by unhandledQuestionType, whose throw would weigh on the
      // embed: \`satisfies\` makes tsc name this line (TS1360) when a type is added and not handled.
      question.type satisfies 'year' | 'text' | 'textarea' | 'email';
      return String(value);
  }
}

export interface ReviewOptions {
  session: ResponseSession;
  locale: Locale;
  strings: Strings;
  /** Goes back to the section with this page index. */
  onEdit(page: number): void;
}

/** Id of the review heading, focused when the step opens. */
export const REVIEW_HEADING = 'olva-review-title';

export function renderReview(options: ReviewOptions): TemplateResult {
  const { session, locale, strings } = options;
  return html`<div class="review" part="review">
    <h3 id=${REVIEW_HEADING} class="section-title" tabindex="-1">${strings.reviewTitle}</h3>
    ${session.visibleSections().map((section, page) => {
      const title = plainText(localize(section.title, locale));
      return html`<section aria-labelledby="olva-review-${section.id}">
        <div class="head">
          <h4 id="olva-review-${section.id}">${title}</h4>
          <button type="button" class="link" part="button" @click=${() => options.onEdit(page)}
            >${strings.edit}<span class="visually-hidden">${strings.colon} ${title}</span></button>
        </div>
        <dl>
          ${session.visibleQuestions(section.id).map((question) => {
            const words = answerInWords(question, session.getAnswer(question.id), session.getAnswer(otherKey(question.id)), locale, strings);
            return html`<dt>${plainText(localize(question.label, locale))}</dt>
              <dd class=${words === null ? 'unanswered' : nothing}>${words ?? strings.notAnswered}</dd>`;
          })}
        </dl>
      </section>`;
    })}
  </div>`;
}
