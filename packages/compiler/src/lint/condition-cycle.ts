import type { LintRule, Finding } from './rule.js';
import { finding, q } from './rule.js';
import type { QuestionEntry, ConditionEntry } from './context.js';

/**
 * Visibility and requiredness conditions that depend on each other in a loop have no stable
 * answer (a hidden question has no answer, which may show it again…). Each cycle is reported
 * once, on the read that leaves its first member in document order.
 */
export const conditionCycle: LintRule = {
  name: 'condition-cycle',
  severity: 'error',
  description: { fr: 'Des conditions d’affichage ou d’obligation dépendent les unes des autres en boucle.', en: 'Visibility or requiredness conditions depend on each other in a loop.' },
  check(ctx) {
    // Edges question → question read, with the pointer of the read.
    const edges = new Map<QuestionEntry, { to: QuestionEntry; pointer: string }[]>();
    for (const c of ctx.conditions as ConditionEntry[]) {
      if (c.role === 'when') continue;
      const from = c.owner as QuestionEntry;
      for (const read of c.scan.reads) {
        if (typeof read.name !== 'string') continue;
        const to = ctx.questionOf(read.name, c.doc);
        if (!to) continue;
        const list = edges.get(from) ?? [];
        list.push({ to, pointer: read.pointer });
        edges.set(from, list);
      }
    }
    const out: Finding[] = [];
    const reported = new Set<QuestionEntry>();
    const state = new Map<QuestionEntry, 'open' | 'done'>();
    const stack: { node: QuestionEntry; pointer: string }[] = [];
    const visit = (node: QuestionEntry) => {
      state.set(node, 'open');
      for (const edge of edges.get(node) ?? []) {
        const s = state.get(edge.to);
        if (s === 'open') {
          // stack[k].pointer is the read that led to stack[k].node; the top of the stack is `node`.
          const start = stack.findIndex((f) => f.node === edge.to);
          const frames = stack.slice(start);
          const members = frames.map((f) => f.node);
          if (!members.some((m) => reported.has(m))) {
            members.forEach((m) => reported.add(m));
            const hops = frames.map((f, k) => ({ from: f.node, pointer: k + 1 < frames.length ? frames[k + 1]!.pointer : edge.pointer }));
            const first = hops.reduce((a, b) => (compareEntries(b.from, a.from) < 0 ? b : a));
            const names = [...members, members[0]!].map((m) => q(m.id)).join(' → ');
            out.push(finding(first.from.doc, first.pointer,
              [`les conditions forment une boucle : ${names}`, `conditions form a cycle: ${names}`],
              ['faites dépendre chaque question seulement de questions posées avant elle', 'make each question depend only on questions asked before it']));
          }
        } else if (s === undefined) {
          stack.push({ node: edge.to, pointer: edge.pointer });
          visit(edge.to);
          stack.pop();
        }
      }
      state.set(node, 'done');
    };
    for (const node of ctx.questions) {
      if (state.has(node)) continue;
      stack.push({ node, pointer: '' });
      visit(node);
      stack.pop();
    }
    return out;
  },
};

function compareEntries(a: QuestionEntry, b: QuestionEntry): number {
  const docRank = (e: QuestionEntry) => (e.doc === 'core' ? 0 : 1);
  return docRank(a) - docRank(b) || (a.position ?? Infinity) - (b.position ?? Infinity);
}
