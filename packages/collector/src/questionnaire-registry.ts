/**
 * The questionnaires a collector knows: the builds its configuration accepts (compiled by
 * `olva build`) and every version it has kept because answers were accepted for it.
 * Exports and statistics read codebooks through it, so a wave is read back with the
 * questionnaire version it was answered with.
 */
import type { CompiledQuestionnaire, VersionKey } from '@olva/schema';

/** One build the configuration accepts answers for. */
export interface AcceptedBuild {
  /** Directory name of the build (`olva-core+rennes-2026`): what `/questionnaires/` and `/iframe/` address; usually `compiled.id`, but one extension built on two cores gives two directories of one id. */
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
