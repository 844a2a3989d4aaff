/**
 * The codebook of an export that mixes versions (issue 14, "Crosswalks between versions"):
 * the compiler's codebook rows describe one version; here each row is completed so that it
 * holds for every version in the data.
 *
 * - `version` lists every version that has the column (oldest first);
 * - `codes_*` document every code found in the data for every version: a code absent from
 *   some versions says which have it (`sante=Santé [2027.0.0]`); in a harmonised export, a
 *   category that gathers other codes says which code of which version it stands for
 *   (`social_sante=… [2026.2.0 : social_sante ; 2027.0.0 : action_sociale, sante]`);
 * - `question` numbers are unique across versions (and extensions): the newest version's
 *   number, or the next free number after the highest one when another question has it.
 */
import { codebookColumns, type CodebookRow } from '@olva/compiler/codebook';
import { compareVersions, type CompiledQuestion, type CompiledQuestionnaire, type LocalizedText } from '@olva/schema';
import { orderVersions, type VariableColumn } from './columns.js';
import type { Harmonisation } from './harmonise.js';
import { MISSING_CODES, type MissingMode } from './missing.js';

type Lang = 'fr' | 'en';
const text = (label: LocalizedText | undefined, lang: Lang): string => (lang === 'en' ? label?.en ?? label?.fr : label?.fr) ?? '';
const CODED = new Set(['single', 'multiple', 'matrix']);

/** Where a column is found: each build that has it, with its question there. */
interface Found { version: string; question: CompiledQuestion }

/** Unique question numbers across builds, newest first. */
function uniqueNumbers(builds: readonly CompiledQuestionnaire[]): Map<string, number> {
  const numbers = new Map<string, number>();
  const taken = new Map<number, string>();
  const later: string[] = [];
  for (const b of builds) {
    for (const s of b.sections) {
      for (const q of s.questions) {
        if (numbers.has(q.id) || later.includes(q.id)) continue;
        const owner = taken.get(q.number);
        if (owner === undefined) { numbers.set(q.id, q.number); taken.set(q.number, q.id); } else later.push(q.id);
      }
    }
  }
  let next = Math.max(0, ...taken.keys());
  for (const id of later) numbers.set(id, ++next);
  return numbers;
}

/** `code=label` pieces of every version, annotated with the versions that have each code. */
function unionCodes(found: readonly Found[], versions: readonly string[], lang: Lang): string {
  const codes = new Map<string, { label: LocalizedText; versions: Set<string> }>();
  for (const f of found) {
    for (const c of ('choices' in f.question ? f.question.choices : []) as { code: string; label: LocalizedText }[]) {
      const entry = codes.get(c.code) ?? { label: c.label, versions: new Set<string>() };
      entry.versions.add(f.version);
      codes.set(c.code, entry);
    }
  }
  return [...codes].map(([code, e]) => {
    const only = e.versions.size < versions.length ? ` [${[...e.versions].sort(compareVersions).join(', ')}]` : '';
    return `${code}=${text(e.label, lang)}${only}`;
  }).join(' | ');
}

/** `code=label` of the harmonised categories, with the codes of each version they stand for. */
function harmonisedCodes(h: NonNullable<ReturnType<Harmonisation['questions']['get']>>, lang: Lang): string {
  return h.categories.map((cat) => {
    const same = cat.members.every((m) => m.codes.length === 1 && m.codes[0] === cat.code);
    const from = same ? '' : ` [${cat.members.map((m) => `${m.version}${lang === 'fr' ? ' : ' : ': '}${m.codes.join(', ') || '—'}`).join(' ; ')}]`;
    return `${cat.code}=${text(cat.label, lang)}${from}`;
  }).join(' | ');
}

/**
 * A function completing the compiler's row of a column for every version in `builds` (the
 * export's builds, harmonised ones in a harmonised export).
 */
export function acrossVersions(builds: readonly CompiledQuestionnaire[], harmonisation?: Harmonisation): (row: CodebookRow, column: VariableColumn) => CodebookRow {
  const ordered = orderVersions(builds);
  const numbers = uniqueNumbers(ordered);
  const where = new Map<string, Found[]>();
  for (const b of ordered) {
    const byId = new Map(b.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
    for (const c of codebookColumns(b)) {
      const question = byId.get(c.questionId);
      if (question) where.set(c.name, [...(where.get(c.name) ?? []), { version: question.origin.version, question }]);
    }
  }
  return (row, column) => {
    const found = where.get(column.name) ?? [];
    const versions = [...new Set(found.map((f) => f.version))].sort(compareVersions);
    const out = { ...row, question: `Q${numbers.get(column.questionId) ?? row.question.slice(1)}` };
    if (versions.length > 1) out.version = versions.join(', ');
    const coded = (column.kind === 'value' || column.kind === 'row') && CODED.has(column.question.type);
    const h = harmonisation?.questions.get(column.questionId);
    if (coded && h && h.categories.length) {
      out.codes_fr = harmonisedCodes(h, 'fr');
      out.codes_en = harmonisedCodes(h, 'en');
    } else if (coded && versions.length > 1) {
      out.codes_fr = unionCodes(found, versions, 'fr');
      out.codes_en = unionCodes(found, versions, 'en');
    }
    return out;
  };
}

/** With `missing=codes`, a variable's codes end with -7, -8 and -9 and their meaning (value labels for SPSS, Stata, R). */
export function withMissingCodes(row: CodebookRow, missing: MissingMode | undefined): CodebookRow {
  if (missing !== 'codes') return row;
  const add = (codes: string, lang: Lang) => [codes, ...MISSING_CODES.map((m) => `${m.code}=${SHORT[lang][m.code]}`)].filter(Boolean).join(' | ');
  return { ...row, codes_fr: add(row.codes_fr, 'fr'), codes_en: add(row.codes_en, 'en') };
}

/** Short meanings of the missing-value codes, for value labels. */
const SHORT: Record<Lang, Record<number, string>> = {
  fr: { [-7]: 'non posée', [-8]: 'laissée vide', [-9]: 'absente de la version' },
  en: { [-7]: 'not asked', [-8]: 'left blank', [-9]: 'not in the version' },
};
