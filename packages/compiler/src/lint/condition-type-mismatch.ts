import type { LintRule, Finding } from './rule.js';
import { finding, q } from './rule.js';
import type { LintContext, DocKind } from './context.js';
import { readVariable } from './walk.js';
import { childPointer } from '@olva/schema';

const EQUALITIES = new Set(['==', '===', '!=', '!==']);
const ORDERINGS = new Set(['<', '<=', '>', '>=']);
/** Question types whose answer is a number. */
const NUMBER_TYPES = new Set(['integer', 'year', 'decimal', 'scale']);

/** The type of the answer an expression reads, when it is `{"var": id}` of a yes/no or numeric question. */
function answerRead(ctx: LintContext, doc: DocKind, node: unknown): { id: string; holds: 'boolean' | 'number' } | null {
  const name = readVariable(node);
  if (name === null) return null;
  const entry = ctx.questionOf(name, doc);
  if (!entry || entry.id !== name) return null;
  const type = (entry.question as { type?: unknown }).type;
  if (type === 'boolean') return { id: name, holds: 'boolean' };
  if (typeof type === 'string' && NUMBER_TYPES.has(type)) return { id: name, holds: 'number' };
  return null;
}

/** The words a beginner writes for yes and no, in both languages. */
const YES = new Set(['oui', 'yes', 'true', 'vrai', 'o', 'y', '1']);
const NO = new Set(['non', 'no', 'false', 'faux', 'n', '0']);

/**
 * A condition comparing a yes/no question with a text ("oui") is always false: its answer is
 * `true` or `false`. One comparing a numeric question with a text that is not a number is
 * always false too. Both are silent in the form (the question never shows), hence an error.
 */
export const conditionTypeMismatch: LintRule = {
  name: 'condition-type-mismatch',
  severity: 'error',
  description: {
    fr: 'Une condition compare une question oui/non ou numérique avec un texte : elle ne vaut jamais vrai.',
    en: 'A condition compares a yes/no or numeric question with a text: it is never true.',
  },
  check(ctx) {
    const out: Finding[] = [];
    for (const c of ctx.conditions) {
      for (const op of c.scan.operations) {
        const args = op.args;
        if (!Array.isArray(args) || args.length !== 2) continue;
        if (!EQUALITIES.has(op.operator) && !ORDERINGS.has(op.operator)) continue;
        for (const [v, other] of [[0, 1], [1, 0]] as const) {
          const read = answerRead(ctx, c.doc, args[v]);
          const literal = args[other];
          if (!read || typeof literal !== 'string') continue;
          const at = childPointer(op.pointer, op.operator, other);
          if (read.holds === 'boolean') {
            const word = literal.trim().toLowerCase();
            const meant = YES.has(word) ? 'true' : NO.has(word) ? 'false' : 'true ou false';
            const meantEn = meant === 'true ou false' ? 'true or false' : meant;
            out.push(finding(c.doc, at,
              [`${q(read.id)} est une question oui/non : sa réponse est true ou false, jamais le texte ${q(literal)}`, `${q(read.id)} is a yes/no question: its answer is true or false, never the text ${q(literal)}`],
              [`écrivez ${meant}, sans guillemets`, `write ${meantEn}, without quotes`]));
          } else if (literal.trim() === '' || !Number.isFinite(Number(literal))) {
            out.push(finding(c.doc, at,
              [`${q(read.id)} a pour réponse un nombre, jamais le texte ${q(literal)}`, `${q(read.id)} is answered with a number, never the text ${q(literal)}`],
              ['comparez-la à un nombre, sans guillemets', 'compare it with a number, without quotes']));
          }
        }
      }
    }
    return out;
  },
};
