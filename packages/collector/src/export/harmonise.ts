/**
 * Harmonised exports (`harmonise=true`, `olva export --harmonise`): when an export mixes core
 * versions, each question is exported once, under its id in the newest version, with the
 * coarsest categories every version can be mapped onto through the crosswalks that the core
 * versions declare (`@olva/schema` `harmoniseQuestion`): a 2027 split of `social_sante` into
 * `action_sociale` and `sante` is exported as `social_sante` for 2026 and 2027 answers alike.
 *
 * The compiled versions are rewritten (ids and choices harmonised) so that the usual column,
 * row and codebook code applies unchanged; answers are rewritten when a row is written. A
 * question that a crosswalk declares not comparable keeps its id from that version on; earlier
 * versions' answers go to a column of their own, `<id>__<first version>` (dots as `_`).
 */
import {
  compareVersions, harmoniseQuestion, harmoniseValue, otherKey, versionKeyOf, versionKeyString,
  type CompiledQuestion, type CompiledQuestionnaire, type CrosswalkVersion, type HarmonisedQuestion,
} from '@olva/schema';

/** How the versions of an export are harmonised. */
export interface Harmonisation {
  /** The compiled versions with harmonised ids and choices, in the order given. */
  builds: CompiledQuestionnaire[];
  /** Each harmonised question, by its harmonised id (its column name). */
  questions: Map<string, HarmonisedQuestion>;
  /** The harmonised build of a version key (`versionKeyString`). */
  buildOf(key: string): CompiledQuestionnaire | undefined;
  /** The harmonised ids of question `id` as answered with version key `key` (several when a
   * later version split the question in two, both declared `from` it). */
  idsOf(key: string, id: string): string[];
  /** The answers of a payload rewritten to harmonised ids and codes. */
  answers(payload: { questionnaire: { id: string; version: string }; extension?: { id: string; version: string } | null; answers?: Record<string, unknown> }): Record<string, unknown>;
}

const CODED = new Set(['single', 'multiple', 'matrix']);

/** The core versions of the builds, oldest first, each with the union of its builds' questions. */
function coreVersions(compiled: readonly CompiledQuestionnaire[]): CrosswalkVersion[] {
  type Gathered = { crosswalk?: CrosswalkVersion['crosswalk']; questions: Map<string, CompiledQuestion> };
  const byVersion = new Map<string, Gathered>();
  for (const c of compiled) {
    const v = c.questionnaire.version;
    const entry: Gathered = byVersion.get(v) ?? { questions: new Map() };
    if (c.crosswalk && !entry.crosswalk) entry.crosswalk = c.crosswalk;
    for (const s of c.sections) for (const q of s.questions) if (!entry.questions.has(q.id)) entry.questions.set(q.id, q);
    byVersion.set(v, entry);
  }
  return [...byVersion].sort(([a], [b]) => compareVersions(a, b)).map(([version, e]) => ({
    version, ...(e.crosswalk ? { crosswalk: e.crosswalk } : {}), questions: [...e.questions.values()],
  }));
}

/** Harmonises the versions of one export. */
export function harmonise(compiled: readonly CompiledQuestionnaire[]): Harmonisation {
  const versions = coreVersions(compiled);
  const questions = new Map<string, HarmonisedQuestion>();
  /** core version → question id there → harmonised ids */
  const ids = new Map<string, Map<string, string[]>>(versions.map((v) => [v.version, new Map()]));
  for (let k = versions.length - 1; k >= 0; k--) {
    for (const q of versions[k]!.questions) {
      if (ids.get(versions[k]!.version)!.has(q.id)) continue;
      const h = harmoniseQuestion(q.id, versions.slice(0, k + 1));
      const first = h.sources.find((s) => s.question !== null)!.version;
      const name = questions.has(q.id) ? `${q.id}__${first.replace(/[^A-Za-z0-9]/g, '_')}` : q.id;
      questions.set(name, h);
      for (const s of h.sources) {
        if (s.question === null) continue;
        const map = ids.get(s.version)!;
        map.set(s.question, [...(map.get(s.question) ?? []), name]);
      }
    }
  }

  const rewrite = (c: CompiledQuestionnaire): CompiledQuestionnaire => {
    const map = ids.get(c.questionnaire.version)!;
    return {
      ...c,
      sections: c.sections.map((s) => ({
        ...s,
        questions: s.questions.flatMap((q) => (map.get(q.id) ?? [q.id]).map((name) => {
          const h = questions.get(name);
          const harmonised = { ...q, id: name } as CompiledQuestion & { choices?: unknown };
          if (h && CODED.has(q.type) && h.categories.length) harmonised.choices = h.categories.map((cat) => ({ code: cat.code, label: cat.label }));
          return harmonised as CompiledQuestion;
        })),
      })),
    };
  };
  const builds = compiled.map(rewrite);
  const byKey = new Map(builds.map((b) => [versionKeyString(versionKeyOf(b)), b]));

  return {
    builds,
    questions,
    buildOf: (key) => byKey.get(key),
    idsOf: (key, id) => ids.get(byKey.get(key)?.questionnaire.version ?? '')?.get(id) ?? [id],
    answers(payload) {
      const version = payload.questionnaire.version;
      const map = ids.get(version) ?? new Map<string, string[]>();
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(payload.answers ?? {})) {
        const names = map.get(key);
        if (names !== undefined) {
          for (const name of names) {
            const mapped = harmoniseValue(questions.get(name)!, version, value);
            if (mapped !== undefined) out[name] = mapped;
          }
          continue;
        }
        const bases = key.endsWith('_other') ? map.get(key.slice(0, -'_other'.length)) : undefined;
        for (const name of bases ?? [null]) out[name === null ? key : otherKey(name)] = value;
      }
      return out;
    },
  };
}

/** Parses the `harmonise` query parameter: true, false (default), or null when malformed. */
export function parseHarmonise(value: unknown): boolean | null {
  if (value === undefined || value === 'false' || value === '0') return false;
  return value === 'true' || value === '1' || value === '' ? true : null;
}
