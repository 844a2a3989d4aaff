/**
 * The "version key": the exact questionnaire and extension versions a response was answered
 * with, and its one string spelling (`olva-core@2026.1.0+rennes-2026@1.0.0`). The collector
 * stores kept versions under that string and the runtime names drafts with it, so it is
 * written once here.
 */
import type { CompiledQuestionnaire } from './compiled.js';
import type { VersionRef } from './payload.generated.js';

/** A pair of exact versions, as a payload names them. */
export interface VersionKey {
  questionnaire: VersionRef;
  extension: VersionRef | null;
}

/** A stable string for a version key (`olva-core@2026.1.0+rennes-2026@1.0.0`, or `olva-core@2026.1.0` without extension). */
export function versionKeyString(key: VersionKey): string {
  const core = `${key.questionnaire.id}@${key.questionnaire.version}`;
  return key.extension ? `${core}+${key.extension.id}@${key.extension.version}` : core;
}

/** The version key of a compiled questionnaire. */
export function versionKeyOf(compiled: CompiledQuestionnaire): VersionKey {
  return {
    questionnaire: compiled.questionnaire,
    extension: compiled.extension ? { id: compiled.extension.id, version: compiled.extension.version } : null,
  };
}

/**
 * Orders version numbers: `2026.2.0` < `2026.10.0` (numeric parts as numbers, any other part
 * as text; a build tag after `+` orders like the rest). The analysis, the exports and the codebooks sort
 * versions with it.
 */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.+-]/);
  const pb = b.split(/[.+-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    const nx = Number(x);
    const ny = Number(y);
    const d = x !== '' && y !== '' && Number.isInteger(nx) && Number.isInteger(ny) ? nx - ny : x.localeCompare(y);
    if (d !== 0) return d;
  }
  return 0;
}
