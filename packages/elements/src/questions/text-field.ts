/** The text box shared by text, textarea, email and commune questions. */
import { html, nothing, type TemplateResult } from 'lit';
import { questionType } from '@olva/runtime';
import type { QuestionContext } from './context.js';
import { blankToUndefined, describedBy, textField } from './field.js';
import { questionIds } from './question-ids.js';

export interface TextBoxOptions {
  multiline?: boolean;
  type?: 'text' | 'email';
  autocomplete?: string;
  maxlength?: number;
  short?: boolean;
  hint?: string | null;
}

/** Renders a free-text question. */
export function textBox(context: QuestionContext, options: TextBoxOptions = {}): TemplateResult {
  const { question } = context;
  const id = questionIds(question.id).control;
  const shown = context.typed ?? (typeof context.value === 'string' ? context.value : '');
  const describers = describedBy(context, options.hint) || nothing;
  // Lit writes a boolean as "true" or "false", the values ARIA reads.
  const invalid = !!context.error;
  const required = context.required;
  const coerce = questionType(question.type).coerce;
  const onInput = (e: Event) => {
    const raw = (e.target as HTMLInputElement | HTMLTextAreaElement).value;
    const value = coerce ? coerce(raw, question) : blankToUndefined(raw);
    // A text put in capitals to fit its format (an RNA number) is shown as it will be sent.
    context.onChange(value, question.type === 'text' && typeof value === 'string' ? value : raw);
  };
  const control = options.multiline
    ? html`<textarea part="input" id=${id} rows="5" .value=${shown} maxlength=${options.maxlength ?? nothing}
        aria-invalid=${invalid} aria-required=${required} aria-describedby=${describers} @input=${onInput}></textarea>`
    : html`<input part="input" class=${options.short ? 'short' : ''} type=${options.type ?? 'text'} id=${id}
        .value=${shown} maxlength=${options.maxlength ?? nothing} autocomplete=${options.autocomplete ?? nothing}
        spellcheck=${options.type === 'email' ? 'false' : nothing}
        aria-invalid=${invalid} aria-required=${required} aria-describedby=${describers} @input=${onInput} />`;
  return textField(context, control, options.hint);
}

/** The `maxLength` of a text question. */
export function maxLength(context: QuestionContext): number | undefined {
  return (context.question as { maxLength?: number }).maxLength;
}
