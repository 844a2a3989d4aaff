/**
 * Crosswalks between versions of the core (issue 14, "Crosswalks between versions"). A core
 * definition may declare `crosswalk: { from, questions }`: for each question whose answers do
 * not carry over as they are, either a mapping from the previous version (`from`: the old id;
 * `codes`: old code → new codes, so one old code to several new ones is a split and several
 * old codes to one new code a merge; codes absent map to themselves) or `notComparable` with
 * the reason.
 *
 * This file turns crosswalks into *harmonised categories*: the coarsest categories that every
 * version can be mapped onto (a split is harmonised back to the old code, a merge to the new
 * one), and maps each version's answers onto them. Pure and DOM-free: the compiler's diff, the
 * collector's harmonised exports and the analysis of previous waves all read it.
 */
import type {
  Crosswalk, CrosswalkEntry, CrosswalkMapping, CrosswalkNotComparable, LocalizedText,
  QuestionnaireDefinition,
} from './questionnaire.generated.js';
import type { CompiledQuestionnaire } from './compiled.js';
import { OTHER_CHOICE } from './other.js';

export type { Crosswalk, CrosswalkEntry, CrosswalkMapping, CrosswalkNotComparable } from './questionnaire.generated.js';

/** What harmonisation needs of a question: its id, type and (for choice questions) its codes. */
export interface CrosswalkQuestion {
  id: string;
  type: string;
  choices?: readonly { code: string; label: LocalizedText }[];
}

/** What harmonisation needs of one version of the core: its version, crosswalk and questions. */
export interface CrosswalkVersion {
  version: string;
  /** The crosswalk this version declares from the previous one, if any. */
  crosswalk?: Crosswalk;
  questions: readonly CrosswalkQuestion[];
}

/** One harmonised category: a code every version's answers can be mapped onto. */
export interface HarmonisedCategory {
  /** The harmonised code: the coarsest code among the versions (old code of a split, new code of a merge). */
  code: string;
  label: LocalizedText;
  /** For each version where the question exists, its codes that fall into this category (possibly none). */
  members: { version: string; codes: string[] }[];
}

/** The harmonisation of one question across versions. */
export interface HarmonisedQuestion {
  /** Id of the question in the latest version. */
  question: string;
  /** Type of the question in the latest version. */
  type: string;
  /** For each version (oldest first), the id the question had there; null when absent or not comparable. */
  sources: { version: string; question: string | null }[];
  /** Declared breaks: from `version` on, earlier answers are not compared (reason in fr/en). */
  notComparable: { version: string; reason: LocalizedText }[];
  /** Harmonised categories in display order; empty for questions without codes. */
  categories: HarmonisedCategory[];
  /** version → that version's code → harmonised code; empty for questions without codes. */
  codes: Record<string, Record<string, string>>;
}

/** The types whose answers are choice codes (matrix: the code chosen in each row). */
const CODED_TYPES = new Set(['single', 'multiple', 'matrix']);

/** True when a crosswalk entry declares that the question is not comparable. */
export function isNotComparable(entry: CrosswalkEntry): entry is CrosswalkNotComparable {
  return 'notComparable' in entry;
}

/** The crosswalk entry of a question (by its id in the version that declares the crosswalk). */
export function crosswalkEntryFor(crosswalk: Crosswalk | undefined, questionId: string): CrosswalkEntry | undefined {
  return crosswalk?.questions.find((e) => e.question === questionId);
}

/** How a mapping entry changes codes, in the words a statistician uses. */
export interface CodeChanges {
  /** Old code → several new codes. */
  split: { from: string; to: string[] }[];
  /** Several old codes → one new code. */
  merged: { from: string[]; to: string }[];
  /** One old code → one other new code, no other old code going there. */
  recoded: { from: string; to: string }[];
}

/** Classifies the `codes` of a mapping entry into splits, merges and recodes. */
export function codeChanges(codes: CrosswalkMapping['codes']): CodeChanges {
  const out: CodeChanges = { split: [], merged: [], recoded: [] };
  const entries = Object.entries(codes ?? {});
  const sources = new Map<string, string[]>();
  for (const [from, to] of entries) {
    for (const code of to) sources.set(code, [...(sources.get(code) ?? []), from]);
  }
  for (const [from, to] of entries) {
    if (to.length > 1) out.split.push({ from, to: [...to] });
  }
  for (const [to, from] of sources) {
    if (from.length > 1) out.merged.push({ from, to });
  }
  for (const [from, to] of entries) {
    const [only] = to;
    if (to.length === 1 && only !== from && sources.get(only!)!.length === 1) out.recoded.push({ from, to: only! });
  }
  return out;
}

/** The questions of a definition or a compiled questionnaire, with the choice `other` where declared. */
export function crosswalkVersionOf(source: QuestionnaireDefinition | CompiledQuestionnaire): CrosswalkVersion {
  if ('kind' in source && source.kind === 'olva-compiled-questionnaire') {
    return {
      version: source.questionnaire.version,
      ...(source.crosswalk ? { crosswalk: source.crosswalk } : {}),
      questions: source.sections.flatMap((s) => s.questions),
    };
  }
  const definition = source as QuestionnaireDefinition;
  const questions: CrosswalkQuestion[] = [];
  for (const section of definition.sections) {
    for (const item of section.items) {
      if (!('id' in item) || !('type' in item)) continue;
      const choices = 'choices' in item && Array.isArray(item.choices) ? item.choices : undefined;
      const withOther = choices && 'other' in item && item.other ? [...choices, OTHER_CHOICE] : choices;
      questions.push({ id: item.id, type: item.type, ...(withOther ? { choices: withOther } : {}) });
    }
  }
  return { version: definition.version, ...(definition.crosswalk ? { crosswalk: definition.crosswalk } : {}), questions };
}

/** Union-find over (version index, code) nodes. */
class Groups {
  private readonly parent = new Map<string, string>();
  add(node: string): void { if (!this.parent.has(node)) this.parent.set(node, node); }
  find(node: string): string {
    let root = node;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    this.parent.set(node, root);
    return root;
  }
  union(a: string, b: string): void { this.parent.set(this.find(a), this.find(b)); }
}

const node = (k: number, code: string): string => `${k}\u0000${code}`;

/** For each version (oldest first), the question's id there and the codes map into it; stops at a break. */
function trace(questionId: string, versions: readonly CrosswalkVersion[]) {
  const ids: (string | null)[] = versions.map(() => null);
  const edges: (Record<string, string[]> | undefined)[] = versions.map(() => undefined);
  const breaks: HarmonisedQuestion['notComparable'] = [];
  let id: string | null = questionId;
  for (let k = versions.length - 1; k >= 0 && id !== null; k--) {
    const version = versions[k]!;
    if (!version.questions.some((q) => q.id === id)) break;
    ids[k] = id;
    const entry = crosswalkEntryFor(version.crosswalk, id);
    if (entry && isNotComparable(entry)) {
      breaks.push({ version: version.version, reason: entry.notComparable });
      break;
    }
    edges[k] = entry?.codes ?? {};
    // Without an entry the question keeps its id, unless the crosswalk gave that old id to another question.
    const taken = !entry && version.crosswalk?.questions.some((e) => !isNotComparable(e) && e.from === id && e.question !== id);
    if (taken) break;
    id = entry ? entry.from : id;
  }
  return { ids, edges, breaks };
}

function joinLabels(labels: LocalizedText[]): LocalizedText {
  const fr = labels.map((l) => l.fr).join(' / ');
  return labels.every((l) => l.en) ? { fr, en: labels.map((l) => l.en).join(' / ') } : { fr };
}

/**
 * Harmonises question `questionId` (its id in the last version) across `versions`, given
 * oldest first, each version's crosswalk mapping from the version before it in the list. A
 * question renamed through `from` is followed back; one absent from a version, or declared
 * `notComparable`, has no source in that version nor in any earlier one.
 *
 * Categories are the connected groups of codes linked by the crosswalks (a code absent from
 * `codes` is linked to the same code in the next version when it exists there): each group
 * takes the code of the latest version that has exactly one code in it, so a split harmonises
 * to the old code and a merge to the new one. A code removed without mapping, or added, is a
 * category of its own (found only in the versions that have it).
 */
export function harmoniseQuestion(questionId: string, versions: readonly CrosswalkVersion[]): HarmonisedQuestion {
  const { ids, edges, breaks } = trace(questionId, versions);
  const last = versions[versions.length - 1];
  const lastQuestion = last?.questions.find((q) => q.id === questionId);
  const sources = versions.map((v, k) => ({ version: v.version, question: ids[k]! }));
  const result: HarmonisedQuestion = {
    question: questionId, type: lastQuestion?.type ?? 'unknown', sources, notComparable: breaks, categories: [], codes: {},
  };
  const questions = versions.map((v, k) => (ids[k] ? v.questions.find((q) => q.id === ids[k]) : undefined));
  if (!lastQuestion || !CODED_TYPES.has(lastQuestion.type)) return result;

  const groups = new Groups();
  const choicesOf = (k: number) => (questions[k] && CODED_TYPES.has(questions[k]!.type) ? questions[k]!.choices ?? [] : []);
  versions.forEach((_, k) => choicesOf(k).forEach((c) => groups.add(node(k, c.code))));
  for (let k = 1; k < versions.length; k++) {
    if (!questions[k] || !questions[k - 1]) continue;
    const next = new Set(choicesOf(k).map((c) => c.code));
    const codes = edges[k] ?? {};
    for (const c of choicesOf(k - 1)) {
      const targets = codes[c.code] ?? (next.has(c.code) ? [c.code] : []);
      for (const t of targets) if (next.has(t)) groups.union(node(k - 1, c.code), node(k, t));
    }
  }

  // Gather each group's codes per version, in the order first met from the latest version back.
  const members = new Map<string, Map<number, { code: string; label: LocalizedText }[]>>();
  for (let k = versions.length - 1; k >= 0; k--) {
    for (const c of choicesOf(k)) {
      const root = groups.find(node(k, c.code));
      if (!members.has(root)) members.set(root, new Map());
      const byVersion = members.get(root)!;
      byVersion.set(k, [...(byVersion.get(k) ?? []), c]);
    }
  }
  const taken = new Set<string>();
  for (const byVersion of members.values()) {
    const ks = [...byVersion.keys()].sort((a, b) => b - a);
    const single = ks.find((k) => byVersion.get(k)!.length === 1);
    const chosen = single !== undefined ? byVersion.get(single)! : byVersion.get(ks[0]!)!;
    let code = chosen.map((c) => c.code).join('+');
    if (taken.has(code)) code = `${code}__${versions[single ?? ks[0]!]!.version}`;
    taken.add(code);
    result.categories.push({
      code,
      label: chosen.length === 1 ? chosen[0]!.label : joinLabels(chosen.map((c) => c.label)),
      members: versions.flatMap((v, k) => (questions[k] ? [{ version: v.version, codes: (byVersion.get(k) ?? []).map((c) => c.code) }] : [])),
    });
    for (const [k, cs] of byVersion) {
      const map = (result.codes[versions[k]!.version] ??= {});
      for (const c of cs) map[c.code] = code;
    }
  }
  return result;
}

/**
 * An answer given in `version` expressed in the harmonised categories of `h`: a code (single),
 * distinct codes (multiple; a single answer becomes a one-code list when the latest version is
 * multiple) or `{row: code}` (matrix). Values of questions without codes pass through. Returns
 * undefined when the question has no comparable source in that version, or for a code that the
 * crosswalk does not know.
 */
export function harmoniseValue(h: HarmonisedQuestion, version: string, value: unknown): unknown {
  if (!h.sources.some((s) => s.version === version && s.question !== null)) return undefined;
  if (h.categories.length === 0 && !h.codes[version]) return value;
  const map = h.codes[version] ?? {};
  const one = (code: unknown) => (typeof code === 'string' ? map[code] : undefined);
  if (h.type === 'matrix') {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const out: Record<string, string> = {};
    for (const [row, code] of Object.entries(value)) {
      const mapped = one(code);
      if (mapped !== undefined) out[row] = mapped;
    }
    return out;
  }
  if (h.type === 'multiple') {
    const list = Array.isArray(value) ? value : [value];
    const mapped = list.map(one).filter((c): c is string => c !== undefined);
    return [...new Set(mapped)];
  }
  return Array.isArray(value) ? undefined : one(value);
}
