/**
 * Waves tied to versions: the configuration may say, for a wave, which versions of the core
 * it accepts (`waves: [{ "id": "2026", "core": "^2026.1.0" }]`, a semver range). A response
 * whose wave is listed and whose core version is outside the range is refused with a 422
 * (`wave-version`, at `/wave`): a 2027 questionnaire posted into wave 2026 would mix versions
 * that the network compares across waves, not within one. Waves not listed accept any
 * version (collectors configured before waves existed keep working).
 */
import semver from 'semver';
import type { CompiledQuestionnaire, ResponsePayload } from '@olva/schema';
import type { ResponseProblemBody } from './http/errors.js';
import { text, type Text } from './messages.js';
import { sectorChoices } from './stats/sample.js';

/** One wave of the configuration and the core versions it accepts. */
export interface WaveRule {
  id: string;
  /** Semver range of the core versions the wave accepts, e.g. `^2026.1.0`. */
  core: string;
}

/** Configuration problems of `waves`: a duplicated id or a range that is not semver. */
export function waveConfigProblems(waves: readonly WaveRule[]): { pointer: string; rule: string; message: Text }[] {
  const out: { pointer: string; rule: string; message: Text }[] = [];
  const seen = new Set<string>();
  waves.forEach((w, i) => {
    if (seen.has(w.id)) out.push({ pointer: `/waves/${i}/id`, rule: 'unique-wave', message: text('unique-wave', { wave: w.id }) });
    seen.add(w.id);
    if (semver.validRange(w.core) === null) {
      out.push({ pointer: `/waves/${i}/core`, rule: 'semver-range', message: text('semver-range', { range: w.core }) });
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
