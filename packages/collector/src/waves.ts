/**
 * Waves tied to versions: the configuration may say, for a wave, which versions of the core
 * it accepts (`waves: [{ "id": "2026", "core": "^2026.1.0" }]`, a semver range). A response
 * whose wave is listed and whose core version is outside the range is refused with a 422
 * (`wave-version`, at `/wave`): a 2027 questionnaire posted into wave 2026 would mix versions
 * that the network compares across waves, not within one. Waves not listed accept any
 * version (collectors configured before waves existed keep working).
 *
 * A listed wave may also close (`"closes": "2027-06-30"`): after it, answers given online
 * (`web`, `kiosk`) are refused with a 422 (`wave-closed`, at `/wave`), so that a page left up
 * after the collection stops feeding it; paper and phone entries, typed in after the
 * collection closes, are still taken.
 */
import semver from 'semver';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { CompiledQuestionnaire, ResponsePayload } from '@olva/schema';
import type { ResponseProblemBody } from './http/errors.js';
import { text, type Text } from './messages.js';
import { sectorChoices } from './stats/sample.js';

/** One wave of the configuration and the core versions it accepts. */
export interface WaveRule {
  id: string;
  /** Semver range of the core versions the wave accepts, e.g. `^2026.1.0`. */
  core: string;
  /**
   * When online answers stop (RFC 3339): a date (`2027-06-30`, answers are taken until the end
   * of that day, Paris time) or a date-time with its offset (`2027-06-30T18:00:00+02:00`).
   */
  closes?: string;
}

/** The channels a closed wave refuses: those a respondent answers on by themself. */
export const CLOSING_CHANNELS: readonly string[] = ['web', 'kiosk'];

/** `+01:00`-style offset of Paris at `utc` (ms), in minutes. */
function parisOffset(utc: number): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' })
    .formatToParts(utc).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** ajv-formats' own RFC 3339 checks (a day the calendar has, a time with its offset). */
function rfc3339(format: 'date' | 'date-time', value: string): boolean {
  return (fullFormats[format] as { validate: (v: string) => boolean }).validate(value);
}

/**
 * The instant (ms since the epoch) a wave closes, NaN when `closes` is not an RFC 3339 date or
 * date-time. A date alone closes at the following midnight in Paris, the network's time: a
 * coordinator who writes the last day of the collection means the whole of it. France never
 * changes its clocks around midnight, so the offset read at 00:00 UTC is the one of that midnight.
 */
export function closingInstant(closes: string): number {
  let instant = instants.get(closes);
  if (instant === undefined) {
    if (rfc3339('date', closes)) {
      const [y, m, d] = closes.split('-').map(Number) as [number, number, number];
      const midnightUtc = Date.UTC(y, m - 1, d + 1);
      instant = midnightUtc - parisOffset(midnightUtc) * 60_000;
    } else {
      instant = rfc3339('date-time', closes) ? Date.parse(closes) : NaN;
    }
    instants.set(closes, instant);
  }
  return instant;
}

/** Each configured date read once: every web answer to a closing wave asks for it. */
const instants = new Map<string, number>();

/** Configuration problems of `waves`: a duplicated id, a range that is not semver, a closing date RFC 3339 does not allow. */
export function waveConfigProblems(waves: readonly WaveRule[]): { pointer: string; rule: string; message: Text }[] {
  const out: { pointer: string; rule: string; message: Text }[] = [];
  const seen = new Set<string>();
  waves.forEach((w, i) => {
    if (seen.has(w.id)) out.push({ pointer: `/waves/${i}/id`, rule: 'unique-wave', message: text('unique-wave', { wave: w.id }) });
    seen.add(w.id);
    if (semver.validRange(w.core) === null) {
      out.push({ pointer: `/waves/${i}/core`, rule: 'semver-range', message: text('semver-range', { range: w.core }) });
    }
    if (w.closes !== undefined && Number.isNaN(closingInstant(w.closes))) {
      out.push({ pointer: `/waves/${i}/closes`, rule: 'closing-date', message: text('closing-date', { value: w.closes.slice(0, 64) }) });
    }
  });
  return out;
}

/** Whether `wave` takes answers given with core `version`: a listed wave by its range, any other wave every version. */
export function waveAccepts(waves: readonly WaveRule[], wave: string, version: string): boolean {
  const rule = waves.find((w) => w.id === wave);
  return !rule || semver.satisfies(version, rule.core);
}

/** The problem of a payload whose wave does not accept its core version, if any. */
export function waveProblems(payload: Pick<ResponsePayload, 'wave' | 'questionnaire'>, waves: readonly WaveRule[]): ResponseProblemBody[] {
  if (waveAccepts(waves, payload.wave, payload.questionnaire.version)) return [];
  const rule = waves.find((w) => w.id === payload.wave)!;
  const { id, version } = payload.questionnaire;
  return [{
    pointer: '/wave',
    code: 'wave-version',
    message: text('wave-version', { wave: rule.id, range: rule.core, questionnaire: id, version }),
  }];
}

/** Whether the listed wave `rule` is closed at `now` (ms). */
function closedAt(rule: WaveRule | undefined, now: number): rule is WaveRule & { closes: string } {
  return rule?.closes !== undefined && now >= closingInstant(rule.closes);
}

function closedProblem(rule: WaveRule & { closes: string }): ResponseProblemBody {
  return { pointer: '/wave', code: 'wave-closed', message: text('wave-closed', { wave: rule.id, closes: rule.closes }) };
}

/**
 * The problem of an online answer to a closed wave, if any. An answer the respondent sent
 * before the closing (`submittedAt`) and that the device's outbox delivers only now is still
 * taken: the page was right when it was answered. Paper and phone are always taken.
 */
export function closedProblems(payload: Pick<ResponsePayload, 'wave' | 'channel' | 'submittedAt'>, waves: readonly WaveRule[], now: Date): ResponseProblemBody[] {
  if (!CLOSING_CHANNELS.includes(payload.channel)) return [];
  const rule = waves.find((w) => w.id === payload.wave);
  if (!closedAt(rule, now.getTime()) || Date.parse(payload.submittedAt) < closingInstant(rule.closes)) return [];
  return [closedProblem(rule)];
}

/** What `GET /v1/waves/:wave/admits` answers: whether the wave takes answers of this channel (and version). */
export interface WaveAdmission {
  wave: string;
  /** True when a response of this channel (and version, when one was given) would not be refused for its wave. */
  admitted: boolean;
  /** The reasons it would be (`wave-closed`, `wave-version`), as the 422 of `POST /v1/responses` words them. */
  problems: ResponseProblemBody[];
  /** A listed wave: the core versions of this collector's questionnaires it takes (a page compares its own by equality). */
  versions?: string[];
  /** A listed wave's closing date, as configured. */
  closes?: string;
}

/**
 * Whether `wave` takes answers given on `channel` now, and with the core `questionnaire`'s
 * version when given: the same rules as a posted response (`closedProblems`, `waveProblems`), so
 * that a page learns at load what its respondents would otherwise learn at the end. `versions` are the core versions
 * of the accepted builds; a page that does not know its version yet (its questionnaire is still
 * on the way) finds its own among those the answer lists.
 */
export function waveAdmission(
  waves: readonly WaveRule[], versions: readonly string[], asked: { wave: string; channel: string; questionnaire?: { id: string; version: string } }, now: Date,
): WaveAdmission {
  const rule = waves.find((w) => w.id === asked.wave);
  const problems: ResponseProblemBody[] = [];
  if (CLOSING_CHANNELS.includes(asked.channel) && closedAt(rule, now.getTime())) problems.push(closedProblem(rule));
  if (asked.questionnaire) problems.push(...waveProblems({ wave: asked.wave, questionnaire: asked.questionnaire }, waves));
  return {
    wave: asked.wave,
    admitted: problems.length === 0,
    problems,
    ...(rule ? { versions: [...new Set(versions)].filter((v) => semver.satisfies(v, rule.core)).sort(semver.compare) } : {}),
    ...(rule?.closes !== undefined ? { closes: rule.closes } : {}),
  };
}

/**
 * Warnings for the waves whose range takes none of the accepted builds' core versions (a typo
 * such as `^2027.1.0` for a 2027.0.0 build): every answer to them, on the web at the end of the
 * questionnaire, would be refused. A warning rather than a refusal to start: a wave whose
 * builds were withdrawn once it closed may stay listed.
 */
export function wavesWithoutBuild(waves: readonly WaveRule[], versions: readonly string[], file: string): Text[] {
  const accepted = [...new Set(versions)].sort();
  const out: Text[] = [];
  waves.forEach((w, index) => {
    if (accepted.some((v) => semver.satisfies(v, w.core))) return;
    out.push(text('warning.wave-without-build', { file, index, wave: w.id, range: w.core, versions: accepted.join(', ') || '—' }));
  });
  return out;
}

/**
 * Warnings for expected distributions (`stats.expected`) that name a sector the versions of a
 * listed wave do not have: the register's sectors of one core version (2026's `social_sante`)
 * kept for a wave of a core that split it (2027's `action_sociale` and `sante`) would compare
 * with no response, and the cockpit would ask to chase them.
 */
export function expectedSectorWarnings(
  expected: readonly { wave?: string; sectors: Record<string, number> }[], waves: readonly WaveRule[],
  builds: readonly CompiledQuestionnaire[], sectorQuestion: string, file: string,
): Text[] {
  const out: Text[] = [];
  expected.forEach((e, index) => {
    for (const w of waves) {
      if (e.wave !== undefined && e.wave !== w.id) continue;
      const versions = builds.filter((b) => semver.satisfies(b.questionnaire.version, w.core));
      const choices = new Set(sectorChoices(versions, sectorQuestion).keys());
      if (choices.size === 0) continue;
      for (const code of Object.keys(e.sectors)) {
        if (choices.has(code)) continue;
        out.push(text('warning.expected-sector', {
          file, index, code, wave: w.id,
          versions: [...new Set(versions.map((b) => b.questionnaire.version))].sort().join(', '), choices: [...choices].join(', '),
        }));
      }
    }
  });
  return out;
}
