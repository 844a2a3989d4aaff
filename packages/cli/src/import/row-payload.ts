/**
 * One row of an imported file as an olva-response payload: its metadata from its columns or
 * the command's options, its answers read by each question's type (cells.ts), the required
 * questions left blank listed on paper and by phone, and a submissionId that importing the
 * row again gives again. Nothing here decides whether the response is valid: the collector's
 * intake does, as for a posted response.
 */
import { canonicalJson, waveProblems, type WaveRule } from '@olva/collector';
import { compareVersions, type CompiledQuestion, type CompiledQuestionnaire, type ResponsePayload, type TerritoryLevel } from '@olva/schema';
import { allowsBlank, allQuestions, checkResponse } from '@olva/runtime';
import { readBoolean, readChoice, readCommune, readValue, type ValueMap } from './cells.js';
import type { Commune } from '@olva/collector';
import type { ImportMapping } from './mapping.js';
import type { ColumnPlan, MetadataName } from './plan.js';
import { uuidV5 } from './submission-id.js';

/** What the command's options say about every row (an option wins over a column). */
export interface RowDefaults {
  questionnaire: string;
  version?: string;
  extension?: { id: string; version?: string };
  territory?: { level: TerritoryLevel; code: string };
  wave?: string;
  channel?: string;
  source?: string;
  /** The source of a foreign file's rows when neither option nor column gives one. */
  fallbackSource: string;
  /** Time stamps of rows without their own. */
  time: string;
  /** The configuration's waves tied to versions: a row without a version gets the newest its wave accepts. */
  waves: readonly WaveRule[];
  client: { name: string; version: string };
}

/** A problem found while reading a row, before intake. */
export interface RowProblem {
  pointer: string;
  code: string;
  message: { fr: string; en: string };
}

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** The missing-value codes of olva's exports (`missing=codes`): no answer. */
const MISSING = new Set(['-7', '-8', '-9']);
/** Where olva's CSV writer put a `'` before a formula start (`escapeFormula` of @olva/compiler/csv). */
const ESCAPED_FORMULA = /(?<=^|[,;\r\n])("*)'(?=[=+\-@\t\r])/g;

/** Excel's day 0 of its serial dates (1899-12-30, past its 1900 leap-year bug), in ms. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** An RFC 3339 time stamp with its zone: kept as written (the stored response's digest is made of it). */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;
/** `2025-03-15`, `2025-03-15 10:30[:00]` (LimeSurvey, SQL): no zone, taken as UTC. */
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
/** `15/03/2025`, `15/03/2025 10:30[:00]` (a French spreadsheet): taken as UTC. */
const FRENCH = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Reads a time stamp: RFC 3339 as olva writes it, a date with or without a time as other
 * tools write it (`2025-03-15 10:30:00`, `15/03/2025 10:30`, taken as UTC), or an XLSX
 * cell's serial date (days since 1899-12-30). Undefined when the cell is none of these.
 */
export function readTime(cell: string): string | undefined {
  const t = cell.trim();
  if (RFC3339.test(t)) return Number.isNaN(Date.parse(t)) ? undefined : t;
  if (/^\d{5}(?:\.\d+)?$/.test(t)) return new Date(EXCEL_EPOCH + Math.round(Number(t) * 86_400_000)).toISOString();
  const iso = ISO_LOCAL.exec(t);
  const french = FRENCH.exec(t);
  const [y, m, d, hh, mm, ss] = iso ? iso.slice(1) : french ? [french[3], french[2], french[1], ...french.slice(4)] : [];
  if (y === undefined) return undefined;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), Number(hh ?? 0), Number(mm ?? 0), Number(ss ?? 0)));
  // 31/02/2025 would roll over into March: not a date.
  if (date.getUTCDate() !== Number(d) || date.getUTCMonth() !== Number(m) - 1) return undefined;
  return date.toISOString();
}

/** Reads the rows of one file: call `payload` for each row, in the file's order. */
export class RowReader {
  /** How many rows with the same questionnaire, wave, territory and answers came before. */
  private readonly seen = new Map<string, number>();
  private readonly questions = new WeakMap<CompiledQuestionnaire, Map<string, CompiledQuestion>>();

  constructor(
    private readonly plan: ColumnPlan,
    private readonly versions: readonly CompiledQuestionnaire[],
    private readonly mapping: ImportMapping,
    private readonly defaults: RowDefaults,
  ) {}

  /** The cell of a metadata column, empty when the file has no such column. */
  private meta(cells: readonly string[], name: MetadataName): string {
    const index = this.plan.metadata.get(name);
    const cell = index === undefined ? '' : (cells[index] ?? '').trim();
    return this.plan.olvaExport && MISSING.has(cell) ? '' : cell;
  }

  /** The version a row names, else the newest accepted one of its questionnaire and extension. */
  private version(cells: readonly string[]): { questionnaire: { id: string; version: string }; extension: { id: string; version: string } | null } {
    const id = this.defaults.questionnaire;
    const extensionId = this.defaults.extension?.id ?? (this.meta(cells, 'extension_id') || undefined);
    const extensionVersion = this.defaults.extension?.version ?? (this.meta(cells, 'extension_version') || undefined);
    const version = this.defaults.version ?? (this.meta(cells, 'questionnaire_version') || undefined);
    const candidates = this.versions
      .filter((c) => c.questionnaire.id === id && (c.extension?.id ?? undefined) === extensionId
        && (!version || c.questionnaire.version === version) && (!extensionVersion || c.extension?.version === extensionVersion))
      .sort((a, b) => compareVersions(b.questionnaire.version, a.questionnaire.version) || compareVersions(b.extension?.version ?? '', a.extension?.version ?? ''));
    const wave = this.defaults.wave ?? this.meta(cells, 'wave');
    const pick = candidates.find((c) => !waveProblems({ wave, questionnaire: c.questionnaire }, this.defaults.waves).length) ?? candidates[0];
    return {
      questionnaire: { id, version: version ?? pick?.questionnaire.version ?? '' },
      extension: extensionId ? { id: extensionId, version: extensionVersion ?? pick?.extension?.version ?? '' } : null,
    };
  }

  /** The questions of a version by id, worked out once per version. */
  private questionsOf(compiled: CompiledQuestionnaire): Map<string, CompiledQuestion> {
    let byId = this.questions.get(compiled);
    if (!byId) {
      byId = new Map(allQuestions(compiled).map((q) => [q.id, q]));
      this.questions.set(compiled, byId);
    }
    return byId;
  }

  /** The text of a cell: a formula escaped by olva's export is given back as written. */
  private text(cell: string): string {
    return this.plan.olvaExport ? cell.replace(ESCAPED_FORMULA, '$1') : cell;
  }

  /** Whether a cell holds an answer (not empty, not a missing-value code of an olva export). */
  private filled(cell: string | undefined): cell is string {
    if (cell === undefined || cell.trim() === '') return false;
    return !(this.plan.olvaExport && MISSING.has(cell.trim()));
  }

  /** The answers of a row, read with the questions of the version it answered (when accepted). */
  private answers(cells: readonly string[], compiled: CompiledQuestionnaire | undefined, problems: RowProblem[]): Record<string, unknown> {
    const byId = compiled ? this.questionsOf(compiled) : new Map<string, CompiledQuestion>();
    const answers: Record<string, unknown> = {};
    for (const [id, columns] of this.plan.questions) {
      const q = byId.get(id);
      const values: ValueMap = this.mapping.values[id];
      const cell = (index: number | undefined) => (index === undefined ? undefined : cells[index]);
      const value = cell(columns.value);
      if (!q) {
        // A question the version answered does not have: passed on as written, so that intake
        // names it (`unknown-question`), unless the row leaves all its cells empty.
        const parts = [...columns.choices, ...columns.rows].filter(([, i]) => this.filled(cell(i)));
        if (this.filled(value)) answers[id] = this.text(value);
        else if (parts.length) answers[id] = Object.fromEntries(parts.map(([code, i]) => [code, cell(i)!.trim()]));
      } else if (q.type === 'matrix') {
        const rows: Record<string, string> = {};
        for (const [row, index] of columns.rows) {
          const c = cell(index);
          if (this.filled(c)) rows[row] = readChoice(c.trim(), q.choices, values) ?? c.trim();
        }
        if (Object.keys(rows).length) answers[id] = rows;
      } else if (this.filled(value) && q.type === 'commune') {
        const read = readCommune(this.text(value));
        if ('code' in read) answers[id] = read.code;
        else problems.push({ pointer: `/answers/${id}`, code: 'commune-name', message: communeProblem(read.named, read.candidates) });
      } else if (this.filled(value)) {
        answers[id] = readValue(q, this.text(value), values);
      } else if (q.type === 'multiple' && columns.choices.size) {
        const chosen: string[] = [];
        let any = false;
        for (const [code, index] of columns.choices) {
          const c = cell(index);
          if (!this.filled(c)) continue;
          any = true;
          const yes = readBoolean(c);
          if (yes === undefined) {
            problems.push({
              pointer: `/answers/${id}`, code: 'choice-cell',
              message: {
                fr: `la colonne du choix « ${code} » vaut « ${c.trim()} » : 1 (coché) ou 0 (non coché) attendu`,
                en: `the column of choice "${code}" holds "${c.trim()}": 1 (ticked) or 0 (not ticked) expected`,
              },
            });
          } else if (yes) {
            chosen.push(code);
          }
        }
        // All 0: the question was answered without a choice (olva exports write it so).
        if (any) answers[id] = chosen;
      }
      const other = cell(columns.other);
      if (this.filled(other)) answers[`${id}_other`] = this.text(other);
    }
    return answers;
  }

  /** The payload of one row, and the problems found reading it (then intake is not asked). */
  payload(cells: readonly string[]): { payload: ResponsePayload; problems: RowProblem[] } {
    const problems: RowProblem[] = [];
    const d = this.defaults;
    const key = this.version(cells);
    const compiled = this.versions.find((c) => c.questionnaire.id === key.questionnaire.id && c.questionnaire.version === key.questionnaire.version
      && (c.extension?.id ?? null) === (key.extension?.id ?? null) && (c.extension?.version ?? null) === (key.extension?.version ?? null));
    const answers = this.answers(cells, compiled, problems);
    const extra = cells.slice(this.plan.header.length).findIndex((c) => c.trim() !== '');
    if (extra >= 0) {
      // A cell beyond the header would be lost without a word.
      const column = this.plan.header.length + extra + 1;
      problems.push({ pointer: '', code: 'extra-cell', message: { fr: `cellule remplie en colonne ${column}, au-delà des ${this.plan.header.length} colonnes de l’en-tête`, en: `cell filled in column ${column}, beyond the header's ${this.plan.header.length} columns` } });
    }
    const level = this.meta(cells, 'territory_level') || 'commune';
    let code = this.meta(cells, 'territory_code');
    // A commune's code as a spreadsheet writes it (01004 as 1004), or its name.
    if (level === 'commune' && code) {
      const read = readCommune(code);
      if ('code' in read) code = read.code;
    }
    const territory = d.territory ?? { level: level as TerritoryLevel, code };
    if (!territory.code) {
      problems.push({ pointer: '/territory', code: 'territory-missing', message: { fr: 'aucun territoire : donnez --territory niveau:code ou une colonne territory_code', en: 'no territory: give --territory level:code or a territory_code column' } });
    }
    const wave = d.wave ?? this.meta(cells, 'wave');
    if (!wave) problems.push({ pointer: '/wave', code: 'wave-missing', message: { fr: 'aucun millésime : donnez --wave ou une colonne wave', en: 'no wave: give --wave or a wave column' } });
    const channel = d.channel ?? (this.meta(cells, 'channel') || 'paper');
    const hasSourceColumn = this.plan.metadata.has('source');
    const source = d.source ?? (hasSourceColumn ? this.meta(cells, 'source') || undefined : d.fallbackSource);
    const times: string[] = [];
    for (const name of ['started_at', 'submitted_at'] as const) {
      const cell = this.meta(cells, name);
      const time = cell ? readTime(cell) : undefined;
      if (cell && !time) {
        problems.push({ pointer: name === 'started_at' ? '/startedAt' : '/submittedAt', code: 'time', message: { fr: `« ${cell} » n’est pas une date (AAAA-MM-JJ, JJ/MM/AAAA ou RFC 3339)`, en: `"${cell}" is not a date (YYYY-MM-DD, DD/MM/YYYY or RFC 3339)` } });
      }
      times.push(time ?? '');
    }
    const submittedAt = times[1] || times[0] || d.time;
    const startedAt = times[0] || submittedAt;
    const payload = {
      kind: 'olva-response', specVersion: 1,
      submissionId: '',
      questionnaire: key.questionnaire, extension: key.extension, territory, wave, channel,
      ...(source ? { source } : {}),
      locale: this.meta(cells, 'locale') || 'fr',
      startedAt, submittedAt, client: d.client, answers,
    } as ResponsePayload;
    if (compiled && allowsBlank(channel)) {
      // On paper a required question may be left blank: the payload lists it (`blank`).
      const blank = checkResponse(compiled, answers as never, { channel }).filter((p) => p.code === 'required').map((p) => p.pointer.slice('/answers/'.length));
      if (blank.length) payload.blank = blank;
    }
    payload.submissionId = this.submissionId(cells, payload);
    return { payload, problems };
  }

  /**
   * The row's own UUID (olva's exports have one); else a UUID v5 of the questionnaire, wave,
   * territory and the id the other tool gave the row, or, without one, the row's canonical
   * answers and its occurrence among identical rows, so that a row inserted elsewhere in the
   * file changes no other row's id.
   */
  private submissionId(cells: readonly string[], payload: ResponsePayload): string {
    const own = this.meta(cells, 'submission_id');
    if (UUID.test(own)) return own;
    const base = { questionnaire: payload.questionnaire.id, wave: payload.wave, territory: payload.territory };
    if (own) return uuidV5(canonicalJson({ ...base, id: own }));
    const name = canonicalJson({ ...base, answers: payload.answers });
    const occurrence = this.seen.get(name) ?? 0;
    this.seen.set(name, occurrence + 1);
    return uuidV5(canonicalJson({ ...base, answers: payload.answers, occurrence }));
  }
}

/** Why a commune's name is no answer: no commune has it, or several do (then which, and how to choose). */
function communeProblem(named: string, candidates: readonly Commune[]): { fr: string; en: string } {
  if (!candidates.length) {
    return {
      fr: `aucune commune ne s’appelle « ${named} » : écrivez son code INSEE (5 caractères, 35238 pour Rennes)`,
      en: `no commune is called "${named}": write its INSEE code (5 characters, 35238 for Rennes)`,
    };
  }
  const shown = candidates.slice(0, 6).map((c) => `${c.code} (${c.departement})`).join(', ');
  const more = candidates.length > 6 ? '…' : '';
  return {
    fr: `${candidates.length} communes s’appellent « ${named} » : ${shown}${more} ; écrivez le code INSEE, ou le département : « ${named} (${candidates[0]!.departement}) »`,
    en: `${candidates.length} communes are called "${named}": ${shown}${more}; write the INSEE code, or the département: "${named} (${candidates[0]!.departement})"`,
  };
}
