/**
 * Conditions (JsonLogic) written out in words, in French and English, for the codebook and
 * the paper form: `{"==": [{"var": "employeur"}, true]}` → « Q4 employeur = Oui ».
 * Choice codes are shown with their label; questions with their number and id.
 */
import type { CompiledQuestion, CompiledQuestionnaire, Condition } from '@olva/schema';
import { en, fr } from './text.js';
import { allQuestions, choicesOf } from './question-parts.js';

/** The two languages of every human text. */
export type WordsLang = 'fr' | 'en';

interface Ctx {
  lang: WordsLang;
  byId: Map<string, CompiledQuestion>;
}

const WORDS = {
  fr: {
    and: ' et ', or: ' ou ', not: 'non ', yes: 'Oui', no: 'Non', answered: 'est répondue',
    notAnswered: "n'est pas répondue", contains: 'contient', oneOf: 'est parmi', is: 'est', atLeast: 'au moins',
    of: 'réponses parmi', empty: '(vide)', missingPrefix: 'sans réponse à',
    lacks: 'ne contient pas', noneOf: "n'est pas parmi", orUnanswered: 'ou sans réponse',
  },
  en: {
    and: ' and ', or: ' or ', not: 'not ', yes: 'Yes', no: 'No', answered: 'is answered',
    notAnswered: 'is not answered', contains: 'includes', oneOf: 'is one of', is: 'is', atLeast: 'at least',
    of: 'answers among', empty: '(empty)', missingPrefix: 'no answer to',
    lacks: 'does not include', noneOf: 'is not one of', orUnanswered: 'or unanswered',
  },
} as const;

const COMPARATORS: Record<string, string> = {
  '==': '=', '===': '=', '!=': '≠', '!==': '≠', '<': '<', '<=': '≤', '>': '>', '>=': '≥',
};

/** The comparison that holds exactly when the other fails (for two operands). */
const OPPOSITE: Record<string, string> = {
  '==': '!=', '===': '!==', '!=': '==', '!==': '===', '<': '>=', '<=': '>', '>': '<=', '>=': '<',
};

function args(node: unknown): unknown[] {
  return Array.isArray(node) ? node : [node];
}

function varName(node: unknown): string | undefined {
  if (node && typeof node === 'object' && !Array.isArray(node)) {
    const entries = Object.entries(node as Record<string, unknown>);
    if (entries.length === 1 && entries[0][0] === 'var') {
      const v = entries[0][1];
      const name = Array.isArray(v) ? v[0] : v;
      return typeof name === 'string' ? name : undefined;
    }
  }
  return undefined;
}

function questionRef(id: string, ctx: Ctx): string {
  const q = ctx.byId.get(id);
  if (q) return `Q${q.number} ${id}`;
  const base = id.endsWith('_other') ? ctx.byId.get(id.slice(0, -'_other'.length)) : undefined;
  if (base) return `Q${base.number} ${id}`;
  return id;
}

/** A literal, shown with the label of the choice it is the code of (when `about` has choices). */
function literal(value: unknown, ctx: Ctx, about?: string): string {
  const w = WORDS[ctx.lang];
  if (value === true) return w.yes;
  if (value === false) return w.no;
  if (value === null || value === '') return w.empty;
  if (Array.isArray(value)) return `{${value.map((v) => literal(v, ctx, about)).join(', ')}}`;
  if (typeof value === 'string') {
    const q = about ? ctx.byId.get(about) : undefined;
    const choice = q ? choicesOf(q).find((c) => c.code === value) : undefined;
    if (choice) return `« ${ctx.lang === 'fr' ? fr(choice.label) : en(choice.label)} » (${value})`;
    return `« ${value} »`;
  }
  return String(value);
}

function operand(node: unknown, ctx: Ctx, about?: string): string {
  const v = varName(node);
  if (v !== undefined) return questionRef(v, ctx);
  if (node && typeof node === 'object' && !Array.isArray(node)) return `(${words(node, ctx)})`;
  return literal(node, ctx, about);
}

function words(node: unknown, ctx: Ctx): string {
  const w = WORDS[ctx.lang];
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return literal(node, ctx);
  const entries = Object.entries(node as Record<string, unknown>);
  if (entries.length !== 1) return JSON.stringify(node);
  const [op, raw] = entries[0];
  const a = args(raw);
  if (op === 'var') {
    const v = varName(node)!;
    if (ctx.byId.get(v)?.type === 'boolean') return `${questionRef(v, ctx)} = ${w.yes}`;
    return `${questionRef(v, ctx)} ${w.answered}`;
  }
  if (op in COMPARATORS) {
    const about = varName(a[0]) ?? varName(a[1]) ?? varName(a[2]);
    if (a.length === 3) {
      return `${operand(a[0], ctx, about)} ${COMPARATORS[op]} ${operand(a[1], ctx, about)} ${COMPARATORS[op]} ${operand(a[2], ctx, about)}`;
    }
    if (a[1] === null && varName(a[0]) && (op === '==' || op === '===')) return `${operand(a[0], ctx)} ${w.notAnswered}`;
    if (a[1] === null && varName(a[0]) && (op === '!=' || op === '!==')) return `${operand(a[0], ctx)} ${w.answered}`;
    // "≠ Non" reads as a double negative: a yes/no question different from one answer is the other one, or unanswered.
    if ((op === '!=' || op === '!==') && typeof a[1] === 'boolean' && varName(a[0]) && ctx.byId.get(varName(a[0])!)?.type === 'boolean') {
      return `${operand(a[0], ctx)} = ${a[1] ? w.no : w.yes} ${w.orUnanswered}`;
    }
    return `${operand(a[0], ctx, about)} ${COMPARATORS[op]} ${operand(a[1], ctx, about)}`;
  }
  if (op === 'and' || op === 'or') {
    return a.map((x) => {
      const inner = words(x, ctx);
      const isGroup = x && typeof x === 'object' && !Array.isArray(x) && ('and' in x || 'or' in x);
      return isGroup ? `(${inner})` : inner;
    }).join(w[op]);
  }
  if (op === '!') return negation(a[0], ctx);
  if (op === '!!') return words(a[0], ctx);
  if (op === 'in') {
    const hay = varName(a[1]);
    if (hay !== undefined) return `${questionRef(hay, ctx)} ${w.contains} ${operand(a[0], ctx, hay)}`;
    const needle = varName(a[0]);
    if (Array.isArray(a[1]) && a[1].length > 0) {
      return `${operand(a[0], ctx)} ${w.is} ${a[1].map((x) => literal(x, ctx, needle)).join(w.or)}`;
    }
    return `${operand(a[0], ctx)} ${w.oneOf} ${operand(a[1], ctx, needle)}`;
  }
  if (op === 'missing') {
    const list = (Array.isArray(a[0]) ? a[0] : a) as unknown[];
    return list.map((id) => `${questionRef(String(id), ctx)} ${w.notAnswered}`).join(w.or);
  }
  if (op === 'missing_some') {
    const list = (Array.isArray(a[1]) ? a[1] : []) as unknown[];
    return `${w.missingPrefix} ${w.atLeast} ${String(a[0])} ${w.of} ${list.map((id) => questionRef(String(id), ctx)).join(', ')}`;
  }
  if (['+', '-', '*', '/', '%'].includes(op)) {
    if (op === '-' && a.length === 1) return `-${operand(a[0], ctx)}`;
    return a.map((x) => operand(x, ctx)).join(` ${op} `);
  }
  if (op === 'min' || op === 'max') return `${op}(${a.map((x) => operand(x, ctx)).join(', ')})`;
  return JSON.stringify(node);
}

/**
 * The words of "not `node`", the negation carried inside (De Morgan, opposite comparisons,
 * "is answered" for "not missing") so that the reader never meets "non (… n'est pas …)".
 * Only what has no single-negative form keeps `non (…)`.
 */
function negation(node: unknown, ctx: Ctx): string {
  const w = WORDS[ctx.lang];
  const v = varName(node);
  if (v !== undefined && ctx.byId.get(v)?.type === 'boolean') return `${questionRef(v, ctx)} = ${w.no} ${w.orUnanswered}`;
  if (v !== undefined) return `${questionRef(v, ctx)} ${w.notAnswered}`;
  if (node && typeof node === 'object' && !Array.isArray(node) && Object.keys(node).length === 1) {
    const [op, raw] = Object.entries(node as Record<string, unknown>)[0]!;
    const a = args(raw);
    if (op === '!' || op === '!!') return op === '!' ? words(a[0], ctx) : negation(a[0], ctx);
    if (op in OPPOSITE && a.length === 2) return words({ [OPPOSITE[op]!]: a }, ctx);
    if (op === 'and' || op === 'or') {
      return a.map((x) => {
        const inner = negation(x, ctx);
        return / (et|ou|and|or) /.test(inner) ? `(${inner})` : inner;
      }).join(op === 'and' ? w.or : w.and);
    }
    if (op === 'missing') {
      const list = (Array.isArray(a[0]) ? a[0] : a) as unknown[];
      return list.map((id) => `${questionRef(String(id), ctx)} ${w.answered}`).join(w.and);
    }
    if (op === 'in') {
      const hay = varName(a[1]);
      if (hay !== undefined) return `${questionRef(hay, ctx)} ${w.lacks} ${operand(a[0], ctx, hay)}`;
      const needle = varName(a[0]);
      if (needle !== undefined && Array.isArray(a[1]) && a[1].length > 0) {
        return `${questionRef(needle, ctx)} ${w.noneOf} {${a[1].map((x) => literal(x, ctx, needle)).join(', ')}}`;
      }
    }
  }
  return `${w.not}(${words(node, ctx)})`;
}

/**
 * A condition in words. Unknown constructs fall back to their JSON text rather than being
 * dropped: the reader must never see a condition silently simplified.
 */
export function conditionWords(condition: Condition, compiled: CompiledQuestionnaire, lang: WordsLang): string {
  const byId = new Map(allQuestions(compiled).map((q) => [q.id, q] as const));
  return words(condition, { lang, byId });
}

/** Requiredness in words: `oui`, `non`, or `si …` (French); `yes`, `no`, `if …` (English). */
export function requiredWords(question: CompiledQuestion, compiled: CompiledQuestionnaire, lang: WordsLang): string {
  const r = question.required;
  if (r === true) return lang === 'fr' ? 'oui' : 'yes';
  if (r === undefined || r === false) return lang === 'fr' ? 'non' : 'no';
  return `${lang === 'fr' ? 'si' : 'if'} ${conditionWords(r, compiled, lang)}`;
}

/** Visibility in words: '' when always shown, else `si …` / `if …`. */
export function visibilityWords(question: CompiledQuestion, compiled: CompiledQuestionnaire, lang: WordsLang): string {
  if (!question.visibleWhen) return '';
  return `${lang === 'fr' ? 'si' : 'if'} ${conditionWords(question.visibleWhen, compiled, lang)}`;
}
