/**
 * Reads responses from NDJSON (one `olva-response` payload per line), as `olva export
 * --format ndjson` would write them, chunk by chunk: a file of 100,000 responses is never
 * held in memory. A line that is not a payload stops the reading with its line number, the
 * JSON pointer and the rule; full schema validation is the caller's (`validate`, e.g.
 * `(p) => validateDocument('payload', p)` from `@olva/schema/validate`), so that this package
 * does not pull ajv in.
 */
import { parseJson, type ResponsePayload } from '@olva/schema';
import { AnalysisError } from './errors.js';

/** A problem a validator reports (the shape of `@olva/schema/validate`'s SchemaProblem). */
export interface PayloadProblem {
  pointer: string;
  rule: string;
  message: string;
  /** The message in French, when the validator has it (the command then speaks the chosen language). */
  fr?: string;
}

/** Options of the NDJSON reader. */
export interface NdjsonOptions {
  /** Name of the source in errors (a file name); `responses` by default. */
  source?: string;
  /** Full validation of each payload; its first problem stops the reading. */
  validate?: (payload: unknown) => readonly PayloadProblem[];
}

function check(value: unknown, where: string, options: NdjsonOptions): ResponsePayload {
  // A file's fault, not the request's: worded in both languages for the command, never a 400.
  const fail = (pointer: string, rule: string, en: string, fr?: string) => new AnalysisError(`${where}#${pointer}`, rule, en, fr === undefined ? undefined : { fr, en }, false);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw fail('', 'analysis/ndjson', 'each line is one JSON object, an olva-response payload', 'chaque ligne est un objet JSON, une réponse olva-response');
  const payload = value as Partial<ResponsePayload>;
  if (payload.kind !== 'olva-response') throw fail('/kind', 'analysis/ndjson', `must be "olva-response", got ${JSON.stringify(payload.kind)}`, `doit valoir "olva-response", lu ${JSON.stringify(payload.kind)}`);
  const [problem] = options.validate?.(value) ?? [];
  if (problem) throw fail(problem.pointer, problem.rule, problem.message, problem.fr);
  // The fields the analysis reads, checked even without a validator.
  if (typeof payload.wave !== 'string') throw fail('/wave', 'analysis/ndjson', 'missing wave', 'millésime (wave) absent');
  if (typeof payload.territory?.level !== 'string' || typeof payload.territory.code !== 'string') throw fail('/territory', 'analysis/ndjson', 'missing territory { level, code }', 'territoire { level, code } absent');
  if (typeof payload.questionnaire?.id !== 'string' || typeof payload.questionnaire.version !== 'string') throw fail('/questionnaire', 'analysis/ndjson', 'missing questionnaire { id, version }', 'questionnaire { id, version } absent');
  if (typeof payload.answers !== 'object' || payload.answers === null || Array.isArray(payload.answers)) throw fail('/answers', 'analysis/ndjson', 'answers must be an object', 'answers doit être un objet');
  return payload as ResponsePayload;
}

/**
 * The payloads of an NDJSON stream, one per non-blank line.
 * @param chunks the text, in chunks of any size (strings or UTF-8 bytes), e.g. a Node read stream.
 * @throws AnalysisError `<source>:<line>#<pointer>: [rule] message` on the first bad line.
 */
export async function* readNdjsonPayloads(chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>, options: NdjsonOptions = {}): AsyncIterable<ResponsePayload> {
  const source = options.source ?? 'responses';
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending = '';
  let line = 0;
  const parse = (text: string): ResponsePayload | null => {
    line += 1;
    const trimmed = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (trimmed.trim() === '') return null;
    const parsed = parseJson(trimmed);
    if ('error' in parsed) {
      // The file's line is in the place already; within it, the column and the slip, never V8's English.
      // A payload written over several lines (pretty-printed) is the slip of NDJSON that ends a line too soon.
      const { column, slip } = parsed.error;
      const why = column > trimmed.length
        ? { fr: 'la ligne s’arrête avant la fin du JSON (une réponse par ligne, sans retour à la ligne dedans)', en: 'the line ends before the JSON does (one response per line, with no line break inside)' }
        : slip;
      const en = `not JSON, column ${column}: ${why.en}`;
      throw new AnalysisError(`${source}:${line}`, 'analysis/ndjson', en, { fr: `pas du JSON, colonne ${column} : ${why.fr}`, en }, false);
    }
    return check(parsed.value, `${source}:${line}`, options);
  };
  for await (const chunk of chunks) {
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    // A cursor rather than slicing after each line: a whole file given as one chunk must not
    // be copied once per line.
    let start = 0;
    let newline = pending.indexOf('\n');
    while (newline >= 0) {
      const payload = parse(pending.slice(start, newline));
      start = newline + 1;
      if (payload) yield payload;
      newline = pending.indexOf('\n', start);
    }
    pending = pending.slice(start);
  }
  pending += decoder.decode();
  const last = parse(pending);
  if (last) yield last;
}
