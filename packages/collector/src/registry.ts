/**
 * The questionnaires a collector knows: the builds its configuration accepts (compiled by
 * `olva build`) and every version it has kept because answers were accepted for it.
 * Exports and statistics read codebooks through it, so a wave is read back with the
 * questionnaire version it was answered with.
 */
import type { CompiledQuestionnaire } from '@olva/schema';

/** A pair of exact versions, as a payload names them. */
export interface VersionKey {
  questionnaire: { id: string; version: string };
  extension: { id: string; version: string } | null;
}

/** One build the configuration accepts answers for. */
export interface AcceptedBuild {
  /** Directory name of the build (`olva-core+rennes-2026`), also `compiled.id`. */
  buildId: string;
  /** Absolute path of the build directory. */
  dir: string;
  compiled: CompiledQuestionnaire;
}

/** Looks up compiled questionnaires by the versions a payload names. */
export interface QuestionnaireRegistry {
  /** The builds the configuration accepts new answers for. */
  accepted(): AcceptedBuild[];
  /** An accepted build by exact versions, or null (new answers for it are refused). */
  findAccepted(key: VersionKey): AcceptedBuild | null;
  /** The compiled questionnaire for exact versions: an accepted build, else a version kept
   * in the store because answers were accepted for it earlier; null when unknown. */
  find(key: VersionKey): Promise<CompiledQuestionnaire | null>;
  /** Every known version (accepted builds and kept versions, without duplicates). */
  all(): Promise<CompiledQuestionnaire[]>;
}

/** A stable string for a version key (`olva-core@2026.1.0+rennes-2026@1.0.0`). */
export function versionKeyString(key: VersionKey): string {
  const core = `${key.questionnaire.id}@${key.questionnaire.version}`;
  return key.extension ? `${core}+${key.extension.id}@${key.extension.version}` : core;
}

/** The version key of a compiled questionnaire. */
export function keyOf(compiled: CompiledQuestionnaire): VersionKey {
  return {
    questionnaire: compiled.questionnaire,
    extension: compiled.extension ? { id: compiled.extension.id, version: compiled.extension.version } : null,
  };
}
