/**
 * The builds a collector accepts answers for, read from the directories `olva build` wrote
 * (`questionnaire.json`, and `payload.schema.json` compiled here once, at start-up), and the
 * registry that also finds versions kept in the store.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { COMPILED_FORMAT_VERSION, type CompiledQuestionnaire } from '@olva/schema';
import { ConfigError, type ConfigProblem } from './config/load.js';
import { versionKeyOf, versionKeyString, type VersionKey } from '@olva/schema';
import type { AcceptedBuild, QuestionnaireRegistry } from './questionnaire-registry.js';
import type { ResponseStore } from './store/types.js';
import { text, type Text } from './messages.js';
import { beyondEnvelope } from './intake.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** An accepted build with the validator of its payload schema (null when the build has none). */
export interface LoadedBuild extends AcceptedBuild {
  /**
   * The build's payload schema less what the generic envelope checks (`beyondEnvelope` of
   * `intake.ts`): only meaningful on a payload whose envelope passed.
   */
  validateBeyondEnvelope: ValidateFunction | null;
}

function isCompiled(v: any): v is CompiledQuestionnaire {
  return v && v.kind === 'olva-compiled-questionnaire' && v.formatVersion === COMPILED_FORMAT_VERSION
    && typeof v.questionnaire?.id === 'string' && typeof v.questionnaire?.version === 'string'
    && (v.extension === null || (typeof v.extension?.id === 'string' && typeof v.extension?.version === 'string'))
    && Array.isArray(v.sections) && Array.isArray(v.checks);
}

/**
 * Reads the build directories. Every unreadable, malformed or duplicated build is a
 * problem reported against the configuration entry that names it.
 */
export function loadBuilds(dirs: readonly string[], configFile: string): LoadedBuild[] {
  const problems: ConfigProblem[] = [];
  const builds: LoadedBuild[] = [];
  const seen = new Map<string, number>();
  dirs.forEach((dir, i) => {
    const pointer = `/questionnaires/${i}/build`;
    const problem = (rule: string, message: Text) => problems.push({ file: configFile, pointer, rule, message });
    const qFile = path.join(dir, 'questionnaire.json');
    let compiled: unknown;
    try {
      compiled = JSON.parse(fs.readFileSync(qFile, 'utf8'));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      problem('build-readable', code === 'ENOENT'
        ? text('build-readable.missing', { file: qFile })
        : text('build-readable', { file: qFile, detail: (e as Error).message }));
      return;
    }
    if (!isCompiled(compiled)) {
      problem('build-format', text('build-format', { file: qFile, format: COMPILED_FORMAT_VERSION }));
      return;
    }
    const key = versionKeyString(versionKeyOf(compiled));
    if (seen.has(key)) {
      problem('unique-build', text('unique-build', { version: key, index: seen.get(key)! }));
      return;
    }
    seen.set(key, i);
    let validateBeyondEnvelope: ValidateFunction | null = null;
    const sFile = path.join(dir, 'payload.schema.json');
    if (fs.existsSync(sFile)) {
      try {
        const compile = (s: object) => addFormats(new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true })).compile(s);
        const schema = JSON.parse(fs.readFileSync(sFile, 'utf8'));
        const rest = beyondEnvelope(schema);
        try {
          validateBeyondEnvelope = compile(rest ?? schema);
        } catch (e) {
          // Reported as ajv words it for the whole schema.
          if (!rest) throw e;
          validateBeyondEnvelope = compile(schema);
        }
      } catch (e) {
        problem('build-schema', text('build-schema', { file: sFile, detail: (e as Error).message }));
        return;
      }
    }
    builds.push({ buildId: path.basename(dir), dir, compiled, validateBeyondEnvelope });
  });
  if (problems.length) throw new ConfigError(problems);
  return builds;
}

/** The registry over the accepted builds and the store's kept versions. */
export class BuildRegistry implements QuestionnaireRegistry {
  private readonly byKey: Map<string, LoadedBuild>;
  /** Builds whose version the store has kept (its write has succeeded). */
  private readonly kept = new WeakSet<LoadedBuild>();
  /** The write under way of a build's version, shared by the responses that arrive meanwhile. */
  private readonly keeping = new WeakMap<LoadedBuild, Promise<void>>();

  constructor(private readonly builds: LoadedBuild[], private readonly store: ResponseStore) {
    this.byKey = new Map(builds.map((b) => [versionKeyString(versionKeyOf(b.compiled)), b]));
  }

  accepted(): LoadedBuild[] {
    return [...this.builds];
  }

  findAccepted(key: VersionKey): LoadedBuild | null {
    return this.byKey.get(versionKeyString(key)) ?? null;
  }

  /**
   * What a response to `build` waits for before it is stored: the store keeping the build's
   * version (`saveQuestionnaire`), so that a wave can always be read back with its codebook.
   * Null once that write has succeeded: later responses do not wait (nor allocate a promise).
   * A failed write is forgotten, and tried again by the next response.
   */
  keep(build: LoadedBuild): Promise<void> | null {
    if (this.kept.has(build)) return null;
    let writing = this.keeping.get(build);
    if (writing === undefined) {
      writing = this.store.saveQuestionnaire(build.compiled).then(() => {
        this.kept.add(build);
        this.keeping.delete(build);
      }, (e: unknown) => {
        this.keeping.delete(build);
        throw e;
      });
      this.keeping.set(build, writing);
    }
    return writing;
  }

  async find(key: VersionKey): Promise<CompiledQuestionnaire | null> {
    return this.findAccepted(key)?.compiled ?? this.store.getQuestionnaire(key.questionnaire, key.extension);
  }

  async all(): Promise<CompiledQuestionnaire[]> {
    const out = new Map<string, CompiledQuestionnaire>();
    for (const c of await this.store.listQuestionnaires()) out.set(versionKeyString(versionKeyOf(c)), c);
    for (const b of this.builds) out.set(versionKeyString(versionKeyOf(b.compiled)), b.compiled);
    return [...out.values()];
  }
}
