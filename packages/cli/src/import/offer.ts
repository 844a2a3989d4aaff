/**
 * Offering rows to the collector: each payload through `Collector.admit` (the intake and
 * insert of `POST /v1/responses`), and what became of it in `olva import`'s terms: imported,
 * already present (the same response under the same id, also when only its time stamps or
 * client differ), or refused with its problems placed on the file's line and column.
 */
import { canonicalJson, type Collector } from '@olva/collector';
import { parseJson, withoutPersonalAnswers, type ResponsePayload } from '@olva/schema';
import type { Bilingual } from '../io.js';
import { columnOfPointer, type ColumnPlan } from './plan.js';
import { configHint, type ImportProblem } from './report.js';

/** How many rows are offered to the store at once (its group commit syncs them together). */
export const BATCH = 64;

/** One row to offer to intake: its line, and its payload or what stopped it before. */
export interface Offer {
  line: number;
  body?: unknown;
  problems: ImportProblem[];
}

/** The payloads of an NDJSON file (`olva export --format ndjson`), one per line, read as they are offered. */
export function* ndjsonOffers(text: string, overrides: Partial<ResponsePayload>): Generator<Offer> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (!raw.trim()) continue;
    const parsed = parseJson(raw);
    if ('error' in parsed) {
      const { column, slip } = parsed.error;
      yield { line: i + 1, problems: [{ line: i + 1, pointer: '', rule: 'json', message: { fr: `JSON illisible, colonne ${column} : ${slip.fr}`, en: `unreadable JSON, column ${column}: ${slip.en}` } }] };
      continue;
    }
    const body = parsed.value as Record<string, unknown>;
    yield { line: i + 1, body: body && typeof body === 'object' && !Array.isArray(body) ? { ...body, ...overrides } : body, problems: [] };
  }
}

/** True when two payloads give the same response (their envelope's time stamps and client aside). */
function sameResponse(a: ResponsePayload, b: ResponsePayload): boolean {
  const key = (p: ResponsePayload) => canonicalJson({ q: p.questionnaire, e: p.extension, t: p.territory, w: p.wave, a: p.answers });
  return key(a) === key(b);
}

/**
 * True when `row` is `stored` as `olva export` gives it back without `--personal`: the same
 * response with none of the answers of the `personal` questions, which the export left out.
 */
function sameWithoutPersonal(stored: ResponsePayload, row: ResponsePayload, personal: ReadonlySet<string>): boolean {
  if (personal.size === 0 || withoutPersonalAnswers(row.answers, personal) !== row.answers) return false;
  return sameResponse({ ...stored, answers: withoutPersonalAnswers(stored.answers, personal) }, row);
}

/** The id of a row's payload, when it has one to look up. */
const submissionIdOf = (body: unknown) => (body && typeof body === 'object' ? (body as { submissionId?: unknown }).submissionId : undefined);

/**
 * Offers one row to the collector; returns its outcome and problems. `personal` holds the ids
 * of the personal questions: a row of an export made without `--personal` whose response is
 * stored (with its personal answers) is already present, not another response under its id,
 * nor a response missing a required personal answer.
 */
export async function offer(collector: Collector, o: Offer, plan: ColumnPlan | undefined, dryRun: boolean, personal: ReadonlySet<string> = new Set()): Promise<{ status: 'imported' | 'present' | 'refused'; problems: ImportProblem[] }> {
  if (o.problems.length) return { status: 'refused', problems: o.problems };
  const admission = await collector.admit(o.body, { dryRun });
  const column = (pointer: string) => (plan ? columnOfPointer(plan, pointer) : undefined);
  if (admission.status === 'refused') {
    const id = submissionIdOf(o.body);
    const onlyPersonalMissing = personal.size > 0 && admission.problems.every((p) => p.code === 'required' && personal.has(p.pointer.replace(/^\/answers\//, '')));
    if (onlyPersonalMissing && typeof id === 'string') {
      const stored = await collector.store.get(id);
      if (stored && sameWithoutPersonal(stored.payload, o.body as ResponsePayload, personal)) return { status: 'present', problems: [] };
    }
    const payload = o.body as Parameters<typeof configHint>[1];
    return {
      status: 'refused',
      problems: admission.problems.map((p) => {
        const c = column(p.pointer);
        const hint = configHint(p.code, payload);
        return { line: o.line, ...(c !== undefined ? { column: c } : {}), pointer: p.pointer, rule: p.code, message: p.message, ...(hint ? { hint } : {}) };
      }),
    };
  }
  if (admission.status === 'created' || admission.status === 'replayed') return { status: admission.status === 'created' ? 'imported' : 'present', problems: [] };
  const id = admission.payload.submissionId;
  const stored = admission.status === 'erased' ? null : await collector.store.get(id);
  if (admission.status === 'checked' && !stored) return { status: 'imported', problems: [] };
  if (stored && (sameResponse(stored.payload, admission.payload) || sameWithoutPersonal(stored.payload, admission.payload, personal))) return { status: 'present', problems: [] };
  const message: Bilingual = admission.status === 'erased'
    ? { fr: `la réponse ${id} a été effacée sur demande : elle n’est jamais réimportée`, en: `response ${id} was erased on request: it is never imported again` }
    : { fr: `une autre réponse porte déjà l’identifiant ${id}`, en: `another response already has the id ${id}` };
  return { status: 'refused', problems: [{ line: o.line, ...(column('/submissionId') ? { column: column('/submissionId')! } : {}), pointer: '/submissionId', rule: admission.status === 'erased' ? 'erased' : 'conflict', message }] };
}

