/**
 * `surveyjs.json`: the questionnaire as a SurveyJS model (survey-core 2.5 JSON), for teams
 * that already run SurveyJS or want its tooling. Mapping (details in README.md):
 * sections → pages; single → radiogroup; multiple → checkbox (exclusive codes → `isExclusive`
 * choices); boolean → boolean; integer/year/decimal → text with `inputType: number`; text →
 * text; textarea → comment; email → text with `inputType: email`; commune → text with a regex
 * validator; scale → rating (values 1..n); matrix → matrix. The choice `other` that the
 * compiler adds is SurveyJS's own `showOtherItem` (value "other"), whose text SurveyJS keeps
 * under `<name>-Comment` and requires when "other" is chosen: `olvaNames` maps that key to
 * OLVA's `<id>_other`.
 * Conditions are translated by `surveyjs-expression.ts`.
 *
 * Names: SurveyJS reads `{a.b}` as "property b of a", so dots of extension ids become `__`
 * (`rennes.locaux` → `rennes__locaux`); `olvaNames` at the top maps every SurveyJS name
 * that differs back to its OLVA id.
 */
import type { CompiledQuestion, CompiledQuestionnaire, LocalizedText } from '@olva/schema';
import { OTHER_CODE, unhandledQuestionType } from '@olva/schema';
import { COMMUNE_PATTERN, EMAIL_MAX_LENGTH, OTHER_MAX_LENGTH } from './answers-schema.js';
import { toSurveyExpression, type VarInfo, type VarResolver } from './surveyjs-expression.js';
import { prettyJson } from './text.js';
import { allQuestions, choicesOf, hasOther, otherKey } from './question-parts.js';

/** A SurveyJS localizable string. */
export type SurveyText = string | { default: string; en?: string };

/** SurveyJS JSON (kept loose: it is data we write out). */
export type SurveyJson = Record<string, unknown>;

/** A condition that SurveyJS may evaluate differently from the runtime, and why. */
export interface InexactCondition {
  question: string;
  /** `visibleIf`, `requiredIf`, or `check:<check id>` (an expression validator). */
  property: string;
  notes: string[];
}

/** Raised when two OLVA ids map to one SurveyJS name. */
export class SurveyNameError extends Error {}

/** The SurveyJS name of an OLVA id or answer key: dots become `__`. */
export function surveyName(id: string): string {
  return id.replace(/\./g, '__');
}

/**
 * The SurveyJS key of the "other, please specify" text of a question: its comment, named with
 * SurveyJS's default `commentSuffix` (the suffix is a global setting of survey-core, not part
 * of a model, so the model cannot rename it to `_other`).
 */
export function surveyOtherName(questionId: string): string {
  return `${surveyName(questionId)}-Comment`;
}

/** A SurveyJS localizable text from an OLVA {fr, en} text. */
export function surveyText(text: LocalizedText): SurveyText {
  return text.en !== undefined && text.en !== text.fr ? { default: text.fr, en: text.en } : { default: text.fr };
}

/** Whether two choice codes could be equal for SurveyJS (it compares numbers loosely). */
function looselyEqual(a: string, b: string): boolean {
  if (a.toLowerCase() === b.toLowerCase()) return true;
  const na = Number(a);
  const nb = Number(b);
  return a.trim() !== '' && b.trim() !== '' && !Number.isNaN(na) && !Number.isNaN(nb) && parseInt(a, 10) === parseInt(b, 10) && parseFloat(a) === parseFloat(b);
}

function distinctForSurveyJs(codes: string[]): boolean {
  for (let i = 0; i < codes.length; i++) {
    for (let j = i + 1; j < codes.length; j++) if (looselyEqual(codes[i], codes[j])) return false;
  }
  return true;
}

/** What the expression translator needs to know about every answer key of the questionnaire. */
export function varResolver(compiled: CompiledQuestionnaire): VarResolver {
  const infos = new Map<string, VarInfo>();
  for (const q of allQuestions(compiled)) {
    const name = surveyName(q.id);
    switch (q.type) {
      case 'single': {
        const codes = q.choices.map((c) => c.code);
        // Codes SurveyJS cannot tell apart ("1" and "01") are left non-enumerated: the
        // translator then flags the comparison as inexact.
        infos.set(q.id, distinctForSurveyJs(codes) ? { name, kind: 'string', domain: codes } : { name, kind: 'string' });
        break;
      }
      case 'boolean': infos.set(q.id, { name, kind: 'boolean', domain: [true, false] }); break;
      case 'scale': infos.set(q.id, { name, kind: 'number', domain: q.choices.map((_, i) => i + 1) }); break;
      case 'integer': case 'year': infos.set(q.id, { name, kind: 'number' }); break;
      case 'decimal': infos.set(q.id, { name, kind: 'number', decimal: true }); break;
      case 'multiple': infos.set(q.id, { name, kind: 'array' }); break;
      case 'matrix': {
        infos.set(q.id, { name, kind: 'object' });
        const codes = q.choices.map((c) => c.code);
        for (const row of q.rows) {
          infos.set(`${q.id}.${row.code}`, {
            name: `${name}.${row.code}`, kind: 'string', ...(distinctForSurveyJs(codes) ? { domain: codes } : {}),
          });
        }
        break;
      }
      case 'commune': infos.set(q.id, { name, kind: 'string', exactStrings: true }); break;
      case 'text': case 'textarea': case 'email': infos.set(q.id, { name, kind: 'string' }); break;
      default: unhandledQuestionType(q);
    }
    if (hasOther(q)) infos.set(otherKey(q.id), { name: surveyOtherName(q.id), kind: 'string' });
  }
  return (key) => infos.get(key);
}

function numberInput(q: CompiledQuestion & { min?: number; max?: number }, integer: boolean): SurveyJson {
  const out: SurveyJson = { type: 'text', inputType: 'number' };
  if (q.min !== undefined) out.min = q.min;
  if (q.max !== undefined) out.max = q.max;
  out.step = integer ? 1 : 'any';
  return out;
}

/**
 * The choices of a single or multiple question; the added choice `other` becomes SurveyJS's
 * "other" item (same value, same label), with the text field's label as its placeholder.
 */
function withOtherItem(q: CompiledQuestion, choices: SurveyJson[]): SurveyJson {
  if (!hasOther(q)) return { choices };
  const added = choicesOf(q).find((c) => c.code === OTHER_CODE)!;
  return {
    choices: choices.filter((c) => c.value !== OTHER_CODE),
    showOtherItem: true,
    otherText: surveyText(added.label),
    otherPlaceholder: surveyText(q.other.label),
  };
}

/** The type-specific part of a SurveyJS question. */
export function questionBody(q: CompiledQuestion): SurveyJson {
  const choices = (): SurveyJson[] => choicesOf(q).map((c) => ({ value: c.code, text: surveyText(c.label) }));
  switch (q.type) {
    case 'single':
      return { type: 'radiogroup', ...withOtherItem(q, choices()) };
    case 'multiple': {
      const exclusive = new Set(q.exclusive ?? []);
      const out: SurveyJson = {
        type: 'checkbox',
        ...withOtherItem(q, q.choices.map((c) => ({ value: c.code, text: surveyText(c.label), ...(exclusive.has(c.code) ? { isExclusive: true } : {}) }))),
      };
      if (q.minSelected !== undefined) out.minSelectedChoices = q.minSelected;
      if (q.maxSelected !== undefined) out.maxSelectedChoices = q.maxSelected;
      return out;
    }
    case 'boolean':
      return { type: 'boolean', labelTrue: { default: 'Oui', en: 'Yes' }, labelFalse: { default: 'Non', en: 'No' }, valueTrue: true, valueFalse: false };
    case 'integer':
    case 'year':
      return numberInput(q, true);
    case 'decimal':
      return numberInput(q, false);
    case 'text':
    case 'textarea': {
      const out: SurveyJson = { type: q.type === 'text' ? 'text' : 'comment' };
      if (q.maxLength !== undefined) out.maxLength = q.maxLength;
      if (q.pattern !== undefined) out.validators = [{ type: 'regex', regex: q.pattern }];
      return out;
    }
    case 'email':
      return { type: 'text', inputType: 'email', maxLength: EMAIL_MAX_LENGTH, validators: [{ type: 'email' }] };
    case 'commune':
      return { type: 'text', maxLength: 5, validators: [{ type: 'regex', regex: COMMUNE_PATTERN }] };
    case 'scale':
      return { type: 'rating', rateValues: q.choices.map((c, i) => ({ value: i + 1, text: surveyText(c.label) })) };
    case 'matrix':
      return {
        type: 'matrix',
        rows: q.rows.map((r) => ({ value: r.code, text: surveyText(r.label) })),
        columns: choices(),
      };
    default:
      return unhandledQuestionType(q);
  }
}

/** `surveyjs.json` as an object. */
export function surveyModel(compiled: CompiledQuestionnaire): SurveyJson {
  const resolve = varResolver(compiled);
  const names: Record<string, string> = {};
  const seen = new Map<string, string>();
  const inexact: InexactCondition[] = [];
  const claim = (id: string): string => {
    const name = surveyName(id);
    const previous = seen.get(name);
    if (previous !== undefined) throw new SurveyNameError(`"${id}" and "${previous}" both become the SurveyJS name "${name}"`);
    seen.set(name, id);
    if (name !== id) names[name] = id;
    return name;
  };
  const condition = (q: CompiledQuestion, property: InexactCondition['property'], c: unknown): string => {
    const t = toSurveyExpression(c, resolve);
    if (!t.exact) inexact.push({ question: q.id, property, notes: t.notes });
    return t.expression;
  };
  // A check becomes an expression validator (valid when its `when` is false) on the first
  // question it points at; SurveyJS shows warnings without blocking, like the runtime.
  const byId = new Map(allQuestions(compiled).map((q) => [q.id, q] as const));
  const validators = new Map<string, SurveyJson[]>();
  for (const check of compiled.checks) {
    const target = check.questions.map((id) => byId.get(id)).find((q) => q !== undefined);
    if (!target) continue;
    const v: SurveyJson = {
      type: 'expression',
      expression: condition(target, `check:${check.id}`, { '!': check.when }),
      text: surveyText(check.message),
    };
    if (check.level === 'warning') v.notificationType = 'warning';
    validators.set(target.id, [...(validators.get(target.id) ?? []), v]);
  }

  const pages = compiled.sections.map((section) => {
    const elements: SurveyJson[] = [];
    for (const q of section.questions) {
      const el: SurveyJson = { name: claim(q.id), ...questionBody(q), title: surveyText(q.label) };
      if (q.help) el.description = surveyText(q.help);
      let visibleIf: string | undefined;
      if (q.visibleWhen) {
        visibleIf = condition(q, 'visibleIf', q.visibleWhen);
        el.visibleIf = visibleIf;
      }
      if (q.required === true) el.isRequired = true;
      else if (q.required && typeof q.required === 'object') el.requiredIf = condition(q, 'requiredIf', q.required);
      const checks = validators.get(q.id);
      if (checks) el.validators = [...((el.validators as SurveyJson[] | undefined) ?? []), ...checks];
      elements.push(el);
      if (hasOther(q)) names[surveyOtherName(q.id)] = otherKey(q.id);
    }
    const page: SurveyJson = { name: surveyName(section.id), title: surveyText(section.title) };
    if (section.description) page.description = surveyText(section.description);
    page.elements = elements;
    return page;
  });

  const model: SurveyJson = {
    title: surveyText(compiled.title),
  };
  if (compiled.description) model.description = surveyText(compiled.description);
  Object.assign(model, {
    clearInvisibleValues: 'onHidden',
    showQuestionNumbers: 'off',
    checkErrorsMode: 'onValueChanged',
    // The longest "other" text, as in the answers schema.
    maxCommentLength: OTHER_MAX_LENGTH,
    olvaNames: names,
  });
  if (inexact.length) model.olvaInexact = inexact;
  model.pages = pages;
  return model;
}

/** `surveyjs.json` of a compiled questionnaire. */
export function emitSurveyJs(compiled: CompiledQuestionnaire): string {
  return prettyJson(surveyModel(compiled));
}
