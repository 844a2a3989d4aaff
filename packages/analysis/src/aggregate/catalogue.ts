/**
 * Which questions the analysis counts, and how, across every compiled version it is given.
 * Free text (`text`, `textarea`), e-mail and commune codes are never aggregated, nor is any
 * question marked `"personal": true` (docs/contracts.md, "Personal data"): their answers are not
 * even read. Codes are listed in questionnaire order, the choices a later version adds after
 * the earlier ones. A question's label is that of the newest version (core version, then
 * extension version) that has it, whatever the order the versions are given in.
 */
import type { CompiledQuestion, CompiledQuestionnaire, LocalizedText, QuestionType } from '@olva/schema';
import { compareVersions, isPersonal } from '@olva/schema';
import { AnalysisError } from '../errors.js';

/** How a question is counted. */
export type FigureKind = 'distribution' | 'multiple' | 'matrix' | 'numeric';

/** One code of a question (a choice, a scale point, a boolean value, a matrix row). */
export interface CodeEntry {
  code: string;
  label?: LocalizedText;
  /** The point of a scale (1..n), which is what a payload carries. */
  value?: number;
}

/** One aggregated question, merged over the versions that have it. */
export interface CatalogueEntry {
  id: string;
  type: CompiledQuestion['type'];
  kind: FigureKind;
  label: LocalizedText;
  /**
   * True when some version shows the question under a condition (`visibleWhen`); in a
   * group's entry (`answeredIn`), some version the group answered.
   */
  conditional: boolean;
  /** Answer codes in display order (distributions, multiple choices, matrix columns). */
  codes: CodeEntry[];
  /** Matrix rows in display order. */
  rows: CodeEntry[];
}

// Every type, so that `tsc` asks how a new one is counted (null: never aggregated, as free text).
const KINDS: Readonly<Record<QuestionType, FigureKind | null>> = {
  single: 'distribution', boolean: 'distribution', scale: 'distribution',
  multiple: 'multiple', matrix: 'matrix', integer: 'numeric', decimal: 'numeric', year: 'numeric',
  text: null, textarea: null, email: null, commune: null,
};

const BOOLEAN_CODES: CodeEntry[] = [
  { code: 'true', label: { fr: 'Oui', en: 'Yes' } },
  { code: 'false', label: { fr: 'Non', en: 'No' } },
];

/** True when a question is marked as personal data (identifies a person or an association). */
export { isPersonal };

/** How a question is counted, or null when it is never aggregated. */
export function figureKind(question: CompiledQuestion): FigureKind | null {
  return isPersonal(question) ? null : KINDS[question.type] ?? null;
}

function merge(list: CodeEntry[], more: readonly CodeEntry[]): void {
  for (const entry of more) if (!list.some((e) => e.code === entry.code)) list.push({ ...entry });
}

function codesOf(question: CompiledQuestion): CodeEntry[] {
  if (question.type === 'boolean') return BOOLEAN_CODES;
  if (!('choices' in question) || !question.choices) return [];
  const codes: CodeEntry[] = question.choices.map((c, i) => (question.type === 'scale' ? { code: c.code, label: c.label, value: i + 1 } : { code: c.code, label: c.label }));
  const other = (question as { other?: { label?: LocalizedText } }).other;
  // The compiler adds the reserved `other` choice itself (decision of December 2026); older
  // builds did not list it, yet their answers may carry it.
  if (other && !codes.some((c) => c.code === 'other')) codes.push(other.label ? { code: 'other', label: other.label } : { code: 'other' });
  return codes;
}

/** The aggregated questions of all the given versions, in questionnaire order. */
export class Catalogue {
  private readonly entries = new Map<string, CatalogueEntry>();

  /** Per version, the label, codes and matrix rows of each of its aggregated questions, and whether it is conditional there. */
  private readonly listed = new Map<CompiledQuestionnaire, Map<string, Pick<CatalogueEntry, 'label' | 'codes' | 'rows' | 'conditional'>>>();

  /** The versions from the oldest to the newest, for "the newest version's label". */
  private readonly newness: Map<CompiledQuestionnaire, number>;

  /** The versions in the order given (oldest first), to merge a group's codes in that order. */
  private readonly order: readonly CompiledQuestionnaire[];

  /** @param compiled every version the responses were answered with, oldest first. */
  constructor(compiled: readonly CompiledQuestionnaire[]) {
    this.order = compiled;
    // Equal versions keep the order given (a stable sort).
    const oldestFirst = [...compiled].sort((a, b) => compareVersions(a.questionnaire.version, b.questionnaire.version)
      || compareVersions(a.extension?.version ?? '', b.extension?.version ?? ''));
    this.newness = new Map(oldestFirst.map((version, i) => [version, i]));
    for (const version of compiled) {
      this.listed.set(version, new Map());
      for (const section of version.sections) {
        for (const question of section.questions) this.add(version, question);
      }
    }
    for (const entry of this.entries.values()) entry.label = this.newestLabel(entry, compiled);
  }

  /** The label of a question in the newest of the versions given that has it. */
  private newestLabel(entry: CatalogueEntry, versions: Iterable<CompiledQuestionnaire>): LocalizedText {
    let label = entry.label;
    let newest = -1;
    for (const version of versions) {
      const own = this.listed.get(version)?.get(entry.id);
      const rank = this.newness.get(version) ?? -1;
      if (own && rank > newest) [label, newest] = [own.label, rank];
    }
    return label;
  }

  // A question marked personal in any version is aggregated in none.
  private readonly personal = new Set<string>();

  private add(version: CompiledQuestionnaire, question: CompiledQuestion): void {
    if (isPersonal(question)) {
      this.personal.add(question.id);
      this.entries.delete(question.id);
    }
    const kind = figureKind(question);
    if (!kind || this.personal.has(question.id)) return;
    const known = this.entries.get(question.id);
    if (known && known.type !== question.type) {
      const en = `question "${question.id}" is a ${question.type} in ${version.questionnaire.version} but a ${known.type} in another version: compare them through a crosswalk, not as one question`;
      throw new AnalysisError(`${version.id}#${question.origin.pointer}`, 'analysis/type-changed', en,
        { fr: `la question « ${question.id} » est de type ${question.type} en ${version.questionnaire.version} mais ${known.type} dans une autre version : comparez-les par une table de passage, pas comme une seule question`, en }, false);
    }
    const entry = known ?? { id: question.id, type: question.type, kind, label: question.label, conditional: false, codes: [], rows: [] };
    if (question.visibleWhen !== undefined) entry.conditional = true;
    const own = { label: question.label, codes: codesOf(question), rows: question.type === 'matrix' ? question.rows.map((r) => ({ code: r.code, label: r.label })) : [], conditional: question.visibleWhen !== undefined };
    this.listed.get(version)!.set(question.id, own);
    merge(entry.codes, own.codes);
    merge(entry.rows, own.rows);
    if (!known) this.entries.set(question.id, entry);
  }

  /**
   * The entry of a question as a group answered it: only the codes and matrix rows of the
   * versions given (merged in the catalogue's version order), so that a group answered on a
   * core that merged two codes does not list the old codes at 0 beside the new one. The
   * answers are still read with the whole entry (see `get`). The question is conditional when
   * it is in one of those versions: a group that answered only versions asking everyone
   * publishes how many were asked (the count of its responses to them, published anyway).
   * Its label is that of the newest of those versions. When none of the versions has the
   * question, the whole entry's label and flag stand.
   */
  answeredIn(entry: CatalogueEntry, versions: Iterable<CompiledQuestionnaire>): CatalogueEntry {
    const answered = new Set(versions);
    const codes: CodeEntry[] = [];
    const rows: CodeEntry[] = [];
    let conditional: boolean | undefined;
    for (const version of this.order) {
      const own = answered.has(version) ? this.listed.get(version)!.get(entry.id) : undefined;
      if (!own) continue;
      merge(codes, own.codes);
      merge(rows, own.rows);
      conditional = conditional === true || own.conditional;
    }
    return { ...entry, label: this.newestLabel(entry, answered), conditional: conditional ?? entry.conditional, codes, rows };
  }

  /** The entry of an aggregated question, or undefined when it is not aggregated. */
  get(id: string): CatalogueEntry | undefined {
    return this.entries.get(id);
  }
}
