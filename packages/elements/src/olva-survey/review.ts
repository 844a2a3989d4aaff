/**
 * The review step: every visible answer, section by section, in words, with a button back to
 * each section. Nothing is sent before the respondent has seen it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { localize, localNumber, otherKey, type AnswerValue, type CompiledQuestion, type Locale, type ResponseSession } from '@olva/runtime';
import type { Choice } from '@olva/schema';
import { OTHER_CODE } from '@olva/schema';
import { plainText } from '../safe-text.js';
import type { Strings } from '../strings.js';
import { communeInWords } from '../questions/commune-search.js';

function choiceWords(choices: readonly Choice[] | undefined, code: string, locale: Locale): string {
  const choice = choices?.find((c) => c.code === code);
  return choice ? plainText(localize(choice.label, locale)) : code;
}

/** An answer in words, as the respondent would say it; null when not answered. */
export function answerInWords(
  question: CompiledQuestion, value: AnswerValue | undefined, other: AnswerValue | undefined,
  locale: Locale, strings: Strings,
): string | null {
  const q = question as { choices?: Choice[]; rows?: Choice[]; other?: { label: Choice['label'] } };
  if (other === undefined || !q.other) return valueInWords(question, q, value, locale, strings);
  // The text stands in for the choice "Autre (précisez)" it specifies.
  const rest = Array.isArray(value) ? value.filter((code) => code !== OTHER_CODE) : value === OTHER_CODE ? undefined : value;
  const main = Array.isArray(rest) && rest.length === 0 ? null : valueInWords(question, q, rest, locale, strings);
  const otherWords = `${plainText(localize(q.other.label, locale)) || strings.otherLabel}${strings.colon} ${String(other)}`;
  return main === null ? otherWords : `${main}\n${otherWords}`;
}

function valueInWords(
  question: CompiledQuestion, q: { choices?: Choice[]; rows?: Choice[] }, value: AnswerValue | undefined,
  locale: Locale, strings: Strings,
): string | null {
  if (value === undefined) return null;
  const word = (code: string) => choiceWords(q.choices, code, locale);
  switch (question.type) {
    case 'single':
      return word(String(value));
    case 'multiple':
      return Array.isArray(value) ? value.map(word).join('\n') : String(value);
    case 'boolean':
      return value === true ? strings.yes : value === false ? strings.no : String(value);
    case 'scale':
      return typeof value === 'number' && q.choices?.[value - 1]
        ? `${value} – ${plainText(localize(q.choices[value - 1].label, locale))}` : String(value);
    case 'matrix':
      return Object.entries(value as Record<string, string>)
        .map(([row, code]) => `${choiceWords(q.rows, row, locale)}${strings.colon} ${word(code)}`).join('\n');
    case 'commune':
      return typeof value === 'string' ? communeInWords(value) : String(value);
    case 'integer':
    case 'decimal': {
      if (typeof value !== 'number') return String(value);
      // "12 salariés", "3,5 ETP", "40 %": the unit the definition gives, in the language shown.
      const unit = (question as { unit?: Choice['label'] }).unit;
      const number = localNumber(value, locale);
      return unit ? `${number}\u00a0${plainText(localize(unit, locale))}` : number;
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
