/**
 * `GET /v1/waves/:wave/admits`: whether a wave takes answers now, so that a survey page can say
 * so at load instead of its respondents learning it from a 422 at the end. Public like the
 * post it announces (it tells nothing private: the configuration's ranges and dates), cached
 * for a minute. Readable by every page: one whose origin the configuration does not list learns
 * that its browser would block the post (`origin-not-allowed`), and says so before anyone
 * answers, instead of at the end, when the post fails.
 * `answerWaveAdmission` holds the whole behaviour without fastify.
 */
import type { FastifyInstance } from 'fastify';
import semver from 'semver';
import { QUESTIONNAIRE_ID, WAVE } from '../export/query.js';
import { isOwnOrigin } from '../http/cors.js';
import { HttpError, type ResponseProblemBody } from '../http/errors.js';
import { CHANNELS } from '../stats/sample.js';
import { localise } from '../http/language.js';
import { text } from '../messages.js';
import { waveAdmission, type WaveAdmission, type WaveRule } from '../waves.js';

/** Short: a closing date or a new range reaches the pages left open within a minute. */
const CACHE = 'public, max-age=60';

/** What the route reads from the collector. */
export interface WaveRoutesOptions {
  waves: readonly WaveRule[];
  /** The core versions of the accepted builds. */
  versions: () => readonly string[];
  /** The origins configured to post (`origins`). */
  origins: ReadonlySet<string>;
}

/** Who asks: the page's origin (absent on the collector's own pages) and the request's host, and when. */
export interface Asker {
  origin?: string | undefined;
  host?: string | undefined;
  now?: Date;
}

/** True when a page of `origin` would see its post blocked by its browser: an origin neither listed nor the collector's own. */
const unlistedOrigin = (origins: ReadonlySet<string>, origin: string | undefined, host: string | undefined): origin is string =>
  origin !== undefined && !origins.has(origin) && !isOwnOrigin(origin, host);

/** A status and its body: the admission, or a 400 whose problems name the parameter and the rule. */
export type AdmissionAnswer =
  | { status: 200; body: WaveAdmission }
  | { status: 400; problem: ResponseProblemBody };

/** One query parameter given at most once: its value, undefined, or a problem. */
function once(query: Record<string, unknown>, name: string): string | undefined | ResponseProblemBody {
  const value = query[name];
  if (value === undefined) return undefined;
  if (Array.isArray(value) || typeof value !== 'string') return { pointer: `/${name}`, code: 'parameter-once', message: text('bad-request.comparison-once', { name }) };
  return value;
}

/**
 * `GET /v1/waves/<wave>/admits?channel=&questionnaire=&version=` given its path's wave and its
 * query (repeated parameters in arrays). `channel` defaults to `web`; `questionnaire` and
 * `version` (the core's id and version) come together or not at all.
 */
export function answerWaveAdmission(wave: string, query: Record<string, unknown>, options: WaveRoutesOptions, { origin, host, now = new Date() }: Asker = {}): AdmissionAnswer {
  const bad = (problem: ResponseProblemBody): AdmissionAnswer => ({ status: 400, problem });
  if (!WAVE.test(wave)) return bad({ pointer: '/wave', code: 'wave-pattern', message: text('bad-request.wave-pattern', { value: wave.slice(0, 64), pattern: String(WAVE) }) });
  const read: Record<string, string | undefined> = {};
  for (const name of ['channel', 'questionnaire', 'version']) {
    const value = once(query, name);
    if (typeof value === 'object') return bad(value);
    read[name] = value;
  }
  const channel = read.channel ?? 'web';
  if (!(CHANNELS as readonly string[]).includes(channel)) {
    return bad({ pointer: '/channel', code: 'channel-value', message: text('bad-request.comparison-value', { name: 'channel', value: channel.slice(0, 64), values: CHANNELS.join(', ') }) });
  }
  const { questionnaire, version } = read;
  if ((questionnaire === undefined) !== (version === undefined)) {
    return bad({ pointer: questionnaire === undefined ? '/questionnaire' : '/version', code: 'version-pair', message: text('bad-query.version-pair') });
  }
  if (questionnaire !== undefined && !QUESTIONNAIRE_ID.test(questionnaire)) {
    return bad({ pointer: '/questionnaire', code: 'id-pattern', message: text('bad-request.id-pattern', { name: 'questionnaire', value: questionnaire.slice(0, 64), pattern: String(QUESTIONNAIRE_ID) }) });
  }
  if (version !== undefined && semver.valid(version) === null) {
    return bad({ pointer: '/version', code: 'semver', message: text('bad-query.semver', { value: version.slice(0, 64) }) });
  }
  const asked = { wave, channel, ...(questionnaire !== undefined && version !== undefined ? { questionnaire: { id: questionnaire, version } } : {}) };
  const admission = waveAdmission(options.waves, options.versions(), asked, now);
  if (unlistedOrigin(options.origins, origin, host)) {
    // The post from this page would be blocked by its browser, whatever its wave says.
    const problem = { pointer: '/origin', code: 'origin-not-allowed', message: text('origin-not-allowed.unlisted', { origin: origin.slice(0, 200) }) };
    return { status: 200, body: { ...admission, admitted: false, problems: [...admission.problems, problem] } };
  }
  return { status: 200, body: admission };
}

/** Registers the route. */
export async function waveRoutes(app: FastifyInstance, options: WaveRoutesOptions): Promise<void> {
  app.get('/v1/waves/:wave/admits', async (request, reply) => {
    const { origin, host } = request.headers;
    const answer = answerWaveAdmission((request.params as { wave: string }).wave, request.query as Record<string, unknown>, options, { origin, host });
    // Public: a page the configuration does not list reads it too (without credentials), to learn that.
    if (unlistedOrigin(options.origins, origin, host)) reply.header('access-control-allow-origin', '*');
    if (answer.status === 400) throw new HttpError(400, 'bad-query', answer.problem.message, {}, [answer.problem]);
    // A 200 whose problems are worded like a refusal's: in the request's language too.
    return reply.header('cache-control', CACHE).send(localise(answer.body, request, reply));
  });
}
