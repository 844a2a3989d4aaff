import type { LintRule, Finding } from './rule.js';
import { finding, q } from './rule.js';
import { didYouMean } from './suggest.js';

/**
 * A condition that reads an answer no question gives is always "missing": the question it
 * guards would silently never show (or always show). The core may only read the core.
 */
export const unknownVariable: LintRule = {
  name: 'unknown-variable',
  severity: 'error',
  description: { fr: 'Une condition lit une question qui n’existe pas.', en: 'A condition reads a question that does not exist.' },
  check(ctx) {
    const out: Finding[] = [];
    for (const c of ctx.conditions) {
      const readable = ctx.readable(c.doc);
      for (const read of c.scan.reads) {
        if (typeof read.name === 'string' && readable.has(read.name)) continue;
        const scope = c.doc === 'core'
          ? ['le tronc commun ne peut lire que ses propres questions', 'the core can only read its own questions']
          : ['une extension peut lire le tronc commun et ses propres questions', 'an extension can read the core and its own questions'];
        // A name the extension would define once its namespace is fixed is a consequence of
        // that error (extension-outside-namespace, reported first), not a problem of its own.
        if (typeof read.name === 'string' && c.doc === 'extension' && ctx.namespaceFixes.has(read.name)) continue;
        const [frGuess, enGuess] = didYouMean(read.name, readable);
        out.push(finding(c.doc, read.pointer,
          typeof read.name === 'string'
            ? [`la condition lit ${q(read.name)}, qui n’est l’identifiant d’aucune question`, `the condition reads ${q(read.name)}, which is no question's id`]
            : [`la condition lit ${q(read.name)} au lieu d’un identifiant de question`, `the condition reads ${q(read.name)} instead of a question id`],
          [`${frGuess}utilisez l’identifiant exact d’une question (${scope[0]})`, `${enGuess}use the exact id of a question (${scope[1]})`]));
      }
    }
    return out;
  },
};
